/// Comma-separated values for exporting reports to spreadsheets (RFC 4180).
///
/// Exports are opened by coordinators in Excel, Numbers or WPS, so the output favours what
/// those programs read correctly over the shortest text: UTF-8 with a byte-order mark,
/// CRLF record endings and quoting whenever a program could misread a field.
public enum CSV {
  static let quote = UInt8(ascii: "\"")
  static let comma = UInt8(ascii: ",")
  static let carriageReturn = UInt8(ascii: "\r")
  static let lineFeed = UInt8(ascii: "\n")

  /// The CSV bytes of a header record followed by `rows`.
  ///
  /// Records end in CRLF, the last one too, as RFC 4180 and spreadsheet programs expect. A
  /// field is quoted, with inner quotes doubled, when it contains a comma, a double quote, CR
  /// or LF, or begins or ends with a space or tab, which some programs would otherwise trim.
  ///
  /// The byte-order mark (`byteOrderMark`, on by default) is what makes Excel read the file
  /// as UTF-8 rather than the system code page, which would garble every Chinese character;
  /// turn it off only for programs that choke on it.
  ///
  /// Fields that begin with `=`, `+`, `-`, `@`, tab or CR get a leading apostrophe `'`.
  /// Reports are typed by many people, and a spreadsheet runs such a field as a formula when
  /// the export is opened, which can leak data or run commands on the reader's machine
  /// (OWASP "CSV Injection"); the apostrophe makes the program show it as text. Plain
  /// numbers such as `-12.5` or `+3` are left alone so coordinates and amounts stay numeric.
  public static func encode(
    header: [String], rows: [[String]], byteOrderMark: Bool = true
  ) -> [UInt8] {
    var output: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
    append(record: header, to: &output)
    for row in rows {
      append(record: row, to: &output)
    }
    return output
  }

  /// Appends one record and its CRLF.
  static func append(record: [String], to output: inout [UInt8]) {
    for (index, field) in record.enumerated() {
      if index > 0 {
        output.append(comma)
      }
      // A lone empty field is quoted so that its record is not a blank line, which readers
      // skip or take for the end of the data.
      append(field: field, forceQuotes: record.count == 1, to: &output)
    }
    output.append(contentsOf: [carriageReturn, lineFeed])
  }

  /// Appends one field: guarded against formula injection, then quoted if it must be.
  static func append(field: String, forceQuotes: Bool, to output: inout [UInt8]) {
    var bytes = Array(field.utf8)
    if needsFormulaGuard(bytes) {
      bytes.insert(UInt8(ascii: "'"), at: 0)
    }
    guard needsQuotes(bytes) || (forceQuotes && bytes.isEmpty) else {
      output.append(contentsOf: bytes)
      return
    }
    output.append(quote)
    for byte in bytes {
      if byte == quote {
        output.append(quote)
      }
      output.append(byte)
    }
    output.append(quote)
  }

  /// Whether a spreadsheet could take the field for a formula.
  static func needsFormulaGuard(_ bytes: [UInt8]) -> Bool {
    guard let first = bytes.first else { return false }
    switch first {
    case UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "\t"), carriageReturn:
      return true
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      return !isPlainNumber(bytes)
    default:
      return false
    }
  }

  /// Whether the field is an optional sign, digits and an optional fraction: a value a
  /// spreadsheet reads as a number, never as a formula.
  static func isPlainNumber(_ bytes: [UInt8]) -> Bool {
    var rest = bytes[...]
    if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
      rest = rest.dropFirst()
    }
    let parts = rest.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count <= 2 else { return false }
    return parts.allSatisfy { part in
      !part.isEmpty && part.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
  }

  /// Whether the field must be quoted to survive a reader unchanged.
  static func needsQuotes(_ bytes: [UInt8]) -> Bool {
    let edges: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t")]
    if let first = bytes.first, edges.contains(first) { return true }
    if let last = bytes.last, edges.contains(last) { return true }
    return bytes.contains { $0 == comma || $0 == quote || $0 == carriageReturn || $0 == lineFeed }
  }
}
