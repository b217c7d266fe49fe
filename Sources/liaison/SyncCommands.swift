import ArgumentParser
import Foundation
import LiaisonStore
import LiaisonSync
import LiaisonTransport
import LiaisonWire

struct EnrollCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "enroll",
    abstract: "Link this device to its township server with the enrolment link the office gave.",
    discussion: """
      The township office runs `township enroll --name NAME --village V` and gives you a \
      link (in person, as a QR code, or by a message you trust). It carries the server's \
      address, a one-time code, and the pin of the server's certificate:
        liaison enroll 'https://192.168.1.10:8080/enrol#code=k7m2p9qrx4ab3cde&pin=sha256:3f...'
      or, typed by parts:
        liaison enroll --server https://192.168.1.10:8080 --code k7m2p9qrx4ab3cde --pin sha256:3f...
      The device reads the server's certificate, refuses a server whose certificate is not \
      the pinned one (naming both fingerprints, and storing nothing), and from then on trusts \
      that certificate alone for every sync. An http:// address, without a pin, is only for a \
      server started with --insecure-http.
      If the township later replaces its certificate, `liaison repin` trusts the new one and \
      keeps this device's enrolment.
      """)

  @OptionGroup var storeOptions: StoreOptions

  @Argument(help: "The enrolment link `township enroll` printed (quote it: it holds # and &).")
  var link: String?

  @Option(help: "The township server's address, for example https://192.168.1.10:8080.")
  var server: String?

  @Option(help: "The one-time enrolment code.")
  var code: String?

  @Option(help: "The pin of the server's certificate, sha256:... (not for an http:// server).")
  var pin: String?

  func validate() throws {
    if link != nil, server != nil || code != nil || pin != nil {
      throw ValidationError("give the link, or --server, --code and --pin, not both")
    }
    if link == nil, server == nil || code == nil {
      throw ValidationError(
        "give the enrolment link `township enroll` printed, or --server URL --code CODE --pin sha256:..."
      )
    }
  }

  /// The link given, or the one the parts make: either way checked before anything connects.
  func enrolmentLink() throws -> EnrolmentLink {
    do {
      if let link { return try EnrolmentLink(parsing: link) }
      var parsedPin: CertificatePin?
      if let pin {
        guard let parsed = CertificatePin(pin) else {
          throw CommandFailure("--pin must be \(CertificatePin.form)")
        }
        parsedPin = parsed
      }
      return try EnrolmentLink(server: server ?? "", code: code ?? "", pin: parsedPin)
    } catch let error as EnrolmentLinkError {
      throw CommandFailure(error.description)
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
        "Enrolled as \(enrolment.name) for \(enrolment.villages.joined(separator: ", ")); `liaison sync` sends and receives reports"
      )
    } catch SyncError.refused(_, "replica_taken", let message) {
      // Enrolling again is not how a device follows a new certificate or address.
      throw CommandFailure(
        "the server refused: \(message); if this device is enrolled there already and the township replaced its certificate, run `liaison repin sha256:...`"
      )
    } catch {
      throw CommandFailure("\(error)")
    }
  }
}

struct SyncCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Send this device's changes to the server, then receive everyone else's.",
    discussion: """
      Safe to interrupt: the next sync resumes where this one stopped, and nothing is sent \
      or applied twice. On a terminal it shows a live progress line.
      """)

  @OptionGroup var storeOptions: StoreOptions

  @Option(help: "Changes per request, 1 to 1000.")
  var batchSize = 500

  func validate() throws {
    if !(1...1000).contains(batchSize) { throw ValidationError("--batch-size must be 1 to 1000") }
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
            "\rsent \(progress.sent), received \(progress.received) (\(Int(rate)) changes/s)   "
              .utf8))
      }
    } catch {
      if live { FileHandle.standardError.write(Data("\n".utf8)) }
      throw CommandFailure("\(error)")
    }
    if live { FileHandle.standardError.write(Data("\n".utf8)) }
    var summary = "Synced: sent \(result.sent), received \(result.received)"
    if result.rejected > 0 {
      summary +=
        ", \(result.rejected) refused by the server (`liaison status --refused` says which and why)"
    }
    if result.unreadable > 0 {
      summary +=
        ", \(result.unreadable) received that this device could not accept (kept; `liaison status --refused` lists them)"
    }
    print(summary)
  }
}
