import ArgumentParser
import Foundation
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit

/// `liaison-sync-bench fill`: a township store holding N signed changes, for `township verify`
/// and for timing the console on a full store.
struct FillCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fill",
    abstract: "Write N signed changes into a new township store through TownshipStore.push.",
    discussion: """
      One enrolled device with an Ed25519 key; each change creates a report of the \
      benchmark's shape and is signed with that key. Bodies of --batch-size changes go \
      through `TownshipStore.push` as the server takes a pushed body (`PushBatch`, every \
      signature checked against the device's binding), one transaction each. Prints one \
      JSON line: the changes stored and the rate.
      With --mixed the reports look like a township's: four villages, every category, \
      urgency and status, written over the 16 weeks before now, a tenth of them overdue \
      (what the console's dashboard and filters read). --token-file saves the first \
      administrator's token, so the store can be served and signed in to.
      """)

  @Option(help: "How many changes.")
  var changes = 1_000_000

  @Option(help: "Changes per push.")
  var batchSize = 1_000

  @Option(help: "The new store's directory.")
  var store: String

  @Flag(help: "Reports of a township's variety, written over the last 16 weeks.")
  var mixed = false

  @Option(help: "A file to write the first administrator's token to (mode 0600).")
  var tokenFile: String?

  func run() throws {
    let now = mixed ? Int64(Date().timeIntervalSince1970 * 1000) : 0
    let (township, token) = try TownshipStore.create(
      in: store, administrator: "bench", now: now, checkpointing: .inTheBackground)
    if let tokenFile,
      !FileManager.default.createFile(
        atPath: tokenFile, contents: Data((token + "\n").utf8),
        attributes: [.posixPermissions: 0o600])
    {
      throw SQLiteFloor.FloorError("cannot write the token to \(tokenFile)")
    }
    let villages = mixed ? MixedReports.villages : ["东村"]
    let code = try township.issueEnrollment(
      name: "a", villages: villages, lifetime: 3_600_000, by: "bench", now: now
    ).code
    var random = SeededGenerator(seed: 11)
    let replica = ReplicaID.random(using: &random)
    let key = SigningKey()
    let device = try township.enroll(code: code, replica: replica, key: key.publicKey, now: now)
      .device
    let shape = MixedReports(count: changes, now: now)
    let started = DispatchTime.now()
    var accepted = 0
    var index = 0
    while index < changes {
      var body = Array(#"{"changes":["#.utf8)
      for offset in 0..<min(batchSize, changes - index) {
        if offset > 0 { body.append(UInt8(ascii: ",")) }
        let change =
          mixed
          ? try shape.create(index: index + offset, replica: replica, using: &random)
          : try BenchChanges.create(index: index + offset, replica: replica, using: &random)
        body.append(contentsOf: key.sign(change).canonicalBytes)
      }
      body.append(contentsOf: Array("]}".utf8))
      let count = min(batchSize, changes - index)
      let answer = try township.push(
        PushBatch(body: body, limit: batchSize, binding: device.binding), from: device, now: now)
      guard answer.accepted == count else {
        throw SQLiteFloor.FloorError("a push of \(count) changes stored \(answer.accepted)")
      }
      accepted += answer.accepted
      index += count
    }
    let seconds = BenchChanges.seconds(since: started)
    print(
      #"{"changes":\#(accepted),"seconds":\#(String(format: "%.1f", seconds)),"#
        + #""changes_per_s":\#(Int(Double(accepted) / seconds))}"#)
  }
}
