import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit
import LiaisonTestScratch
import Testing

@Suite(.scratch) struct TownshipStoreTests {
  let directory = ScratchDirectory.make("store")
  let deviceReplica = Fixtures.replica(0xd1)

  func enrolledDevice(villages: [String] = ["东村"]) throws -> (TownshipStore, Enrolled) {
    let (store, _) = try TownshipStore.create(in: directory, administrator: "管理员", now: 0)
    let enrollment = try store.issueEnrollment(
      name: "李伟", villages: villages, lifetime: 3_600_000, by: "管理员", now: 0)
    return (
      store,
      try store.enroll(
        code: enrollment.code, replica: deviceReplica, key: SigningKey().publicKey, now: 1)
    )
  }

  /// A change written at a device replica, as JSON, the way it arrives in a push.
  func change(counter: UInt64, replica: ReplicaID? = nil, village: String = "东村", report: Int = 1)
    throws -> JSONValue
  {
    var state = ReportState(id: Fixtures.report(report))
    return try state.write(
      ReportEdit(values: [
        .village: .text(village), .category: .category(.visit), .title: .text("走访 \(counter)"),
      ]),
      dot: Dot(replica: replica ?? deviceReplica, counter: counter),
      attribution: Fixtures.author("李伟")
    ).json
  }

