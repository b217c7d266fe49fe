import LiaisonCodec
import LiaisonMerge
import LiaisonPostgres
import LiaisonPostgresTesting
import LiaisonStore
import LiaisonTestKit
import LiaisonTestScratch
import LiaisonTownship
import Testing

/// `township migrate`: a SQLite township copied into PostgreSQL answers as the store did,
/// and its devices go on syncing.
@Suite(.scratch, .postgresScratch, .enabled(if: PostgresTestServer.runs))
struct TownshipMigrationTests {
  /// A township with what a copy could lose: two devices, a conflict resolved, a refused
  /// change, a pulled cursor, a revocation, an unused enrolment code.
  struct Township {
    let store: TownshipStore
    let storage: SQLiteTownshipStorage
    let liWei: Enrolled
    let wangFang: Enrolled
    let unusedCode: String
    let cursor: Int64
    /// 李伟's first two changes, as pushed.
    let firstChanges: [JSONValue]
  }

  /// Each device signs its changes with its key, as a real one does, so the copy's log
  /// verifies.
  func enrol(
    _ storage: any TownshipStorage, _ replica: ReplicaID, name: String, key: SigningKey
  ) async throws -> Enrolled {
    let code = try await storage.issueEnrollment(
      name: name, villages: ["东村"], lifetime: 3_600_000, by: "管理员", now: 0
    ).code
    return try await storage.enroll(code: code, replica: replica, key: key.publicKey, now: 1)
  }

