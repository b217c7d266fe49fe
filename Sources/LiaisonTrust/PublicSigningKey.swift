import CSodium
import Crypto
import Foundation
import LiaisonCodec

/// An Ed25519 public key: the 32 bytes of RFC 8032, written on the wire as standard base64.
///
/// Signatures are checked by libsodium (`crypto_sign_verify_detached`) under the strict rules
/// that `protocol/merge.md` section 12 makes everyone's: S below the group order, a key that
/// is a canonical point not of small order, an R not of small order, and the cofactorless
/// equation. Implementations of "Ed25519" disagree on exactly these edge cases (BoringSSL's
/// check accepts an R of small order, for one), so the protocol names one set. libsodium is
/// also a quarter faster than BoringSSL's portable field arithmetic, which the server's push
/// spends most of its time in (`liaison-sync-bench signatures`: `verify_us` against
/// `boringssl_verify_us`).
public struct PublicSigningKey: Sendable, Hashable, CustomStringConvertible {
  /// The key's 32 bytes.
  public let bytes: [UInt8]

  /// Reads a key's 32 bytes as a store holds them; nil for any other length.
  ///
  /// A stored key came in through ``init(base64:)``, so it is not checked again here; were it
  /// not a key, no signature would hold for it, so a damaged store refuses changes rather
  /// than passing them.
  public init?(bytes: [UInt8]) {
    guard bytes.count == 32 else { return nil }
    self.bytes = bytes
  }

  /// Reads a key from its base64 form, as the wire and `township devices` show it; nil for
  /// anything but the canonical base64 of 32 bytes that are a usable key: the canonical
  /// encoding of a point of the prime-order subgroup (libsodium's
  /// `crypto_core_ed25519_is_valid_point`). Every key a key pair makes is one; the others
  /// include the keys of small order, under which one signature holds for many messages.
  public init?(base64 text: String) {
    guard let bytes = CanonicalBase64.decode(text), bytes.count == 32, Self.sodiumReady,
      crypto_core_ed25519_is_valid_point(bytes) == 1
    else { return nil }
    self.bytes = bytes
  }

  init(_ key: Curve25519.Signing.PublicKey) {
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

  /// Whether `signature` is this key's Ed25519 signature of `message` under the rules of
  /// `protocol/merge.md` section 12.
  public func isValidSignature(_ signature: [UInt8], of message: [UInt8]) -> Bool {
    guard signature.count == 64, Self.sodiumReady else { return false }
    return crypto_sign_verify_detached(signature, message, UInt64(message.count), bytes) == 0
  }

  /// libsodium asks to be initialised once before use; were that to fail, every key and
  /// signature is refused rather than checked by a library that is not ready.
  private static let sodiumReady = sodium_init() >= 0
}
