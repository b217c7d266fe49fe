import Foundation
import LiaisonTrust

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A replica's private key on disk: `signing-key.pem` in its store directory, PKCS #8 PEM as
/// RFC 8410 writes an Ed25519 key (so `openssl pkey` reads it), readable by its owner only.
///
/// A key file that others could read is refused, not repaired: whoever could read it may
/// have signed changes in the device's name, and the owner must know.
public enum SigningKeyFile {
  public static let fileName = "signing-key.pem"

  /// Why a key file cannot be used; each names the file.
  public struct Failure: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "signing key \(path): \(reason)" }
  }

  /// The DER of PKCS #8 `PrivateKeyInfo` for Ed25519 up to the 32-byte seed (RFC 8410
  /// section 7): version 0, algorithm 1.3.101.112, and the seed as an OCTET STRING inside
  /// the private key OCTET STRING.
  static let prefix: [UInt8] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04,
    0x20,
  ]

  /// The key in `directory`, made and saved first when there is none (a new store, or one
  /// made before changes were signed).
  public static func loadOrCreate(in directory: String) throws(Failure) -> SigningKey {
    let path = (directory as NSString).appendingPathComponent(fileName)
    if FileManager.default.fileExists(atPath: path) { return try load(path) }
    let key = SigningKey()
    do {
      try PrivateFiles.save(Array(pem(key).utf8), to: path)
    } catch {
      throw Failure(path: path, reason: error.reason)
    }
    return key
  }

  /// Reads the key at `path`, refusing a file that its group or others may read or write.
  public static func load(_ path: String) throws(Failure) -> SigningKey {
    var status = stat()
    guard stat(path, &status) == 0 else {
      throw Failure(path: path, reason: String(cString: strerror(errno)))
    }
    let mode = status.st_mode & 0o777
    if mode & 0o077 != 0 {
      throw Failure(
        path: path,
        reason:
          "its mode is \(String(mode, radix: 8)), so others may read it; it must be 600 (chmod 600 \(path)), and a key others could read should be replaced by enrolling the device again"
      )
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Failure(path: path, reason: "it cannot be read")
    }
    let body = String(decoding: data, as: UTF8.self)
      .split(whereSeparator: \.isNewline)
      .filter { !$0.hasPrefix("-----") }
      .joined()
    guard let der = Data(base64Encoded: body).map({ [UInt8]($0) }),
      der.count == prefix.count + 32, der.starts(with: prefix),
      let key = SigningKey(seed: Array(der.dropFirst(prefix.count)))
    else {
      throw Failure(path: path, reason: "it is not an Ed25519 private key in PKCS #8 PEM")
    }
    return key
  }

  static func pem(_ key: SigningKey) -> String {
    let base64 = Data(prefix + key.seed).base64EncodedString()
    return "-----BEGIN PRIVATE KEY-----\n\(base64)\n-----END PRIVATE KEY-----\n"
  }
}