  func township() async throws -> Township {
    let (store, _) = try TownshipStore.create(
      in: ScratchDirectory.path("township"), administrator: "管理员", now: 0)
    let storage = SQLiteTownshipStorage(store)
    let liWei = try await enrol(
      storage, Fixtures.replica(0xa1), name: "李伟", key: TestKeys.key(1))
    let wangFang = try await enrol(
      storage, Fixtures.replica(0xb2), name: "王芳", key: TestKeys.key(2))
    let scenario = try ConflictScenario(
      a: liWei.device.replica, b: wangFang.device.replica,
      editA: ReportEdit(values: [.title: .text("甲")]),
      editB: ReportEdit(values: [.title: .text("乙")]))
    var pushed = try await storage.push(
      PushBatch(scenario.fromA.map { TestKeys.sign($0.json, with: TestKeys.key(1)) }),
      from: liWei.device, now: 2)
    #expect(pushed.accepted == 2)
    pushed = try await storage.push(
      PushBatch(scenario.fromB.map { TestKeys.sign($0.json, with: TestKeys.key(2)) }),
      from: wangFang.device, now: 3)
    #expect(pushed.accepted == 1)
    // More reports than a page, so the copy and its check go over several.
    let more = try (2...24).enumerated().map { offset, report in
      var state = ReportState(id: Fixtures.report(report))
      let change = try state.write(
        Fixtures.newReport(title: "走访 \(report)"),
        dot: Dot(replica: wangFang.device.replica, counter: UInt64(offset) + 2),
        attribution: Fixtures.author("王芳"))
      return TestKeys.sign(change.json, with: TestKeys.key(2))
    }
    #expect(try await storage.push(PushBatch(more), from: wangFang.device, now: 3).accepted == 23)
    let version = try #require(try await storage.report(scenario.report)).version
    _ = try await storage.resolve(
      scenario.report, .pick(.title, 2), expecting: version, by: "管理员", reason: "核实", now: 4)
    // Outside 李伟's villages: refused, and kept in the audit trail.
    var outside = ReportState(id: Fixtures.report(99))
    let refused = try outside.write(
      Fixtures.newReport(village: "西村"), dot: Dot(replica: liWei.device.replica, counter: 3),
      attribution: Fixtures.author("李伟"))
    #expect(
      try await storage.push(
        PushBatch([TestKeys.sign(refused.json, with: TestKeys.key(1))]), from: liWei.device, now: 5
      ).rejected.count
        == 1)
    var cursor: Int64 = 0
    while true {
      let page = try await storage.pull(after: cursor, limit: 10, for: liWei.device)
      cursor = page.cursor
      if !page.more { break }
    }
    try await storage.recordPull(by: liWei.device, through: cursor, now: 6)
    try await storage.revoke(device: wangFang.device.id, by: "管理员", reason: "丢失", now: 7)
    let unused = try await storage.issueEnrollment(
      name: "赵六", villages: ["东村"], lifetime: 3_600_000, by: "管理员", now: 8)
    return Township(
      store: store, storage: storage, liWei: liWei, wangFang: wangFang, unusedCode: unused.code,
      cursor: cursor,
      firstChanges: scenario.fromA.map { TestKeys.sign($0.json, with: TestKeys.key(1)) })
  }

  @Test func aMigratedTownshipAnswersAsTheStoreDidAndItsDevicesSyncOn() async throws {
    let township = try await township()
    let source = township.storage
    let location = try await PostgresTestServer.freshDatabase()
    let summary = try await TownshipMigration(from: township.store, to: location, pageSize: 7)
      .run()
    #expect(summary.rows["change"] == 27 && summary.rows["report"] == 24)
    #expect(summary.rows["device"] == 2 && summary.rows["enrollment"] == 3)
    let copy = try await PostgresTownshipStorage.open(
      location, signingKey: township.store.replica.signer)
    PostgresTestServer.adopt(copy)

    #expect(try await copy.serverReplica() == source.serverReplica())
    #expect(summary.replica == (try await source.serverReplica()))
    var everything = ReportQuery()
    everything.includeDeleted = true
    let reports = try await source.reports(everything)
    #expect(reports.count == 24)
    #expect(try await copy.reports(everything) == reports)
    for report in reports {
      let state = try #require(try await source.report(report.id))
      let copied = try #require(try await copy.report(report.id))
      #expect(CanonicalJSON.encode(copied.json) == CanonicalJSON.encode(state.json))
      #expect(try await copy.history(of: report.id) == source.history(of: report.id))
    }
    #expect(try await copy.conflicts(village: nil, category: nil).isEmpty)
    #expect(try await copy.devices() == source.devices())
    let trail = try await source.auditTrail(subject: nil)
    #expect(trail.contains { $0.action == "refused change" })
    #expect(try await copy.auditTrail(subject: nil) == trail)
    let replicas = [
      township.liWei.device.replica, township.wangFang.device.replica, summary.replica,
    ]
    #expect(try await copy.keyBindings(for: replicas) == source.keyBindings(for: replicas))
    // The log: the same bodies under the same sequences.
    let all = try await source.pull(after: 0, limit: 1_000, for: township.liWei.device)
    let copiedAll = try await copy.pull(after: 0, limit: 1_000, for: township.liWei.device)
    #expect(copiedAll.bodies == all.bodies && copiedAll.cursor == all.cursor)

    // What `township verify --database` checks: every signature, every state.
    let verification = try await copy.verifyLog { _ in }
    #expect(verification.holds && verification.changes == 27 && verification.signed == 27)
    #expect(verification == (try await source.verifyLog { _ in }))

    // The devices' tokens: 李伟's authenticates, 王芳's stays revoked.
    #expect(try await copy.authenticate(township.liWei.token) == .device(township.liWei.device))
    await #expect(throws: StoreError.access(.revoked)) {
      try await copy.authenticate(township.wangFang.token)
    }
    // A pull from the cursor 李伟 reached brings nothing again; its next change follows on.
    let nothing = try await copy.pull(
      after: township.cursor, limit: 100, for: township.liWei.device)
    #expect(nothing.bodies.isEmpty && nothing.cursor == township.cursor)
    // The enrolment code never used still enrols, and the new device's change follows the
    // copied log: 李伟's next pull brings it alone, under the next sequence.
    let zhao = try await copy.enroll(
      code: township.unusedCode, replica: Fixtures.replica(0xc3), key: TestKeys.key(3).publicKey,
      now: 10)
    #expect(zhao.device.name == "赵六")
    var next = ReportState(id: Fixtures.report(100))
    let change = try next.write(
      Fixtures.newReport(title: "迁移后"), dot: Dot(replica: zhao.device.replica, counter: 1),
      attribution: Fixtures.author("赵六"))
    #expect(
      try await copy.push(
        PushBatch([TestKeys.sign(change.json, with: TestKeys.key(3))]), from: zhao.device, now: 11
      ).accepted == 1)
    let after = try await copy.pull(after: township.cursor, limit: 100, for: township.liWei.device)
    #expect(
      after.bodies == [CanonicalJSON.encode(TestKeys.sign(change.json, with: TestKeys.key(3)))])
    #expect(after.cursor == summary.lastSequence + 1)
    // What the store judged already is a duplicate on the copy.
    let resent = try await copy.push(
      PushBatch(township.firstChanges), from: township.liWei.device, now: 9)
    #expect(resent.duplicates == 2 && resent.accepted == 0)
  }

  @Test func aDatabaseThatIsNotEmptyIsRefusedAndLeftAsItWas() async throws {
    let township = try await township()
    let writers = PostgresSeveralWritersTests()
    // Another application's table.
    let other = try await PostgresTestServer.freshDatabase()
    try await writers.sql(other, "CREATE TABLE invoices (id integer PRIMARY KEY)")
    await #expect {
      try await TownshipMigration(from: township.store, to: other).run()
    } throws: { error in
      guard case StoreError.notAStore = error else { return false }
      return true
    }
    #expect(
      try await writers.count(other, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        == 1)
    // A township already there.
    let liaison = try await PostgresTestServer.freshDatabase()
    let (existing, _) = try await PostgresTownshipStorage.create(
      liaison, signingKey: SigningKey(), administrator: "管理员", now: 0)
    PostgresTestServer.adopt(existing)
    let replica = try await existing.serverReplica()
    await #expect(throws: StoreError.alreadyInitialized(path: liaison.description)) {
      try await TownshipMigration(from: township.store, to: liaison).run()
    }
    #expect(try await existing.serverReplica() == replica)
    #expect(try await existing.reports(ReportQuery()).isEmpty)
    #expect(try await writers.count(liaison, "SELECT count(*) FROM change") == 0)
    #expect(try await writers.count(liaison, "SELECT count(*) FROM audit") == 1)
  }
}
