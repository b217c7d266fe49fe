import ArgumentParser
import Foundation
import LiaisonStore
import LiaisonSync
import LiaisonTransport
import LiaisonWire

struct RepinCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repin",
    abstract: "Trust the township's new certificate after it replaced the old one.",
    discussion: """
      When the township replaces its server certificate, every sync refuses the server, \
      naming the pinned fingerprint and the one presented. The office then gives you the \
      new fingerprint, by a channel you trust (as for the enrolment link):
        liaison repin sha256:9c...
        liaison repin sha256:9c... --server https://192.168.1.20:8080   (it moved too)
      The device reads the server's certificate, refuses it unless it is the one named, \
      checks that the server still knows this device's credential over the new \
      certificate, and only then trusts it instead of the old one. Reports, log, id and \
      credential stay as they are; nothing is sent again.
      """)

  @OptionGroup var storeOptions: StoreOptions

  @Argument(help: "The pin of the township's new certificate, sha256:...")
  var pin: String

  @Option(help: "The server's new address, if it changed; default: the enrolled one.")
  var server: String?

  func run() async throws {
    guard let pin = CertificatePin(pin) else {
      throw CommandFailure("the pin must be \(CertificatePin.form)")
    }
    let store = try storeOptions.open()
    guard let link = try store.serverLink() else {
      throw CommandFailure(SyncError.notEnrolled.description)
    }
    let url = server ?? link.url
    do {
      let trust = try await SyncClient.trust(server: url, pin: pin)
      // The credential must work over the new certificate: a server that does not know this
      // device is not its township, whatever the pin.
      _ = try await SyncClient.with(baseURL: url, token: link.token, trust: trust) { client in
        try await client.pull(after: link.cursor, limit: 1)
      }
      var certificate: [UInt8]?
      if case .pinned(let pinned) = trust { certificate = pinned }
      try store.repin(server: url, certificate: certificate)
    } catch {
      throw CommandFailure("\(error)")
    }
    let old = link.certificate.map { CertificatePin(certificateDER: $0).description } ?? "none"
    print("Now trusting \(pin) at \(url) (was \(old)); `liaison sync` goes on where it stopped")
  }
}
