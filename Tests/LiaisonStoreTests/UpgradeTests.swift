import Foundation
import GRDB
import LiaisonMerge
import Testing

@testable import LiaisonStore

/// A store written by an earlier version upgrades in place when this version opens it.
///
/// `Fixtures/device-store-v6.sqlite` was made by `liaison` at 92d5d9f (schema v6): three
/// reports in 东村 and 西村, one edited twice and given a note, one deleted.
@Suite struct UpgradeTests {
  static let edited = ReportID("4ef04b40-d8f3-4e19-96cb-b9abd87990d2")!
  static let untouched = ReportID("97de15fd-8528-4fb5-a82d-0d9a6f5e0e6d")!
  static let deleted = ReportID("864dbfce-9200-454a-973b-f4eb85bc5ca4")!

  /// A fresh copy of the fixture, so each test upgrades its own.
  static func copyOfVersion6Store() throws -> String {
    let fixture = try #require(
      Bundle.module.path(forResource: "device-store-v6", ofType: "sqlite", inDirectory: "Fixtures"))
    let directory = temporaryDirectory()
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
}
