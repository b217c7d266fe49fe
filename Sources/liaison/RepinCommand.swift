import ArgumentParser
import Foundation
import LiaisonCommandLine
import LiaisonStore
import LiaisonSync
import LiaisonTransport
import LiaisonWire

struct RepinCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration { .localized("repin", key: "liaison.repin") }

  @OptionGroup var storeOptions: StoreOptions

  @Argument(help: .localized("liaison.option.newPin"))
  var pin: String

  @Option(help: .localized("liaison.option.newServer"))
  var server: String?

  func run() async throws {
    guard let pin = CertificatePin(pin) else {
      throw CommandFailure("liaison.repin.pinForm", ["form": localized("common.pinFormText")])
    }
    let store = try storeOptions.open()
    guard let link = try store.serverLink() else {
      throw CommandFailure(explaining: SyncError.notEnrolled)
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
      throw CommandFailure(explaining: error)
    }
    let old =
      link.certificate.map { CertificatePin(certificateDER: $0).description }
      ?? localized("common.none")
    print(localized("liaison.repin.done", ["pin": pin.description, "url": url, "old": old]))
  }
}
