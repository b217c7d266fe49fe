import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCodec
import LiaisonMerge
import LiaisonServer
import LiaisonStore
import LiaisonTestKit
import Logging
import Testing

/// A seeded mutation fuzzer for the server's decode-and-apply path, through the router in
/// process: never a 5xx, a malformed body is a 4xx JSON error that changes nothing, and a
/// well-formed body with bad changes is a 200 that rejects them alone and applies the rest.
@Suite struct PushFuzzTests {
  static let inputs =
    Int(ProcessInfo.processInfo.environment["LIAISON_FUZZ_INPUTS"] ?? "") ?? 10_000
  static let seed =
    UInt64(ProcessInfo.processInfo.environment["LIAISON_FUZZ_SEED"] ?? "") ?? 20_261_121
  /// Each server takes this many inputs, so its store stays small and fingerprints cheap.
  static let inputsPerServer = 500
  let device = Fixtures.replica(0xd1)
  /// The device's key: the corpus is signed with it, so a mutation of a signed change's bytes
  /// or of its `signature` is refused as `bad_signature`.
  let key = TestKeys.key(0xd1)

  /// What must not change when a request is refused: the change log's length, the report
  /// counts, and (when `full`) a digest of every report's canonical state. Decoding every
  /// state is the fuzzer's dearest step, so the digest is taken on every 16th refusal and the
  /// counts on every input.
  struct Fingerprint: Equatable {
    let changes: Int
    let reports: [Int]
    var states: Int?

    init(_ store: TownshipStore, full: Bool) throws {
      let status = try store.replica.status()
      changes = status.changes
      reports = [status.reports, status.deletedReports, status.conflictedReports]
      guard full else { return }
      var hasher = Hasher()
      try store.replica.forEachReport(includeDeleted: true) { hasher.combine($0.canonicalBytes) }
      states = hasher.finalize()
    }

    /// The same fingerprint without the digest.
    var counts: Fingerprint {
      var copy = self
      copy.states = nil
      return copy
    }
  }

  /// A fresh in-memory server with one device enrolled for 东村; returns it and the token.
  func server() throws -> (TownshipStore, String) {
    let store = TownshipStore(
      try ReplicaStore.inMemory(author: "管理员", villages: [], replica: Fixtures.replica(0x5e)))
    let enrollment = try store.issueEnrollment(
      name: "李伟", villages: ["东村"], lifetime: 3_600_000, by: "管理员", now: 0)
    let enrolled = try store.enroll(
      code: enrollment.code, replica: device, key: key.publicKey, now: 1)
    return (store, enrolled.token)
  }

  @Test func mutatedPushesNeverFailTheServerOrChangeItWhenRefused() async throws {
    print("push fuzzer: seed \(Self.seed), \(Self.inputs) inputs (LIAISON_FUZZ_SEED replays)")
    var mutator = PushMutator(device: device, key: key, random: SeededGenerator(seed: Self.seed))
    var tally = Tally()
    var previous: [UInt8] = []
    var input = 0
    while input < Self.inputs {
      let (store, token) = try server()
      var logger = Logger(label: "fuzz")
      logger.logLevel = .critical
      let application = Application(
        router: buildRouter(store: SQLiteTownshipStorage(store)), logger: logger)
      let corpus = try mutator.corpus(firstCounter: 1) + mutator.corpus(firstCounter: 19)
      let count = min(Self.inputsPerServer, Self.inputs - input)
      var bodies: [[UInt8]] = []
      for _ in 0..<count {
        bodies.append(mutator.body(from: corpus, spliceWith: previous))
        previous = bodies[bodies.count - 1]
      }
      let first = input
      tally.known = []
      tally = try await application.test(.router) { [tally, bodies] client in
        var tally = tally
        for (offset, body) in bodies.enumerated() {
          try await check(
            body, input: first + offset, client: client, store: store, token: token, &tally)
        }
        return tally
      }
      input += count
    }
    print("push fuzzer: \(tally)")
    // Each class of outcome must have been reached, or the fuzzer tested less than it claims.
    #expect(tally.refused > Self.inputs / 10, "seed \(Self.seed): \(tally)")
    #expect(tally.partlyRejected > Self.inputs / 20, "seed \(Self.seed): \(tally)")
    #expect(tally.applied > Self.inputs / 50, "seed \(Self.seed): \(tally)")
  }

  struct Tally: CustomStringConvertible {
    var refused = 0
    var partlyRejected = 0
    var applied = 0
    var duplicates = 0
    /// Dots the current server holds, to tell a duplicate from a new change.
    var known = Set<Dot>()
    var description: String {
      "\(refused) refused with 4xx, \(partlyRejected) answered 200 with rejections, "
        + "\(applied) changes applied, \(duplicates) duplicates"
    }
  }

