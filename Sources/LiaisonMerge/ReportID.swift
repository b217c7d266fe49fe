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

  /// Parses the 36-character lowercase UUID form.
  public init?(_ text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard bytes.count == 36 else { return nil }
    var digits: [UInt8] = []
    digits.reserveCapacity(32)
    for (index, byte) in bytes.enumerated() {
      if [8, 13, 18, 23].contains(index) {
        guard byte == UInt8(ascii: "-") else { return nil }
      } else {
        digits.append(byte)
      }
    }
    guard let bits = ReplicaID(String(decoding: digits, as: UTF8.self)) else { return nil }
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

  /// Mints a time-ordered (version 7, RFC 9562) id: the creation time's milliseconds lead,
  /// then 74 random bits from the caller's generator.
  ///
  /// Stores index reports and their log by id, and a random id lands on a random page of
  /// each index, so a batch of new reports dirtied about one page per report. Ids that grow
  /// with time append at the end of those indexes instead, which more than doubled the rows
  /// per second SQLite could write for a sync (`tools/README.md`, sync benchmark). Two ids
  /// minted in the same millisecond still differ by their random bits, and nothing relies on
  /// the order: it only keeps the indexes compact.
  public static func timeOrdered(
    millisecondsSince1970 time: Int64, using generator: inout some RandomNumberGenerator
  ) -> ReportID {
    let random = ReportID.random(using: &generator)
    let milliseconds = min(UInt64(clamping: time), 0xffff_ffff_ffff)
    return ReportID(
      high: milliseconds << 16 | 0x7000 | random.high & 0x0fff,
      low: random.low)
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
