/// A report's id: a UUID minted where the report is created, so creation needs no server.
///
/// Held as its 128 bits, which keeps a report state small and comparisons cheap; its text form
/// is the lowercase 8-4-4-4-12 hexadecimal form, and ids order as that text does.
public struct ReportID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The first 64 bits, most significant first.
  public let high: UInt64
  /// The last 64 bits.
  public let low: UInt64

  public init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }

  /// Parses the 36-character lowercase form of a version 4 UUID, the only kind a report id
  /// may be (`protocol/merge.md` section 4): version digit `4`, variant digit `8`, `9`, `a`
  /// or `b`. The nil UUID and other versions are refused.
  public init?(_ text: some StringProtocol) {
    self.init(String(decoding: text.utf8, as: UTF8.self))
  }

  /// Parses as the generic initialiser does, without the generic code that callers in
  /// other modules would run unspecialised for every id they read.
  public init?(_ text: String) {
    guard let bits = HexBits.parse(text, dashes: true),
      // The version digit (the 13th) is 4, and the variant digit (the 17th) 8, 9, a or b.
      bits.high >> 12 & 0xf == 4, bits.low >> 62 == 0b10
    else { return nil }
    self.init(high: bits.high, low: bits.low)
  }

  /// Mints a random (version 4) id from the caller's generator.
  public static func random(using generator: inout some RandomNumberGenerator) -> ReportID {
    let high: UInt64 = generator.next()
    let low: UInt64 = generator.next()
    return ReportID(
      high: high & 0xffff_ffff_ffff_0fff | 0x0000_0000_0000_4000,
      low: low & 0x3fff_ffff_ffff_ffff | 0x8000_0000_0000_0000)
  }

  public var description: String {
    let digits = Array("0123456789abcdef".utf8)
    return String(unsafeUninitializedCapacity: 36) { buffer in
      var position = 0
      for index in 0..<32 {
        if index == 8 || index == 12 || index == 16 || index == 20 {
          buffer[position] = UInt8(ascii: "-")
          position += 1
        }
        let half = index < 16 ? high : low
        buffer[position] = digits[Int((half >> UInt64(60 - (index % 16) * 4)) & 0xf)]
        position += 1
      }
      return position
    }
  }

  public static func < (lhs: ReportID, rhs: ReportID) -> Bool {
    (lhs.high, lhs.low) < (rhs.high, rhs.low)
  }
}