  /// Sends one body and checks the answer and the store against what the body deserves.
  func check(
    _ body: [UInt8], input: Int, client: some TestClientProtocol, store: TownshipStore,
    token: String, _ tally: inout Tally
  ) async throws {
    let context = "seed \(Self.seed), input \(input), body \(Self.excerpt(body))"
    let full = tally.refused % 16 == 0
    let before = try Fingerprint(store, full: full)
    let response = try await client.execute(
      uri: "/v1/push", method: .post, headers: [.authorization: "Bearer \(token)"],
      body: ByteBuffer(bytes: body))
    let status = Int(response.status.code)
    let answer = try? JSONValue(parsing: response.body.readableBytesView)
    #expect(status < 500, "\(context): \(status)")
    guard let changes = Self.wellFormedChanges(body, context: context) else {
      tally.refused += 1
      #expect((400..<500).contains(status), "\(context): \(status) for a malformed body")
      guard case .object(let members)? = answer, case .object(let error)? = members["error"],
        case .string? = error["code"], case .string? = error["message"]
      else {
        Issue.record("\(context): no JSON error body")
        return
      }
      #expect(
        try Fingerprint(store, full: full) == before, "\(context): a refused push changed the store"
      )
      return
    }
    #expect(status == 200, "\(context): \(status) for a well-formed body")
    guard case .object(let members)? = answer, case .integer(let accepted)? = members["accepted"],
      case .integer(let duplicates)? = members["duplicates"],
      case .array(let rejected)? = members["rejected"]
    else {
      Issue.record("\(context): no push outcome")
      return
    }
    let indices = rejected.compactMap { item -> Int? in
      guard case .object(let rejection) = item, case .integer(let index)? = rejection["index"],
        case .string? = rejection["code"], case .string? = rejection["message"]
      else { return nil }
      return Int(index)
    }
    #expect(indices.count == rejected.count, "\(context): a rejection without index or code")
    #expect(Set(indices).count == indices.count, "\(context): a change rejected twice")
    #expect(Int(accepted + duplicates) + rejected.count == changes.count, "\(context)")
    if !rejected.isEmpty { tally.partlyRejected += 1 }
    tally.applied += Int(accepted)
    let after = try Fingerprint(store, full: false)
    #expect(after.changes == before.changes + Int(accepted), "\(context)")
    var expectedDuplicates = 0
    for (index, json) in changes.enumerated() {
      let change = try? Change(json: json)
      if change == nil {
        #expect(indices.contains(index), "\(context): undecodable change \(index) not rejected")
      }
      guard let change, !indices.contains(index) else { continue }
      // Whatever else it is, a change the server takes holds its author's signature.
      #expect(
        SignatureCheck.check(
          change, binding: KeyBinding(replica: device, key: key.publicKey, unsignedThrough: 0))
          == .signed, "\(context): change \(index) accepted without a valid signature")
      if !tally.known.insert(change.dot).inserted {
        // A dot the server holds: a duplicate, which must change nothing, even when the
        // device sent something else under it (first write wins).
        expectedDuplicates += 1
        continue
      }
      // A new change is in the store: applying it again changes nothing.
      let state = try store.replica.report(change.report)
      #expect(state != nil, "\(context): change \(index) accepted but its report is missing")
      if let state {
        #expect(
          state.merged(with: ReportState(delta: change)) == state,
          "\(context): change \(index) accepted but not applied")
      }
    }
    #expect(Int(duplicates) == expectedDuplicates, "\(context): duplicates")
    tally.duplicates += Int(duplicates)
  }

  /// The changes of a body the protocol must answer with 200, or nil for one it must refuse:
  /// a JSON object within the size limit whose only member, `changes`, is an array of at most
  /// 1,000.
  ///
  /// What is JSON is decided by ``ReferenceJSON`` and Foundation, not by the server's parser:
  /// the changes are then read with that parser, and a body the oracle accepts and the parser
  /// refuses is a defect.
  static func wellFormedChanges(_ body: [UInt8], context: String) -> [JSONValue]? {
    guard body.count <= SyncLimits.maximumBodyBytes, ReferenceJSON.fault(of: body) == nil else {
      return nil
    }
    guard
      let object = try? JSONSerialization.jsonObject(
        with: Data(body), options: .fragmentsAllowed)
    else {
      Issue.record("\(context): the reference accepts JSON that Foundation refuses")
      return nil
    }
    // sync.md section 3: `{"changes": [...]}` and nothing else.
    guard let members = object as? [String: Any], members.count == 1,
      let changes = members["changes"] as? [Any], changes.count <= SyncLimits.maximumPushChanges
    else { return nil }
    guard case .object(let parsed)? = try? JSONValue(parsing: body),
      case .array(let items)? = parsed["changes"], items.count == changes.count
    else {
      Issue.record("\(context): the server's parser refuses or misreads a valid body")
      return nil
    }
    return items
  }

  static func excerpt(_ body: [UInt8]) -> String {
    let text = String(decoding: body.prefix(300), as: UTF8.self)
    return body.count > 300 ? "\(text)… (\(body.count) bytes)" : text
  }
}
