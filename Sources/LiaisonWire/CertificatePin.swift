import Crypto

/// A server certificate's pin: `sha256:` and 64 lowercase hexadecimal digits of the SHA-256
/// of one certificate's DER (`protocol/sync.md` section 1, "Transport").
///
/// A device pins the *last* certificate of the chain the server presents: the self-signed
/// certificate `township init` made, or the root of an operator's own chain. Names and
/// expiry play no part: the pin alone says which server this is, as in Syncthing.
public struct CertificatePin: Sendable, Hashable, CustomStringConvertible {
  /// The 32 bytes of the digest.
  public let digest: [UInt8]

  /// The pin of the certificate whose DER encoding is `der`.
  public init(certificateDER der: [UInt8]) {
    digest = Array(SHA256.hash(data: der))
  }

  /// Reads `sha256:` and 64 hexadecimal digits (upper case is taken and written lower case);
  /// nil for anything else.
  public init?(_ text: String) {
    guard text.hasPrefix(Self.prefix) else { return nil }
    let hex = Array(text.utf8.dropFirst(Self.prefix.utf8.count))
    guard hex.count == 64 else { return nil }
    var digest: [UInt8] = []
    digest.reserveCapacity(32)
    for index in stride(from: 0, to: 64, by: 2) {
      guard let high = Self.nibble(hex[index]), let low = Self.nibble(hex[index + 1]) else {
        return nil
      }
      digest.append(high << 4 | low)
    }
    self.digest = digest
  }

  public var description: String {
    let digits = Array("0123456789abcdef".utf8)
    var text = Array(Self.prefix.utf8)
    for byte in digest {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// What a malformed pin is told it should look like.
  public static let form = "sha256: followed by 64 hexadecimal digits"

  static let prefix = "sha256:"

  private static func nibble(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
