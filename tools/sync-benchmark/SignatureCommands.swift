import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit

/// Changes of the benchmark's shape: each creates a report with the four fields
/// `SyncBenchmark.record` writes (and the default urgency and status), as a device's store
/// makes them, by one replica with consecutive counters.
enum BenchChanges {
  static func create(index: Int, replica: ReplicaID, using random: inout SeededGenerator) throws
    -> Change
  {
    var state = ReportState(id: ReportID.random(using: &random))
    return try state.write(
      ReportEdit(values: [
        .village: .text("东村"), .category: .category(.visit),
        .title: .text("\(Fixtures.titles[index % Fixtures.titles.count]) \(index)"),
        .details: .text("村民反映情况，需要跟进。编号 \(index)。"),
        .urgency: Field.urgency.defaultValue, .status: Field.status.defaultValue,
      ]),
      dot: Dot(replica: replica, counter: UInt64(index + 1)),
      attribution: Attribution(author: "a", time: 1_772_323_200_000 + Int64(index)))
  }

  static func seconds(since started: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
  }
}

/// `liaison-sync-bench signatures`: what one change's Ed25519 signature costs on this machine,
/// on one thread, beside the canonical encoding it signs.
struct SignaturesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "signatures",
    abstract: "Time Ed25519 signing and verifying of N changes, one thread: one JSON line.",
    discussion: """
      Each step runs over all N changes before the next, and is timed alone: the canonical \
      bytes a signature covers (`Change.signedBytes`), the signature of those bytes \
      (`SigningKey`), its check (`PublicSigningKey.isValidSignature`), and the whole check a \
      server or device makes of a received change (`SignatureCheck.check`: the signed bytes \
      encoded again, then the signature verified).
      """)

  @Option(help: "How many changes.")
  var changes = 100_000

  func run() throws {
    var random = SeededGenerator(seed: 7)
    let replica = ReplicaID.random(using: &random)
    let unsigned = try (0..<changes).map {
      try BenchChanges.create(index: $0, replica: replica, using: &random)
    }
    let key = SigningKey()
    let publicKey = key.publicKey

    var started = DispatchTime.now()
    let bodies = unsigned.map(\.signedBytes)
    let encode = BenchChanges.seconds(since: started)

    started = DispatchTime.now()
    let signatures = bodies.map { key.signature(of: $0) }
    let sign = BenchChanges.seconds(since: started)

    started = DispatchTime.now()
    var valid = 0
    for (body, signature) in zip(bodies, signatures)
    where publicKey.isValidSignature(signature, of: body) {
      valid += 1
    }
    let verify = BenchChanges.seconds(since: started)

    let signed = zip(unsigned, signatures).map { $0.signed($1) }
    let binding = KeyBinding(
      replica: replica, key: publicKey, unsignedThrough: nil, revokedAfter: nil, signature: nil)
    started = DispatchTime.now()
    var checked = 0
    for change in signed where SignatureCheck.check(change, binding: binding) == .signed {
      checked += 1
    }
    let check = BenchChanges.seconds(since: started)
    guard valid == changes, checked == changes else {
      throw SQLiteFloor.FloorError(
        "\(changes - valid) signatures or \(changes - checked) checks failed")
    }
    let bytes = bodies.reduce(0) { $0 + $1.count }
    func micro(_ seconds: Double) -> String {
      String(format: "%.2f", seconds * 1e6 / Double(changes))
    }
    print(
      #"{"changes":\#(changes),"mean_signed_bytes":\#(bytes / max(changes, 1)),"#
        + #""encode_us":\#(micro(encode)),"sign_us":\#(micro(sign)),"#
        + #""verify_us":\#(micro(verify)),"check_us":\#(micro(check))}"#)
  }
}
