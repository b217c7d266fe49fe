import ArgumentParser
import Foundation
import LiaisonStore
import LiaisonSync

struct EnrollCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "enroll",
    abstract: "Link this device to its township server with a one-time enrolment code.",
    discussion: """
      The township office runs `township enroll --name NAME --village V` and gives you \
      the code.
        liaison enroll --server http://192.168.1.10:8080 --code k7m2p9qrx4ab3cde
      """)

  @OptionGroup var storeOptions: StoreOptions

  @Option(help: "The township server's address, for example http://192.168.1.10:8080.")
  var server: String

  @Option(help: "The one-time enrolment code.")
  var code: String

  func run() async throws {
    let store = try storeOptions.open()
    let replica = try store.info().id
    let http = SyncClient.makeHTTPClient()
    do {
      let enrolment = try await SyncClient(baseURL: server, token: nil, http: http).enroll(
        code: code, replica: replica, key: store.signer.publicKey)
      try store.link(
        toServer: server, token: enrolment.token, device: enrolment.device,
        villages: enrolment.villages, serverKey: enrolment.serverKey)
      try await http.shutdown()
      print(
        "Enrolled as \(enrolment.name) for \(enrolment.villages.joined(separator: ", ")); `liaison sync` sends and receives reports"
      )
    } catch {
      try? await http.shutdown()
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
