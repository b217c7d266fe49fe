import Crypto
import Foundation
import LiaisonCodec
import LiaisonMerge

/// A replica's Ed25519 private key: a device's, which signs every change it writes, or the
/// server's, which signs its resolutions and the key bindings it hands out.
///
/// Ed25519 signatures are deterministic (RFC 8032): the same key and bytes give the same
/// signature, so a change signed twice is the same change, and test vectors hold exact bytes.
/// swift-crypto's key is an immutable value that its Linux build does not mark `Sendable`;
/// nothing here mutates it after `init`.
public struct SigningKey: @unchecked Sendable {
  private let key: Curve25519.Signing.PrivateKey

  /// A new random key.
  public init() {
    key = Curve25519.Signing.PrivateKey()
  }

  /// The key of a 32-byte seed (RFC 8032's private key); nil for any other length.
  public init?(seed: [UInt8]) {
    guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)
    else { return nil }
    self.key = key
  }

  /// The 32-byte seed, for the key file only.
  public var seed: [UInt8] { [UInt8](key.rawRepresentation) }

  public var publicKey: PublicSigningKey { PublicSigningKey(key.publicKey) }

  /// Signs `message`. Only fails if the system cannot compute a signature at all.
  public func signature(of message: [UInt8]) -> [UInt8] {
    // swift-crypto's Ed25519 signing throws only on an allocation failure in BoringSSL.
    guard let signature = try? key.signature(for: message) else {
      fatalError("Ed25519 signing failed")
    }
    return [UInt8](signature)
  }

  /// The change carrying this key's signature of its ``Change/signedBytes``
  /// (`protocol/merge.md` section 12).
  public func sign(_ change: Change) -> Change {
    change.signed(signature(of: change.signedBytes))
  }
}
