import ArgumentParser
import Crypto
import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit
import LiaisonTownship

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

  /// The console's villages for `fill --office`.
  static let villages = (1...30).map { "\(["东", "西", "南", "北", "上", "下"][$0 % 6])\($0)村" }

  /// A report as a township office's store holds many: in one of 30 villages, of every
  /// category, urgency and status, some with a due date, written over the last 16 weeks
  /// before `now`, so the console's dashboard and lists have something to show.
  static func office(
    index: Int, replica: ReplicaID, now: Int64, using random: inout SeededGenerator
  ) throws -> Change {
    var state = ReportState(id: ReportID.random(using: &random))
    let week: Int64 = 7 * 24 * 3600 * 1000
    let time = now - Int64.random(in: 0..<(16 * week), using: &random)
    var values: [Field: FieldValue] = [
      .village: .text(villages[Int.random(in: 0..<villages.count, using: &random)]),
      .category: .category(Category.allCases.randomElement(using: &random)!),
      .title: .text("\(Fixtures.titles[index % Fixtures.titles.count]) \(index)"),
      .details: .text("村民反映情况，需要跟进。编号 \(index)。"),
      .urgency: .urgency(Urgency.allCases.randomElement(using: &random)!),
      .status: .status(Status.allCases.randomElement(using: &random)!),
    ]
    if let assignee = ["王芳", "李伟", "张磊"].randomElement(using: &random), index % 4 != 0 {
      values[.assignee] = .text(assignee)
    }
    if Bool.random(using: &random),
      let due = CalendarDate(
        ISO8601DateFormatter.string(
          from: Date(timeIntervalSince1970: Double(time + 3 * week) / 1000), timeZone: .gmt,
          formatOptions: [.withFullDate]))
    {
      values[.due] = .date(due)
    }
    return try state.write(
      ReportEdit(values: values), dot: Dot(replica: replica, counter: UInt64(index + 1)),
      attribution: Attribution(author: "李伟", time: time))
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
      (`SigningKey`), its check (`PublicSigningKey.isValidSignature`, libsodium's), the same \
      check by BoringSSL, which made it before (boringssl_verify_us), and the whole check a \
      server or device makes of a received change (`SignatureCheck.check`: the signed bytes \
      encoded again, then the signature verified), and tree_us, the hashing of a Merkle tree \
      over each push of 1,000, which one signature per push would cost a server instead \
      (docs/design/push-signatures.md, a proposal). Then what a server does with a pushed \
      body of 1,000 besides the checks: parse_us and decode_us parse it into a tree and \
      decode each change from that, as the server does for a change the direct decoder \
      declines; scan_us reads the changes straight from the body's bytes, as the server does \
      for the rest (`JSONValue.parse(_:streamingChanges:_:)`); prepare_us encodes each for \
      the log.
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

    let pairs = Array(zip(bodies, signatures))
    let (valid, verify) = Self.timedCount(pairs) { publicKey.isValidSignature($1, of: $0) }
    // The same checks by BoringSSL (swift-crypto), which did them before libsodium: side by
    // side in one run, so the ratio holds on a noisy machine. It accepts more (section 12's
    // rule 3), never less, so every signature here must pass both.
    let boringKey = try Curve25519.Signing.PublicKey(rawRepresentation: publicKey.bytes)
    let (boringValid, boringVerify) = Self.timedCount(pairs) {
      boringKey.isValidSignature($1, for: $0)
    }

    let signed = zip(unsigned, signatures).map { $0.signed($1) }
    let binding = KeyBinding(
      replica: replica, key: publicKey, unsignedThrough: nil, revokedAfter: nil, signature: nil)
    started = DispatchTime.now()
    var checked = 0
    for change in signed where SignatureCheck.check(change, binding: binding) == .signed {
      checked += 1
    }
    let check = BenchChanges.seconds(since: started)
    // What one signature per push would cost instead of `verify` (a proposal: see
    // `docs/design/push-signatures.md`): the tree over each push of 1,000 changes.
    started = DispatchTime.now()
    let roots = stride(from: 0, to: bodies.count, by: 1_000).map { start in
      TreeHead.root(of: Array(bodies[start..<min(start + 1_000, bodies.count)]))
    }
    let tree = BenchChanges.seconds(since: started)
    // Pushes of different changes have different roots: a tree that hashed nothing would not.
    guard valid == changes, boringValid == changes, checked == changes,
      Set(roots).count == roots.count
    else {
      throw SQLiteFloor.FloorError(
        "\(changes - valid) signatures (\(changes - boringValid) by BoringSSL) or "
          + "\(changes - checked) checks failed, or two roots agree")
    }
    let receiving = try Self.receive(signed)
    let bytes = bodies.reduce(0) { $0 + $1.count }
    func micro(_ seconds: Double) -> String {
      String(format: "%.2f", seconds * 1e6 / Double(changes))
    }
    print(
      #"{"changes":\#(changes),"mean_signed_bytes":\#(bytes / max(changes, 1)),"#
        + #""encode_us":\#(micro(encode)),"sign_us":\#(micro(sign)),"#
        + #""verify_us":\#(micro(verify)),"boringssl_verify_us":\#(micro(boringVerify)),"#
        + #""check_us":\#(micro(check)),"#
        + #""tree_us":\#(micro(tree)),"#
        + #""parse_us":\#(micro(receiving.parse)),"decode_us":\#(micro(receiving.decode)),"#
        + #""scan_us":\#(micro(receiving.scan)),"#
        + #""prepare_us":\#(micro(receiving.prepare))}"#)
  }

  /// How many of `pairs` (signed bytes, signature) `holds` accepts, and the seconds it took.
  private static func timedCount(
    _ pairs: [([UInt8], [UInt8])], _ holds: ([UInt8], [UInt8]) -> Bool
  ) -> (count: Int, seconds: Double) {
    let started = DispatchTime.now()
    let count = pairs.count { holds($0.0, $0.1) }
    return (count, BenchChanges.seconds(since: started))
  }

  /// What a server does with pushed changes besides checking their signatures, each step
  /// timed alone over bodies of 1,000: parsing the body into a tree, decoding each change from
  /// it, reading the changes straight from the bytes instead, and preparing each for the log
  /// (its canonical bytes and the row of the report it creates).
  private static func receive(_ signed: [Change]) throws -> (
    parse: Double, decode: Double, scan: Double, prepare: Double
  ) {
    let bodies = stride(from: 0, to: signed.count, by: 1_000).map { start in
      var body = Array(#"{"changes":["#.utf8)
      for (offset, change) in signed[start..<min(start + 1_000, signed.count)].enumerated() {
        if offset > 0 { body.append(UInt8(ascii: ",")) }
        body.append(contentsOf: change.canonicalBytes)
      }
      return body + Array("]}".utf8)
    }
    var started = DispatchTime.now()
    var parsed: [JSONValue] = []
    parsed.reserveCapacity(signed.count)
    for body in bodies {
      _ = try JSONValue.parse(body, streaming: "changes") { parsed.append($0) }
    }
    let parse = BenchChanges.seconds(since: started)
    started = DispatchTime.now()
    let decoded = try parsed.map { try Change(json: $0) }
    let decode = BenchChanges.seconds(since: started)
    started = DispatchTime.now()
    var scanned: [Change] = []
    scanned.reserveCapacity(signed.count)
    for body in bodies {
      _ = try JSONValue.parse(body, streamingChanges: "changes") { element in
        if case .decoded(let change, _) = element { scanned.append(change) }
      }
    }
    let scan = BenchChanges.seconds(since: started)
    started = DispatchTime.now()
    let prepared = decoded.map { PreparedChange($0) }
    let prepare = BenchChanges.seconds(since: started)
    guard decoded == signed, scanned == signed, prepared.allSatisfy({ $0.created != nil }) else {
      throw SQLiteFloor.FloorError("a change read back differs from the one written")
    }
    return (parse, decode, scan, prepare)
  }
}

/// `liaison-sync-bench fill`: a township store holding N signed changes, for `township verify`.
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
      """)

  @Option(help: "How many changes.")
  var changes = 1_000_000

  @Option(help: "Changes per push.")
  var batchSize = 1_000

  @Option(help: "The new store's directory.")
  var store: String

  @Flag(
    help: ArgumentHelp(
      "Reports as an office's store holds them, for the web console.",
      discussion: """
        30 villages, every category, urgency and status, due dates, written over the 16 \
        weeks before now; the JSON line also carries the administrator's token.
        """))
  var office = false

  func run() throws {
    let (township, token) = try TownshipStore.create(
      in: store, administrator: "bench", now: 0, checkpointing: .inTheBackground)
    let code = try township.issueEnrollment(
      name: "李伟", villages: office ? BenchChanges.villages : ["东村"], lifetime: 3_600_000,
      by: "bench", now: 0
    ).code
    let now = Int64(Date().timeIntervalSince1970 * 1000)
    var random = SeededGenerator(seed: 11)
    let replica = ReplicaID.random(using: &random)
    let key = SigningKey()
    let device = try township.enroll(code: code, replica: replica, key: key.publicKey, now: 0)
      .device
    let started = DispatchTime.now()
    var accepted = 0
    var index = 0
    while index < changes {
      var body = Array(#"{"changes":["#.utf8)
      for offset in 0..<min(batchSize, changes - index) {
        if offset > 0 { body.append(UInt8(ascii: ",")) }
        body.append(
          contentsOf: key.sign(
            office
              ? try BenchChanges.office(
                index: index + offset, replica: replica, now: now, using: &random)
              : try BenchChanges.create(index: index + offset, replica: replica, using: &random)
          ).canonicalBytes)
      }
      body.append(contentsOf: Array("]}".utf8))
      let count = min(batchSize, changes - index)
      let answer = try township.push(
        PushBatch(body: body, limit: batchSize, binding: device.binding), from: device, now: 0)
      guard answer.accepted == count else {
        throw SQLiteFloor.FloorError("a push of \(count) changes stored \(answer.accepted)")
      }
      accepted += answer.accepted
      index += count
    }
    let seconds = BenchChanges.seconds(since: started)
    print(
      #"{"changes":\#(accepted),"seconds":\#(String(format: "%.1f", seconds)),"#
        + #""changes_per_s":\#(Int(Double(accepted) / seconds))"#
        + (office ? #","token":"\#(token)"}"# : "}"))
  }
}
