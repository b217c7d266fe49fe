import ArgumentParser
import Foundation
import LiaisonCommandLine
import LiaisonTransport

/// How a new store gets its TLS certificate: made here for `--hostname` names, or an
/// operator's own from `--tls-cert` and `--tls-key`.
struct TLSOptions: ParsableArguments {
  @Option(
    help: .localized("township.option.hostname"))
  var hostname: [String] = []

  @Option(
    help: .localized("township.option.tlsCert"),
    completion: .file())
  var tlsCert: String?

  @Option(
    help: .localized("township.option.tlsKey"), completion: .file())
  var tlsKey: String?

  var isGiven: Bool { !hostname.isEmpty || tlsCert != nil || tlsKey != nil }

  func validate() throws {
    if (tlsCert == nil) != (tlsKey == nil) {
      throw ValidationError(localized("township.tls.together"))
    }
    if tlsCert != nil, !hostname.isEmpty {
      throw ValidationError(localized("township.tls.hostnameOrCert"))
    }
  }

  /// The names a new certificate carries when `--hostname` is not given.
  static var defaultHostnames: [String] {
    var names: [String] = []
    for name in [ProcessInfo.processInfo.hostName, "localhost", "127.0.0.1"]
    where !name.isEmpty && !names.contains(name) {
      names.append(name)
    }
    return names
  }

  /// The operator's certificate and key, checked to belong together, or a new key and
  /// self-signed certificate.
  func identity() throws -> ServerIdentity {
    guard let tlsCert, let tlsKey else {
      do {
        return try ServerIdentity.generate(
          hostnames: hostname.isEmpty ? Self.defaultHostnames : hostname)
      } catch {
        throw CommandFailure(explaining: error)
      }
    }
    guard let certificate = FileManager.default.contents(atPath: tlsCert) else {
      throw CommandFailure("township.tls.cannotRead", ["option": "--tls-cert", "path": tlsCert])
    }
    guard let key = FileManager.default.contents(atPath: tlsKey) else {
      throw CommandFailure("township.tls.cannotRead", ["option": "--tls-key", "path": tlsKey])
    }
    do {
      return try ServerIdentity(
        certificatePEM: String(decoding: certificate, as: UTF8.self),
        keyPEM: String(decoding: key, as: UTF8.self))
    } catch {
      throw CommandFailure(
        "township.tls.mismatch",
        ["certificate": tlsCert, "key": tlsKey, "reason": localized.sentence(for: error)])
    }
  }
}
