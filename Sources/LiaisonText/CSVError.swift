/// Why ``CSV/parse(_:)`` rejected its input, with the line to look at, so that a person
/// fixing a hand-edited file can find the problem instead of getting silently shifted
/// columns.
public enum CSVError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A quoted field that opens on `line` never closes, which usually means a stray `"` and
  /// would otherwise swallow the rest of the file into one field.
  case unterminatedQuote(line: Int)

  /// Something other than a comma or line break follows a closing quote on `line`, as in
  /// `"a"b`; RFC 4180 gives that no meaning, so guessing could corrupt the value.
  case textAfterClosingQuote(line: Int)

  /// A field on `line` is not valid UTF-8, usually a file saved in a legacy code page such
  /// as GBK; reading it anyway would replace every Chinese character with "�".
  case invalidUTF8(line: Int)

  /// A one-line explanation for people, with the 1-based line number.
  public var description: String {
    switch self {
    case .unterminatedQuote(let line):
      return "CSV line \(line): a quoted field starts here but its closing quote is missing"
    case .textAfterClosingQuote(let line):
      return "CSV line \(line): text after a closing quote; a field's quotes must enclose it"
    case .invalidUTF8(let line):
      return "CSV line \(line): not valid UTF-8; save the file as UTF-8 and try again"
    }
  }
}
