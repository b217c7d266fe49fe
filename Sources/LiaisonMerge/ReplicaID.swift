/// The identity of one replica: a device store or a township server.
///
/// A replica id is 128 random bits, drawn once when a store is created and never reused.
/// Its text form is 32 lowercase hexadecimal digits; ids order as their text does, which is
/// the order the canonical encoding and the provisional-winner rules rely on.
public struct ReplicaID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The first 64 bits, most significant first.
  public let high: UInt64
  /// The last 64 bits.
  public let low: UInt64

  /// Creates a replica id from its two halves.
  public init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }

  /// Parses the text form: exactly 32 lowercase hexadecimal digits.
  public init?(_ text: some StringProtocol) {
    self.init(String(decoding: text.utf8, as: UTF8.self))
  }

  /// Parses the text form as the generic initialiser does, without the generic code
  /// that callers in other modules would run unspecialised for every id they read.
  public init?(_ text: String) {
    guard let bits = HexBits.parse(text, dashes: false) else { return nil }
    self.init(high: bits.high, low: bits.low)
  }

  /// Draws a fresh id from the caller's generator; the merge core itself never draws one.
  public static func random(using generator: inout some RandomNumberGenerator) -> ReplicaID {
    ReplicaID(high: generator.next(), low: generator.next())
  }

  public var description: String {
    let digits = Array("0123456789abcdef".utf8)
    return String(unsafeUninitializedCapacity: 32) { buffer in
      for index in 0..<32 {
        let half = index < 16 ? high : low
        buffer[index] = digits[Int((half >> UInt64(60 - (index % 16) * 4)) & 0xf)]
      }
      return 32
    }
  }

  public static func < (lhs: ReplicaID, rhs: ReplicaID) -> Bool {
    (lhs.high, lhs.low) < (rhs.high, rhs.low)
  }
}
