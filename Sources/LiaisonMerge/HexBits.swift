/// 128 bits read from lowercase hexadecimal text, the form of replica and report ids.
///
/// Read byte by byte without a copy: ids are parsed for every change a server receives, and
/// copying each into arrays first cost more than the reading.
enum HexBits {
  /// The bits of exactly 32 lowercase hexadecimal digits, or with `dashes`, of the 36
  /// characters of the 8-4-4-4-12 form with its dashes; nil for anything else.
  static func parse(_ text: String, dashes: Bool) -> (high: UInt64, low: UInt64)? {
    var text = text
    return text.withUTF8 { parse(bytes: $0, dashes: dashes) }
  }

  private static func parse(bytes text: UnsafeBufferPointer<UInt8>, dashes: Bool)
    -> (high: UInt64, low: UInt64)?
  {
    var (high, low): (UInt64, UInt64) = (0, 0)
    var digits = 0
    var position = 0
    for byte in text {
      defer { position += 1 }
      if dashes, position == 8 || position == 13 || position == 18 || position == 23 {
        guard byte == UInt8(ascii: "-") else { return nil }
        continue
      }
      let nibble: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
      default: return nil
      }
      switch digits {
      case 0..<16: high = high << 4 | UInt64(nibble)
      case 16..<32: low = low << 4 | UInt64(nibble)
      default: return nil
      }
      digits += 1
    }
    guard digits == 32, position == (dashes ? 36 : 32) else { return nil }
    return (high, low)
  }
}
