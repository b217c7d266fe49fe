extension CSV {
  /// The records of CSV `bytes`, each a list of fields, so that exports can be checked by
  /// reading them back and small imports need no other parser.
  ///
  /// A leading UTF-8 byte-order mark is skipped. Quoted fields may hold commas, doubled
  /// quotes and line breaks; records may end in CRLF, LF or CR, and a final line break adds
  /// no empty record. Fields are taken as written: the apostrophe that
  /// ``encode(header:rows:byteOrderMark:)`` puts before formula-like text is kept, because
  /// it cannot be told apart from one the author typed.
  ///
  /// - Throws: ``CSVError`` for an unterminated quote, text after a closing quote or bytes
  ///   that are not UTF-8, rather than guessing at a damaged file.
  public static func parse(_ bytes: [UInt8]) throws -> [[String]] {
    var parser = Parser(bytes: bytes)
    return try parser.records()
  }
}

/// A single pass over the bytes; fields are split on ASCII delimiters, which never occur
/// inside a multi-byte UTF-8 sequence.
private struct Parser {
  let bytes: [UInt8]
  var index = 0
  var line = 1

  init(bytes: [UInt8]) {
    self.bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      index = 3
    }
  }

  mutating func records() throws(CSVError) -> [[String]] {
    var records: [[String]] = []
    while index < bytes.count {
      records.append(try record())
    }
    return records
  }

  /// Reads one record and the line break that ends it, if any.
  mutating func record() throws(CSVError) -> [String] {
    var fields: [String] = []
    while true {
      fields.append(try field())
      guard index < bytes.count else { return fields }
      let delimiter = bytes[index]
      index += 1
      if delimiter == CSV.comma {
        continue
      }
      if delimiter == CSV.carriageReturn, index < bytes.count, bytes[index] == CSV.lineFeed {
        index += 1
      }
      line += 1
      return fields
    }
  }

  /// Reads one field, stopping before the comma or line break after it.
  mutating func field() throws(CSVError) -> String {
    guard index < bytes.count, bytes[index] == CSV.quote else {
      let start = index
      while index < bytes.count, !isDelimiter(bytes[index]) {
        index += 1
      }
      return try decode(bytes[start..<index])
    }
    let startLine = line
    index += 1
    var content: [UInt8] = []
    while true {
      guard index < bytes.count else { throw .unterminatedQuote(line: startLine) }
      let byte = bytes[index]
      index += 1
      if byte == CSV.quote {
        if index < bytes.count, bytes[index] == CSV.quote {
          content.append(CSV.quote)
          index += 1
          continue
        }
        guard index == bytes.count || isDelimiter(bytes[index]) else {
          throw .textAfterClosingQuote(line: line)
        }
        return try decode(content[...])
      }
      let endsLine =
        byte == CSV.lineFeed
        || (byte == CSV.carriageReturn && (index == bytes.count || bytes[index] != CSV.lineFeed))
      if endsLine {
        line += 1
      }
      content.append(byte)
    }
  }

  func isDelimiter(_ byte: UInt8) -> Bool {
    byte == CSV.comma || byte == CSV.carriageReturn || byte == CSV.lineFeed
  }

  func decode(_ slice: ArraySlice<UInt8>) throws(CSVError) -> String {
    let text = String(decoding: slice, as: UTF8.self)
    guard text.utf8.elementsEqual(slice) else { throw .invalidUTF8(line: line) }
    return text
  }
}
