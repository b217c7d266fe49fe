import ArgumentParser
import Foundation
import LiaisonCommandLine
import LiaisonStore
import LiaisonSync
import LiaisonTransport
import LiaisonWire

struct EnrollCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration { .localized("enroll", key: "liaison.enroll") }

  @OptionGroup var storeOptions: StoreOptions

  @Argument(help: .localized("liaison.option.link"))
  var link: String?

  @Option(help: .localized("liaison.option.server"))
  var server: String?

  @Option(help: .localized("liaison.option.code"))
  var code: String?

  @Option(help: .localized("liaison.option.pin"))
  var pin: String?

  func validate() throws {
    if link != nil, server != nil || code != nil || pin != nil {
      throw ValidationError(localized("liaison.enroll.linkOrParts"))
    }
    if link == nil, server == nil || code == nil {
      throw ValidationError(localized("liaison.enroll.needLink"))
    }
  }

  /// The link given, or the one the parts make: either way checked before anything connects.
  func enrolmentLink() throws -> EnrolmentLink {
    do {
      if let link { return try EnrolmentLink(parsing: link) }
      var parsedPin: CertificatePin?
      if let pin {
        guard let parsed = CertificatePin(pin) else {
          throw CommandFailure(
            "common.pinForm", ["option": "--pin", "form": localized("common.pinFormText")])
        }
        parsedPin = parsed
      }
      return try EnrolmentLink(server: server ?? "", code: code ?? "", pin: parsedPin)
    } catch let error as EnrolmentLinkError {
      throw CommandFailure(explaining: error)
    }
  }

  func run() async throws {
    let link = try enrolmentLink()
    let store = try storeOptions.open()
    let replica = try store.info().id
    do {
      let trust = try await SyncClient.trust(server: link.server, pin: link.pin)
      let enrolment = try await SyncClient.with(baseURL: link.server, token: nil, trust: trust) {
        client in
        try await client.enroll(code: link.code, replica: replica, key: store.signer.publicKey)
      }
      var certificate: [UInt8]?
      if case .pinned(let pinned) = trust { certificate = pinned }
      try store.link(
        toServer: link.server, token: enrolment.token, device: enrolment.device,
        villages: enrolment.villages, certificate: certificate, serverKey: enrolment.serverKey)
      print(
        localized(
          "liaison.enroll.done",
          [
            "name": enrolment.name,
            "villages": enrolment.villages.joined(separator: localized("common.listSeparator")),
          ]))
    } catch SyncError.refused(_, "replica_taken", let message) {
      // Enrolling again is not how a device follows a new certificate or address.
      throw CommandFailure("liaison.enroll.replicaTaken", ["message": message])
    } catch {
      throw CommandFailure(explaining: error)
    }
  }
}

struct SyncCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration { .localized("sync", key: "liaison.sync") }

  @OptionGroup var storeOptions: StoreOptions

  @Option(help: .localized("liaison.option.batchSize"))
  var batchSize = 500

  func validate() throws {
    if !(1...1000).contains(batchSize) {
      throw ValidationError(localized("liaison.sync.batchSize"))
    }
  }

  func run() async throws {
    // A sync may write thousands of pages, so it checkpoints beside its writes.
    let store = try storeOptions.open(checkpointing: .inTheBackground)
    let live = isatty(STDERR_FILENO) != 0
    let result: SyncProgress
    do {
      result = try await Synchronizer(store: store, batchSize: batchSize).run(now: currentTime) {
        progress in
        guard live else { return }
        let rate = Double(progress.sent + progress.received) / max(progress.seconds, 0.001)
        FileHandle.standardError.write(
          Data(
            ("\r"
              + localized(
                "liaison.sync.progress",
                [
                  "sent": String(progress.sent), "received": String(progress.received),
                  "rate": String(Int(rate)),
                ]) + "   ").utf8))
      }
    } catch {
      if live { FileHandle.standardError.write(Data("\n".utf8)) }
      throw CommandFailure(explaining: error)
    }
    if live { FileHandle.standardError.write(Data("\n".utf8)) }
    // One whole sentence for each case: the parts read in a different order in Chinese.
    let key =
      switch (result.rejected > 0, result.unreadable > 0) {
      case (false, false): "liaison.sync.done"
      case (true, false): "liaison.sync.doneRefused"
      case (false, true): "liaison.sync.doneUnreadable"
      case (true, true): "liaison.sync.doneBoth"
      }
    print(
      localized(
        key,
        [
          "sent": String(result.sent), "received": String(result.received),
          "refused": String(result.rejected), "unreadable": String(result.unreadable),
        ]))
  }
}
