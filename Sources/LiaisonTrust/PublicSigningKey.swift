import Crypto
import Foundation
import LiaisonCodec

/// An Ed25519 public key: the 32 bytes of RFC 8032, written on the wire as standard base64.
///
/// It holds the parsed key, so checking many signatures by one author parses it once.
/// swift-crypto's key is an immutable value that its Linux build does not mark `Sendable`;
/// nothing here mutates it after `init`.
public struct PublicSigningKey: @unchecked Sendable, Hashable, CustomStringConvertible {
  /// The key's 32 bytes.
  public let bytes: [UInt8]
  private let key: Curve25519.Signing.PublicKey

  /// Reads a key's 32 bytes; nil for any other length or a point that is not a key.
  public init?(bytes: [UInt8]) {
    guard bytes.count == 32, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: bytes)
    else { return nil }
    self.bytes = bytes
    self.key = key
  }

  /// Reads a key from its base64 form, as the wire and `township devices` show it.
  public init?(base64 text: String) {
    guard let bytes = CanonicalBase64.decode(text) else { return nil }
    self.init(bytes: bytes)
  }

  init(_ key: Curve25519.Signing.PublicKey) {
    self.key = key
    bytes = [UInt8](key.rawRepresentation)
  }

  /// Standard base64 with padding.
  public var base64: String { CanonicalBase64.encode(bytes) }

  /// `ed25519:` and the first 16 hex digits of the key's SHA-256: short enough to read out
  /// over a telephone, long enough that no two keys of a county share it by chance.
  public var fingerprint: String {
    "ed25519:" + SHA256.hash(data: bytes).prefix(8).map { String(format: "%02x", $0) }.joined()
  }

  public var description: String { fingerprint }

  /// Whether `signature` is this key's Ed25519 signature of `message`.
  public func isValidSignature(_ signature: [UInt8], of message: [UInt8]) -> Bool {
    signature.count == 64 && key.isValidSignature(signature, for: message)
  }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.bytes == rhs.bytes }
  public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}
