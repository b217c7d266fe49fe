import LiaisonMerge

/// A strict RFC 8259 parser into ``JSONValue``.
///
/// Foundation's JSONDecoder was the largest cost of a push, and it accepts what the protocol
/// must refuse: it keeps one of two duplicate keys without a word, so two peers could read one
/// body differently. This parser refuses duplicate keys, nesting deeper than
/// ``maximumDepth``, invalid UTF-8 and lone surrogates, and reads integers exactly.
struct JSONParser {
  static let maximumDepth = 64

  private let bytes: [UInt8]
  private var position = 0
  private var depth = 0
  /// With ``parseDocument(streaming:decodingChanges:_:)``: the top-level member whose array
  /// elements are handed out as they are read, instead of kept, and whether each is first
  /// offered to ``ChangeScanner``.
  private var streamKey: String?
  private var decodesChanges = false
  private var onElement: ((StreamedChange) -> Void)?

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Parses a document whose top-level object's member `key`, when it is an array, is not
  /// kept: each of its elements goes to `element` as soon as it is parsed, and the member is
  /// returned as an empty array. Every rule of ``parseDocument()`` still holds for the whole
  /// text, so a caller learns that the document is malformed only when this throws, after
  /// the elements before the fault have gone out.
  ///
  /// With `decodingChanges`, an element that ``ChangeScanner`` takes goes out decoded; the
  /// bytes it took are JSON this parser accepts, so the document's rules are unchanged.
  mutating func parseDocument(
    streaming key: String, decodingChanges: Bool, _ element: @escaping (StreamedChange) -> Void
  ) throws(ValidationError) -> JSONValue {
    streamKey = key
    decodesChanges = decodingChanges
    onElement = element
    return try parseDocument()
  }

  /// The string whose opening quote is at `start` in `bytes`, read by the rules of any other,
  /// and the position after its closing quote; nil when it is not a valid string.
  static func string(in bytes: [UInt8], at start: Int) -> (text: String, end: Int)? {
    var parser = JSONParser(bytes)
    parser.position = start
    guard start < bytes.count, bytes[start] == UInt8(ascii: "\""),
      let text = try? parser.parseString()
    else { return nil }
    return (text, parser.position)
  }

  mutating func parseDocument() throws(ValidationError) -> JSONValue {
    skipWhitespace()
    let value = try parseValue()
    skipWhitespace()
    if position != bytes.count { throw failure("unexpected text after the JSON value") }
    return value
  }

  private mutating func parseValue() throws(ValidationError) -> JSONValue {
    guard position < bytes.count else { throw failure("the input ends where a value should be") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw failure("unexpected character")
    }
  }