  @Test func tokensAreRecognisedAndOnlyTheirDigestsAreStored() throws {
    let (store, token) = try TownshipStore.create(in: directory, administrator: "管理员", now: 0)
    let enrollment = try store.issueEnrollment(
      name: "李伟", villages: ["东村"], lifetime: 3_600_000, by: "管理员", now: 0)
    let enrolled = try store.enroll(
      code: enrollment.code, replica: deviceReplica, key: SigningKey().publicKey, now: 1)
    #expect(try store.authenticate(token) == .administrator(name: "管理员"))
    #expect(throws: StoreError.access(.unauthenticated)) {
      try store.authenticate("lsn_" + String(repeating: "0", count: 64))
    }
    // Every file of the store, the write-ahead log included: a fresh write sits in the log
    // until a checkpoint folds it into the database file, so reading that file alone could
    // never find a token stored in clear.
    let files = try FileManager.default.contentsOfDirectory(atPath: directory)
    #expect(files.contains(ReplicaStore.fileName + "-wal"))
    let bytes = try files.map { name in
      try String(
        decoding: Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name)),
        as: UTF8.self)
    }.joined()
    for secret in [token, enrolled.token, enrollment.code] {
      #expect(!bytes.contains(secret))
      // The read sees what the store wrote: each secret's digest is there in its place.
      #expect(bytes.contains(Secret.digest(secret)))
    }
  }

  @Test func anEnrolmentCodeWorksOnceAndBindsTheReplica() throws {
    let (store, _) = try TownshipStore.create(in: directory, administrator: "管理员", now: 0)
    let enrollment = try store.issueEnrollment(
      name: "李伟", villages: ["东村"], lifetime: 1_000, by: "管理员", now: 0)
    let enrolled = try store.enroll(
      code: enrollment.code, replica: deviceReplica, key: SigningKey().publicKey, now: 10)
    #expect(try store.authenticate(enrolled.token) == .device(enrolled.device))
    #expect(throws: StoreError.access(.invalidCode)) {
      try store.enroll(
        code: enrollment.code, replica: Fixtures.replica(9), key: SigningKey().publicKey, now: 11)
    }
    let late = try store.issueEnrollment(
      name: "王芳", villages: ["西村"], lifetime: 1_000, by: "管理员", now: 0)
    #expect(throws: StoreError.access(.invalidCode)) {
      try store.enroll(
        code: late.code, replica: Fixtures.replica(9), key: SigningKey().publicKey, now: 5_000)
    }
    let again = try store.issueEnrollment(
      name: "王芳", villages: ["西村"], lifetime: 1_000, by: "管理员", now: 0)
    #expect(throws: StoreError.access(.replicaTaken)) {
      try store.enroll(
        code: again.code, replica: deviceReplica, key: SigningKey().publicKey, now: 20)
    }
    // The server's own id would let a device push dots the log already holds as new.
    #expect(throws: StoreError.access(.replicaTaken)) {
      try store.enroll(
        code: again.code, replica: enrolled.server, key: SigningKey().publicKey, now: 21)
    }
  }

  @Test func aRevokedDeviceIsRefused() throws {
    let (store, enrolled) = try enrolledDevice()
    try store.revoke(device: enrolled.device.id, by: "管理员", reason: "lost", now: 5)
    #expect(throws: StoreError.access(.revoked)) { try store.authenticate(enrolled.token) }
  }

  @Test func aPushRejectsEachBadChangeAloneAndAppliesTheRest() throws {
    let (store, enrolled) = try enrolledDevice()
    var invalid = try change(counter: 4)
    if case .object(var members) = invalid {
      members["time"] = .string("yesterday")
      invalid = .object(members)
    }
    let outcome = try store.push(
      [
        try change(counter: 1), try change(counter: 1),  // the second is a duplicate
        try change(counter: 2, replica: Fixtures.replica(0x66), report: 2),  // forged
        try change(counter: 2, village: "西村", report: 3),  // out of scope
        try change(counter: 9, report: 4),  // skips counters 3 to 8
        invalid, try change(counter: 3, report: 5),
      ], from: enrolled.device, now: 2)
    #expect(outcome.accepted == 2)
    #expect(outcome.duplicates == 1)
    #expect(
      outcome.rejected.map(\.code.rawValue) == [
        "forged_dot", "out_of_scope", "skipped_counter", "wrong_type",
      ])
    #expect(outcome.rejected.map(\.index) == [2, 3, 4, 5])
    #expect(try store.replica.report(Fixtures.report(1)) != nil)
    #expect(try store.replica.report(Fixtures.report(3)) == nil)
    #expect(try store.replica.report(Fixtures.report(5)) != nil)
  }

  @Test func aCounterReusedForDifferentContentIsRefusedAndKeptNotCountedAsADuplicate() throws {
    let (store, enrolled) = try enrolledDevice()
    let first = try change(counter: 1)
    #expect(try store.push([first], from: enrolled.device, now: 2).accepted == 1)
    // A device restored from a copy writes counter 1 again, to another report.
    let reused = try change(counter: 1, report: 2)
    let outcome = try store.push([reused, first], from: enrolled.device, now: 3)
    #expect(outcome.rejected.map(\.code.rawValue) == ["dot_reused"])
    #expect(outcome.rejected.first?.index == 0)
    #expect(outcome.duplicates == 1)
    #expect(try store.replica.report(Fixtures.report(2)) == nil)
    let kept = try store.auditTrail(subject: Fixtures.report(2).description)
    #expect(kept.map(\.action) == ["refused change"])
    #expect(kept.first?.detail == CanonicalJSON.string(reused))
    // Sent again, it is refused again but kept once.
    _ = try store.push([reused], from: enrolled.device, now: 4)
    #expect(try store.auditTrail(subject: Fixtures.report(2).description).count == 1)
  }

  @Test func aPullPagesThroughTheDevicesVillagesOnly() throws {
    let (store, enrolled) = try enrolledDevice(villages: ["东村"])
    let other = try store.issueEnrollment(
      name: "王芳", villages: ["东村", "西村"], lifetime: 1_000, by: "管理员", now: 0)
    let colleague = try store.enroll(
      code: other.code, replica: Fixtures.replica(0xd2), key: SigningKey().publicKey, now: 1)
    var pushed: [JSONValue] = []
    for counter in 1...5 {
      pushed.append(
        try change(
          counter: UInt64(counter), replica: colleague.device.replica,
          village: counter == 3 ? "西村" : "东村", report: counter))
    }
    #expect(try store.push(pushed, from: colleague.device, now: 2).accepted == 5)
    _ = try store.push([try change(counter: 1, report: 9)], from: enrolled.device, now: 3)

    var cursor: Int64 = 0
    var received: [Change] = []
    var pages = 0
    repeat {
      let page = try store.pull(after: cursor, limit: 2, for: enrolled.device)
      received += try page.bodies.map { try Change(json: JSONValue(parsing: $0)) }
      cursor = page.cursor
      pages += 1
      if !page.more { break }
    } while pages < 10
    #expect(received.map(\.report) == [1, 2, 4, 5].map(Fixtures.report))  // not 西村, not its own
    #expect(try store.pull(after: cursor, limit: 2, for: enrolled.device).bodies.isEmpty)
  }

  @Test func aPullCursorMovesPastTheDevicesOwnChanges() throws {
    let (store, enrolled) = try enrolledDevice()
    let pushed = try (1...3).map { try change(counter: UInt64($0), report: $0) }
    #expect(try store.push(pushed, from: enrolled.device, now: 2).accepted == 3)
    let page = try store.pull(after: 0, limit: 10, for: enrolled.device)
    #expect(page.bodies.isEmpty)
    // Without this, every later pull would scan the device's own changes again.
    #expect(page.cursor == 3)
  }
}
