import Crypto
import Foundation

/// A bearer token or enrolment code, and the digest the server keeps in its place.
///
/// Secrets are drawn with full entropy, so a single SHA-256 is enough to make a stolen
/// database useless for signing in; a slow password hash would only slow every request.
public enum Secret {
  /// A new bearer token: `lsn_` and 256 random bits in hexadecimal.
  public static func newToken() -> String {
    "lsn_" + hex(randomBytes(32))
  }

  /// A new enrolment code: 16 characters a person can read aloud or type, about 80 bits.
  public static func newEnrollmentCode() -> String {
    let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")  // no look-alikes: i l o 0 1
    var generator = SystemRandomNumberGenerator()
    return String((0..<16).map { _ in alphabet.randomElement(using: &generator)! })
  }

  /// The hexadecimal SHA-256 digest of a secret: what the store keeps and looks up.
  public static func digest(_ secret: String) -> String {
    hex(Array(SHA256.hash(data: Data(secret.utf8))))
  }

  private static func randomBytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
  }

  private static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { byte in
      let digits = String(byte, radix: 16)
      return digits.count == 1 ? "0" + digits : digits
    }.joined()
  }
}