  private mutating func parseObject() throws(ValidationError) -> JSONValue {
    try enter()
    position += 1
    // Not `Dictionary(minimumCapacity:)`: that initialiser is not specialised, and looking up
    // its storage's generic type on every object made parsing twice as slow as growing from
    // empty (`liaison-sync-bench signatures`, parse_us 12.8 against 7.0).
    var members: [String: JSONValue] = [:]
    skipWhitespace()
    if consume(UInt8(ascii: "}")) {
      depth -= 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw failure("expected a member name")
      }
      let key = try parseString()
      skipWhitespace()
      guard consume(UInt8(ascii: ":")) else { throw failure("expected ':' after a member name") }
      skipWhitespace()
      let value: JSONValue
      if depth == 1, key == streamKey, let onElement, position < bytes.count,
        bytes[position] == UInt8(ascii: "[")
      {
        value = try parseArray(handingOutTo: onElement)
      } else {
        value = try parseValue()
      }
      if members.updateValue(value, forKey: key) != nil {
        throw failure("duplicate member \"\(key)\"")
      }
      skipWhitespace()
      if consume(UInt8(ascii: ",")) { continue }
      guard consume(UInt8(ascii: "}")) else { throw failure("expected ',' or '}' in an object") }
      depth -= 1
      return .object(members)
    }
  }

  private mutating func parseArray(handingOutTo element: ((StreamedChange) -> Void)? = nil)
    throws(ValidationError) -> JSONValue
  {
    try enter()
    position += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if consume(UInt8(ascii: "]")) {
      depth -= 1
      return .array(items)
    }
    while true {
      skipWhitespace()
      if let element {
        if decodesChanges,
          let (change, end, encodings) = ChangeScanner.change(in: bytes, at: position)
        {
          position = end
          element(.decoded(change, encodings))
        } else {
          element(.parsed(try parseValue()))
        }
      } else {
        items.append(try parseValue())
      }
      skipWhitespace()
      if consume(UInt8(ascii: ",")) { continue }
      guard consume(UInt8(ascii: "]")) else { throw failure("expected ',' or ']' in an array") }
      depth -= 1
      return .array(items)
    }
  }

  private mutating func parseString() throws(ValidationError) -> String {
    position += 1
    let start = position
    // Fast path: no escapes, so the bytes are the string once validated as UTF-8. ASCII
    // (every byte below 0x80, as names, ids, times and signatures are) is valid UTF-8 as it
    // stands, and skips the validating initialiser, which is generic and not specialised.
    var highBits: UInt8 = 0
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let slice = bytes[start..<position]
        position += 1
        if highBits < 0x80 { return String(decoding: slice, as: UTF8.self) }
        guard let text = String(validating: slice, as: UTF8.self) else {
          throw failure("a string is not valid UTF-8")
        }
        return text
      }
      highBits |= byte
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw failure("a control character must be escaped in a string") }
      position += 1
    }
    var scalars = Array(bytes[start..<position])
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        guard let text = String(validating: scalars, as: UTF8.self) else {
          throw failure("a string is not valid UTF-8")
        }
        return text
      case UInt8(ascii: "\\"):
        try appendEscape(to: &scalars)
      case 0..<0x20:
        throw failure("a control character must be escaped in a string")
      default:
        scalars.append(byte)
      }
    }
    throw failure("a string is not closed")
  }

  private mutating func appendEscape(to output: inout [UInt8]) throws(ValidationError) {
    guard position < bytes.count else { throw failure("a string ends inside an escape") }
    let escape = bytes[position]
    position += 1
    switch escape {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
    case UInt8(ascii: "b"): output.append(0x08)
    case UInt8(ascii: "f"): output.append(0x0c)
    case UInt8(ascii: "n"): output.append(0x0a)
    case UInt8(ascii: "r"): output.append(0x0d)
    case UInt8(ascii: "t"): output.append(0x09)
    case UInt8(ascii: "u"):
      var code = try hexQuad()
      if (0xD800...0xDBFF).contains(code) {
        guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) else {
          throw failure("a lone surrogate in a string")
        }
        let low = try hexQuad()
        guard (0xDC00...0xDFFF).contains(low) else { throw failure("a lone surrogate in a string") }
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
      } else if (0xDC00...0xDFFF).contains(code) {
        throw failure("a lone surrogate in a string")
      }
      guard let scalar = Unicode.Scalar(code) else { throw failure("an invalid \\u escape") }
      output.append(contentsOf: Array(String(Character(scalar)).utf8))
    default:
      throw failure("an invalid escape in a string")
    }
  }

  private mutating func hexQuad() throws(ValidationError) -> UInt32 {
    guard position + 4 <= bytes.count else { throw failure("a \\u escape is cut short") }
    var value: UInt32 = 0
    for byte in bytes[position..<position + 4] {
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw failure("a \\u escape needs four hexadecimal digits")
      }
      value = value << 4 | UInt32(digit)
    }
    position += 4
    return value
  }

  private mutating func parseNumber() throws(ValidationError) -> JSONValue {
    let start = position
    _ = consume(UInt8(ascii: "-"))
    guard position < bytes.count, isDigit(bytes[position]) else {
      throw failure("a number needs digits")
    }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
      if position < bytes.count, isDigit(bytes[position]) {
        throw failure("a number may not have leading zeros")
      }
    } else {
      while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }
    var integral = true
    if consume(UInt8(ascii: ".")) {
      integral = false
      guard position < bytes.count, isDigit(bytes[position]) else {
        throw failure("a fraction needs digits")
      }
      while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }
    if position < bytes.count,
      bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")
    {
      integral = false
      position += 1
      if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
      guard position < bytes.count, isDigit(bytes[position]) else {
        throw failure("an exponent needs digits")
      }
      while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }
    if integral, position - start <= 18 {
      // Up to 18 digits always fit an Int64: read them without making a string.
      var magnitude: Int64 = 0
      for byte in bytes[start..<position] where byte != UInt8(ascii: "-") {
        magnitude = magnitude * 10 + Int64(byte - UInt8(ascii: "0"))
      }
      return .integer(bytes[start] == UInt8(ascii: "-") ? -magnitude : magnitude)
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    if integral, let integer = Int64(text) { return .integer(integer) }
    guard let number = Double(text), number.isFinite else { throw failure("a number out of range") }
    return .number(number)
  }

  private mutating func parseLiteral(_ word: StaticString, _ value: JSONValue)
    throws(ValidationError) -> JSONValue
  {
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count,
      word.withUTF8Buffer({ bytes[position..<position + count].elementsEqual($0) })
    else {
      throw failure("unexpected word")
    }
    position += count
    return value
  }

  private mutating func enter() throws(ValidationError) {
    depth += 1
    if depth > Self.maximumDepth {
      throw failure("nesting deeper than \(Self.maximumDepth) levels")
    }
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0a, 0x0d: position += 1
      default: return
      }
    }
  }

  private mutating func consume(_ byte: UInt8) -> Bool {
    guard position < bytes.count, bytes[position] == byte else { return false }
    position += 1
    return true
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  private func failure(_ reason: String) -> ValidationError {
    ValidationError(field: "body", value: "", problem: .malformed("\(reason) at byte \(position)"))
  }
}
