import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge
import LiaisonTestKit
import LiaisonTestScratch
import Testing

@testable import LiaisonStore

/// A store written by an earlier version upgrades in place when this version opens it.
///
/// `Fixtures/device-store-v6.sqlite` was made by `liaison` at 92d5d9f (schema v6): three
/// reports in 东村 and 西村, one edited twice and given a note, one deleted.
@Suite(.scratch) struct UpgradeTests {
  static let edited = ReportID("4ef04b40-d8f3-4e19-96cb-b9abd87990d2")!
  static let untouched = ReportID("97de15fd-8528-4fb5-a82d-0d9a6f5e0e6d")!
  static let deleted = ReportID("864dbfce-9200-454a-973b-f4eb85bc5ca4")!

  /// A fresh copy of the fixture, so each test upgrades its own.
  static func copyOfVersion6Store() throws -> String {
    let fixture = try #require(
      Bundle.module.path(forResource: "device-store-v6", ofType: "sqlite", inDirectory: "Fixtures"))
    let directory = ScratchDirectory.make("store")
    try FileManager.default.copyItem(
      atPath: fixture, toPath: (directory as NSString).appendingPathComponent(ReplicaStore.fileName)
    )
    return directory
  }

  @Test func aVersion6StoreKeepsEveryReportAndChange() throws {
    let store = try ReplicaStore.open(in: try Self.copyOfVersion6Store())

    var everything = ReportQuery()
    everything.includeDeleted = true
    #expect(
      Set(try store.list(everything).map(\.id)) == [Self.edited, Self.untouched, Self.deleted])
    #expect(try store.list(ReportQuery()).count == 2)
    let report = try #require(try store.report(Self.edited))
    #expect(report[.title].winner?.value == .text("水渠纠纷（已调解）"))
    #expect(report[.status].winner?.value == .status(.inProgress))
    #expect(try store.history(Self.edited).count == 4)
    #expect(try store.history(Self.untouched).count == 1)
    #expect(try store.history(Self.deleted).count == 2)
    #expect(try store.unsentChanges(limit: 100).count == 7)

    // Every logged change names its report by key, and the keys hold.
    let (unkeyed, broken) = try store.database.read { db in
      (
        try Int.fetchOne(
          db,
          sql: """
            SELECT count(*) FROM change c LEFT JOIN report r ON r.key = c.report_key
            WHERE r.id IS NOT c.report
            """) ?? -1,
        try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
      )
    }
    #expect(unkeyed == 0)
    #expect(broken == 0)
  }

  @Test func openingTellsOfAnUpgradeBeforeItStartsAndOnlyThen() throws {
    let directory = try Self.copyOfVersion6Store()
    var told: [StoreUpgrade] = []
    _ = try ReplicaStore.open(in: directory) { told.append($0) }
    #expect(
      told == [
        StoreUpgrade(
          location: directory,
          steps: [
            "v7: the change log finds a report by an integer key",
            "v8: pulled changes a device could not accept",
            "v9: a point without words has no location text",
            "v10: the change log says which changes move a report",
            "v11: the pinned server certificate",
            "v12: signing keys and key bindings",
            "v13: indexes for the township office's console",
          ], changes: 7)
      ])

    _ = try ReplicaStore.open(in: directory) { told.append($0) }
    let fresh = ScratchDirectory.make("store")
    _ = try ReplicaStore.create(
      in: fresh, author: "李伟", villages: ["东村"], replica: Fixtures.replica(1), now: 0)
    _ = try ReplicaStore.open(in: fresh) { told.append($0) }
    #expect(told.count == 1)
  }

  /// `init` on an old store refuses before upgrading it: no minute-long rewrite to say no.
  /// v9: a point written without words, stored as `"text":""` before merge.md made one rule
  /// for locations, reads again after the upgrade, with no text, in the state and the log.
  @Test func aPointWithoutWordsStoredWithEmptyTextReadsAfterTheUpgrade() throws {
    let directory = ScratchDirectory.make("store")
    let store = try ReplicaStore.create(
      in: directory, author: "李伟", villages: ["东村"], replica: Fixtures.replica(1), now: 0)
    let id = Fixtures.report(1)
    try store.create(
      [
        .village: .text("东村"), .category: .category(.hazard), .title: .text("塌方"),
        .location: .location(
          Location(text: "", latitudeE7: 312_304_000, longitudeE7: 1_214_737_000)),
      ], id: id, time: 1)
    let expected = try #require(try store.report(id)).canonicalBytes
    #expect(!String(decoding: expected, as: UTF8.self).contains(#""text""#))
    // As an earlier version wrote it, and before v9 ran.
    let file = (directory as NSString).appendingPathComponent(ReplicaStore.fileName)
    try DatabaseQueue(path: file).write { db in
      for (table, column) in [("report", "state"), ("change", "body")] {
        try db.execute(
          sql:
            "UPDATE \(table) SET \(column) = CAST(replace(CAST(\(column) AS TEXT), ?, ?) AS BLOB)",
          arguments: [#""longitude_e7":1214737000}"#, #""longitude_e7":1214737000,"text":""}"#])
      }
      try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v9:%'")
    }
    let old = try DatabaseQueue(path: file).read { db in
      try Data.fetchOne(db, sql: "SELECT body FROM change")!
    }
    #expect(String(decoding: old, as: UTF8.self).contains(#","text":""}"#))
    // The decoder refuses those bytes as blank text: without the step, the store is unread.
    #expect(throws: ValidationError.self) { try Change(json: JSONValue(parsing: old)) }
    let upgraded = try ReplicaStore.open(in: directory)
    #expect(try #require(try upgraded.report(id)).canonicalBytes == expected)
    #expect(try upgraded.history(id).count == 1)
  }

  @Test func creatingOverAnOldStoreRefusesWithoutUpgradingIt() throws {
    let directory = try Self.copyOfVersion6Store()
    #expect(throws: StoreError.alreadyInitialized(path: directory)) {
      try ReplicaStore.create(
        in: directory, author: "王芳", villages: ["东村"], replica: Fixtures.replica(2), now: 0)
    }
    let file = (directory as NSString).appendingPathComponent(ReplicaStore.fileName)
    let (steps, changeColumns) = try DatabaseQueue(path: file).read { db in
      (
        try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
        try db.columns(in: "change").map(\.name)
      )
    }
    #expect(steps.count == 6)
    #expect(!changeColumns.contains("report_key"))
  }

  @Test func anUpgradedStoreTakesNewWritesUnderNewKeys() throws {
    let store = try ReplicaStore.open(in: try Self.copyOfVersion6Store())
    try store.edit(Self.untouched, ReportEdit(values: [.status: .status(.resolved)]), time: 1)
    let new = ReportID("0c8e7a52-61b0-4c5e-9d9a-3f6d2a1b7c40")!
    try store.create(
      [
        .village: .text("西村"), .category: .category(.visit), .title: .text("回访"),
        .details: .text("新记录"),
      ], id: new, time: 2)

    #expect(try store.history(Self.untouched).count == 2)
    #expect(try store.history(new).count == 1)
    #expect(try store.unsentChanges(limit: 100).count == 9)
    let keys = try store.database.read { db in
      try Int64.fetchAll(db, sql: "SELECT key FROM report ORDER BY key")
    }
    #expect(keys == [1, 2, 3, 4])
  }

  /// A township's store with devices, a conflict its administrator resolved (the server's own
  /// dots) and a refused change, written back in the version-6 schema (made by the real
  /// migrations up to v6), upgrades to the same reports, log and pulls.
  @Test func aVersion6TownshipStoreUpgradesToTheSameContent() throws {
    let directory = ScratchDirectory.make("store")
    let (store, a, b, report) = try townshipWithTwoDevices(
      in: directory, ReportEdit(values: [.title: .text("甲")]),
      ReportEdit(values: [.title: .text("乙")]))
    let devices = [a, b]
    let conflicted = try #require(try store.replica.report(report))
    _ = try store.resolve(
      report, .pick(.title, 1), expecting: conflicted.version, by: "管理员", reason: "核实", now: 4)
    // 张强's device writes a report in a village it is not enrolled for: refused, kept.
    let code = try store.issueEnrollment(
      name: "张强", villages: ["东村"], lifetime: 3_600_000, by: "管理员", now: 4
    ).code
    let c = try store.enroll(
      code: code, replica: Fixtures.replica(0xa3), key: SigningKey().publicKey, now: 5
    ).device
    var elsewhere = ReportState(id: ReportID("5b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3")!)
    let outOfScope = try elsewhere.write(
      ReportEdit(values: [
        .village: .text("西村"), .category: .category(.visit), .title: .text("越界"),
        .details: .text("不在本村"),
      ]),
      dot: Dot(replica: c.replica, counter: 1), attribution: Fixtures.author("张强", minutes: 9))
    #expect(try store.push([outOfScope.json], from: c, now: 6).rejected.count == 1)

    func contents(_ store: TownshipStore) throws -> [String] {
      let rows = try store.replica.database.read { db in
        try Row.fetchAll(db, sql: "SELECT * FROM report ORDER BY key").map(\.description)
          + Row.fetchAll(db, sql: "SELECT * FROM change ORDER BY seq").map(\.description)
          + Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY seq").map(\.description)
      }
      let pulls = try devices.map { device in
        try store.pull(after: 0, limit: 100, for: device).bodies.map {
          String(decoding: $0, as: UTF8.self)
        }
      }
      return rows + pulls.flatMap { $0 } + (try store.conflicts().map(\.id.description))
    }
    let before = try contents(store)

    let old = ScratchDirectory.make("store")
    let oldPath = (old as NSString).appendingPathComponent(ReplicaStore.fileName)
    let version6 = try DatabaseQueue(path: oldPath)
    try StoreSchema.migrator.migrate(version6, upTo: "v6: changes the server refused")
    let current = (directory as NSString).appendingPathComponent(ReplicaStore.fileName)
    try version6.writeWithoutTransaction { db in
      try db.execute(sql: "ATTACH DATABASE ? AS current", arguments: [current])
      try db.inTransaction {
        // The v6 columns of each table, so columns later versions added are left behind.
        for table in ["replica", "peer", "device", "credential", "enrollment", "audit", "refusal"] {
          let columns = try String.fetchAll(
            db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table]
          ).joined(separator: ", ")
          try db.execute(
            sql: "INSERT INTO \(table) (\(columns)) SELECT \(columns) FROM current.\(table)")
        }
        try db.execute(
          sql: """
            INSERT INTO report SELECT id, state, village, category, title, details, urgency,
              status, assignee, due, deleted, conflicted, created_at, updated_at
            FROM current.report ORDER BY key;
            INSERT INTO change (seq, report, replica, counter, author, time, body)
              SELECT seq, report, replica, counter, author, time, body
              FROM current.change ORDER BY seq;
            """)
        return .commit
      }
      try db.execute(sql: "DETACH DATABASE current")
    }
    try version6.close()

    let upgraded = try TownshipStore.open(in: old)
    #expect(try contents(upgraded) == before)
    let broken = try upgraded.replica.database.read { db in
      try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
    }
    #expect(broken == 0)
  }
}
