import ArgumentParser
import Foundation
import LiaisonTransport

/// How a new store gets its TLS certificate: made here for `--hostname` names, or an
/// operator's own from `--tls-cert` and `--tls-key`.
struct TLSOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A name or address the new self-signed certificate carries; repeat for several.",
      discussion:
        "Default: this machine's host name, localhost and 127.0.0.1. Devices check the pin, not the names, so a missing name does not stop them."
    ))
  var hostname: [String] = []

  @Option(
    help: ArgumentHelp(
      "Your own certificate chain in PEM, instead of a new self-signed one.",
      discussion:
        "Leaf first, up to and including its self-signed root: devices pin the root."),
    completion: .file())
  var tlsCert: String?

  @Option(
    help: "The private key (PEM) of --tls-cert's first certificate.", completion: .file())
  var tlsKey: String?

  var isGiven: Bool { !hostname.isEmpty || tlsCert != nil || tlsKey != nil }

  func validate() throws {
    if (tlsCert == nil) != (tlsKey == nil) {
      throw ValidationError("give --tls-cert and --tls-key together")
    }
    if tlsCert != nil, !hostname.isEmpty {
      throw ValidationError("--hostname names a new certificate; --tls-cert brings its own names")
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
        throw CommandFailure(error.description)
      }
    }
    guard let certificate = FileManager.default.contents(atPath: tlsCert) else {
      throw CommandFailure("cannot read --tls-cert \(tlsCert)")
    }
    guard let key = FileManager.default.contents(atPath: tlsKey) else {
      throw CommandFailure("cannot read --tls-key \(tlsKey)")
    }
    do {
      return try ServerIdentity(
        certificatePEM: String(decoding: certificate, as: UTF8.self),
        keyPEM: String(decoding: key, as: UTF8.self))
    } catch {
      throw CommandFailure("--tls-cert \(tlsCert) and --tls-key \(tlsKey): \(error)")
    }
  }
}
