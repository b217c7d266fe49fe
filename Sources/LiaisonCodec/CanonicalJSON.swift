/// The canonical JSON encoding of `protocol/merge.md`: equal values encode to equal bytes.
///
/// Object keys sorted by their UTF-8 bytes, no insignificant white space, integers in their
/// shortest decimal form, strings as UTF-8 with only `"`, `\` and control characters
/// escaped (the short escapes `\b \t \n \f \r` where they exist, `\u00xx` otherwise).
/// These are the rules of RFC 8785 for the documents the protocol allows.
public enum CanonicalJSON {
  /// The canonical bytes of `value`. Non-integer numbers, which the protocol never uses, are
  /// written in Swift's shortest round-trip form.
  public static func encode(_ value: JSONValue) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(256)
    write(value, to: &output)
    return output
  }

  /// The canonical encoding as a string.
  public static func string(_ value: JSONValue) -> String {
    String(decoding: encode(value), as: UTF8.self)
  }

  static func write(_ value: JSONValue, to output: inout [UInt8]) {
    switch value {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
    case .integer(let number): output.append(contentsOf: String(number).utf8)
    case .number(let number): output.append(contentsOf: "\(number)".utf8)
    case .string(let text): writeString(text, to: &output)
    case .array(let items):
      output.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        write(item, to: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      output.append(UInt8(ascii: "{"))
      let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      for (index, key) in keys.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        writeString(key, to: &output)
        output.append(UInt8(ascii: ":"))
        write(members[key]!, to: &output)
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  static func writeString(_ text: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
      // Most strings need no escape: copy them whole.
      guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5c }) else { return false }
      output.append(contentsOf: bytes)
      return true
    }
    if plain == true {
      output.append(UInt8(ascii: "\""))
      return
    }
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), byte])
      case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), byte])
      case 0x08: output.append(contentsOf: "\\b".utf8)
      case 0x09: output.append(contentsOf: "\\t".utf8)
      case 0x0a: output.append(contentsOf: "\\n".utf8)
      case 0x0c: output.append(contentsOf: "\\f".utf8)
      case 0x0d: output.append(contentsOf: "\\r".utf8)
      case 0x00..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        output.append(contentsOf: "\\u00".utf8)
        output.append(hex[Int(byte >> 4)])
        output.append(hex[Int(byte & 0x0f)])
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}
