import Foundation
import LiaisonCommandLine
import LiaisonStore
import LiaisonTransport

/// The server's TLS key and certificate in its store directory, `tls-key.pem` and
/// `tls-certificate.pem`, both readable by their owner only.
enum ServerTLSFiles {
  static let keyName = "tls-key.pem"
  static let certificateName = "tls-certificate.pem"

  static func keyPath(in directory: String) -> String {
    (directory as NSString).appendingPathComponent(keyName)
  }

  static func certificatePath(in directory: String) -> String {
    (directory as NSString).appendingPathComponent(certificateName)
  }

  /// The identity the store directory holds; nil when it holds neither file (a store made
  /// before this version, or by `--insecure-http` alone).
  static func load(from directory: String) throws -> ServerIdentity? {
    let key = FileManager.default.contents(atPath: keyPath(in: directory))
    let certificate = FileManager.default.contents(atPath: certificatePath(in: directory))
    switch (key, certificate) {
    case (nil, nil):
      return nil
    case (let key?, let certificate?):
      do {
        return try ServerIdentity(
          certificatePEM: String(decoding: certificate, as: UTF8.self),
          keyPEM: String(decoding: key, as: UTF8.self))
      } catch {
        throw CommandFailure(
          "township.tls.unreadable", ["path": directory, "reason": localized.sentence(for: error)])
      }
    default:
      throw CommandFailure(
        "township.tls.half", ["path": directory, "key": keyName, "certificate": certificateName])
    }
  }

  /// Writes both files with mode 0600: the key is the server's secret, and the certificate
  /// beside it is kept as private as the rest of the store.
  static func save(_ identity: ServerIdentity, in directory: String) throws {
    do {
      try PrivateFiles.save(Array(identity.keyPEM.utf8), to: keyPath(in: directory))
      try PrivateFiles.save(Array(identity.certificatePEM.utf8), to: certificatePath(in: directory))
    } catch {
      throw CommandFailure(explaining: error)
    }
  }

  /// Says which certificate a new store serves with, and its pin, on standard output.
  static func announce(_ identity: ServerIdentity, in directory: String) {
    FileHandle.standardOutput.write(
      Data(
        (localized(
          "township.tls.announce",
          ["path": certificatePath(in: directory), "pin": identity.pin.description])).utf8))
  }
}
