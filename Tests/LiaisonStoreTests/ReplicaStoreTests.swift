import Foundation
import GRDB
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit
import LiaisonTestScratch
import Testing

@Suite(.scratch) struct ReplicaStoreTests {
  @Test(arguments: StoreKind.allCases)
  func aWriteAppliesTheMergeOperationAndLogsItsChange(_ kind: StoreKind) throws {
    let store = try kind.make()
    let id = Fixtures.report(1)
    let created = try store.create(newReport(), id: id, time: 1_000)
    #expect(created.value(.urgency) == .urgency(.normal))
    #expect(created.value(.status) == .status(.open))
    try store.edit(id, ReportEdit(values: [.status: .status(.closed)]), time: 2_000)
    try store.edit(id, .note("已上门"), time: 3_000)
    let state = try #require(try store.report(id))
    #expect(state.value(.status) == .status(.closed))
    #expect(state.notes.notes.map(\.text) == ["已上门"])
    #expect(try store.info().counter == 3)
    let history = try store.history(id)
    #expect(history.map(\.sequence) == [1, 2, 3])
    #expect(
      history[1].fields == [.init(field: .status, old: .status(.open), new: .status(.closed))])
    #expect(history[0].fields.first { $0.field == .title }?.old == .absent)
    #expect(try store.status().unsentChanges == 3)
  }

  @Test(arguments: StoreKind.allCases)
  func aRefusedWriteLeavesTheStoreAsItWas(_ kind: StoreKind) throws {
    let store = try kind.make()
    let id = Fixtures.report(1)
    try store.create(newReport(), id: id, time: 1)
    let before = try store.report(id)
    #expect(throws: StoreError.self) {
      try store.edit(
        id, ReportEdit(values: [.title: .text(String(repeating: "题", count: 201))]), time: 2)
    }
    #expect(throws: StoreError.villageNotEnrolled("北村", enrolled: ["东村", "西村"])) {
      try store.create(newReport(village: "北村"), id: Fixtures.report(2), time: 2)
    }
    #expect(throws: StoreError.self) {
      try store.create([.title: .text("无村")], id: Fixtures.report(3), time: 2)
    }
    #expect(try store.report(id) == before)
    #expect(try store.info().counter == 1)
    #expect(try store.status().changes == 1)
  }

  @Test(arguments: StoreKind.allCases)
  func aDeletedReportTakesOnlyARestore(_ kind: StoreKind) throws {
    let store = try kind.make()
    let id = Fixtures.report(1)
    try store.create(newReport(), id: id, time: 1)
    try store.edit(id, .delete, time: 2)
    #expect(throws: StoreError.reportDeleted(id)) { try store.edit(id, .note("x"), time: 3) }
    #expect(try store.list(ReportQuery()).isEmpty)
    var all = ReportQuery()
    all.includeDeleted = true
    #expect(try store.list(all).map(\.id) == [id])
    try store.edit(id, .restore, time: 4)
    #expect(try store.list(ReportQuery()).map(\.id) == [id])
  }

  @Test(arguments: StoreKind.allCases)
  func listFiltersAndOrdersNewestFirst(_ kind: StoreKind) throws {
    let store = try kind.make()
    try store.create(newReport(title: "水渠纠纷"), id: Fixtures.report(1), time: 100)
    var hazard = newReport(title: "Broken bridge", village: "西村")
    hazard[.category] = .category(.hazard)
    hazard[.details] = .text("桥梁裂缝，危险")
    try store.create(hazard, id: Fixtures.report(2), time: 200)
    try store.create(newReport(title: "低保咨询"), id: Fixtures.report(3), time: 300)
    #expect(
      try store.list(ReportQuery()).map(\.id) == [
        Fixtures.report(3), Fixtures.report(2), Fixtures.report(1),
      ])
    var query = ReportQuery()
    query.village = "西村"
    #expect(try store.list(query).map(\.id) == [Fixtures.report(2)])
    query = ReportQuery()
    query.text = "桥梁"
    #expect(try store.list(query).map(\.id) == [Fixtures.report(2)])
    query.text = "BROKEN"
    #expect(try store.list(query).map(\.id) == [Fixtures.report(2)])
    query = ReportQuery()
    query.category = .dispute
    query.limit = 1
    #expect(try store.list(query).map(\.id) == [Fixtures.report(3)])
    query = ReportQuery()
    query.text = "%"
    #expect(try store.list(query).isEmpty)
  }

  @Test(arguments: StoreKind.allCases)
  func idsResolveByUniquePrefix(_ kind: StoreKind) throws {
    let store = try kind.make()
    let first = ReportID("3f2a9c1e-0000-4000-8000-000000000001")!
    let second = ReportID("3f2b0000-0000-4000-8000-000000000002")!
    try store.create(newReport(), id: first, time: 1)
    try store.create(newReport(), id: second, time: 2)
    #expect(try store.reportID(matching: "3f2a") == first)
    #expect(try store.reportID(matching: "3F2B") == second)
    #expect(throws: StoreError.ambiguousReport("3f2", matches: [first, second])) {
      try store.reportID(matching: "3f2")
    }
    #expect(throws: StoreError.unknownReport("9")) { try store.reportID(matching: "9") }
    #expect(throws: StoreError.malformedReportID("xyz")) { try store.reportID(matching: "xyz") }
  }

  @Test(arguments: StoreKind.allCases)
  func receivingAChangeTwiceChangesNothingMore(_ kind: StoreKind) throws {
    let store = try kind.make()
    var elsewhere = ReportState(id: Fixtures.report(7))
    let change = try elsewhere.write(
      ReportEdit(values: newReport()), dot: Dot(replica: Fixtures.replica(2), counter: 1),
      attribution: Fixtures.author("王芳"))
    #expect(try store.receive([change, change], time: 5) == 1)
    #expect(try store.receive([change], time: 6) == 0)
    #expect(try store.report(Fixtures.report(7)) == elsewhere)
    #expect(try store.status().changes == 1)
    #expect(try store.status().unsentChanges == 0)
  }

  @Test func aStoreOnDiskKeepsEverythingAcrossReopening() throws {
    let directory = ScratchDirectory.make("store")
    let store = try ReplicaStore.create(
      in: directory, author: "李伟", villages: ["东村"], replica: Fixtures.replica(1), now: 0)
    try store.create(newReport(), id: Fixtures.report(1), time: 1)
    let reopened = try ReplicaStore.open(in: directory)
    #expect(try reopened.report(Fixtures.report(1)) == store.report(Fixtures.report(1)))
    #expect(try reopened.info().counter == 1)
  }

  @Test func theLogIsCopiedIntoTheDatabaseFileWithoutTheWriterCheckpointing() async throws {
    let directory = ScratchDirectory.make("store")
    let store = try ReplicaStore.create(
      in: directory, author: "李伟", villages: ["东村"], replica: Fixtures.replica(1), now: 0,
      checkpointing: .inTheBackground)
    let file = (directory as NSString).appendingPathComponent(ReplicaStore.fileName)
    func bytes(_ path: String) -> Int {
      ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
    let before = bytes(file)
    // About 2,000 pages of log: past SQLite's default checkpoint, short of the writer's own.
    var random = SeededGenerator(seed: 11)
    for batch in 0..<10 {
      try store.transaction { transaction in
        for index in 0..<400 {
          try transaction.create(
            newReport(title: "桥梁裂缝 \(batch)-\(index)"), id: ReportID.random(using: &random),
            time: Int64(index))
        }
      }
    }
    #expect(bytes(file + "-wal") > 4_000_000)
    var waited = 0
    while bytes(file) < before + 4_000_000, waited < 100 {
      try await Task.sleep(for: .milliseconds(50))
      waited += 1
    }
    #expect(bytes(file) >= before + 4_000_000, "the reports never reached the database file")
    #expect(try store.status().changes == 4_000)
  }

  @Test func aSecondInitRefusesAndChangesNothing() throws {
    let directory = ScratchDirectory.make("store")
    let store = try ReplicaStore.create(
      in: directory, author: "李伟", villages: ["东村"], replica: Fixtures.replica(1), now: 0)
    try store.create(newReport(), id: Fixtures.report(1), time: 1)
    #expect(throws: StoreError.alreadyInitialized(path: directory)) {
      try ReplicaStore.create(
        in: directory, author: "王芳", villages: ["西村"], replica: Fixtures.replica(2), now: 0)
    }
    #expect(try ReplicaStore.open(in: directory).info().author == "李伟")
  }

  @Test func missingCorruptAndNewerStoresAreRecognised() throws {
    let missing = ScratchDirectory.make("store")
    #expect(throws: StoreError.notInitialized(path: missing)) { try ReplicaStore.open(in: missing) }

    let corrupt = ScratchDirectory.make("store")
    let file = (corrupt as NSString).appendingPathComponent(ReplicaStore.fileName)
    let garbage = Data(repeating: 0x41, count: 4096)
    _ = FileManager.default.createFile(atPath: file, contents: garbage)
    #expect {
      try ReplicaStore.open(in: corrupt)
    } throws: { error in
      if case .notAStore = error as? StoreError { return true }
      return false
    }
    #expect(FileManager.default.contents(atPath: file) == garbage)

    // A store a later version wrote: it has applied a schema step this version does not know.
    let newer = ScratchDirectory.make("store")
    _ = try ReplicaStore.create(
      in: newer, author: "李伟", villages: ["东村"], replica: Fixtures.replica(3), now: 0)
    let newerFile = (newer as NSString).appendingPathComponent(ReplicaStore.fileName)
    try DatabaseQueue(path: newerFile).write { db in
      try db.execute(
        sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: a step from the future')")
    }
    // Left alone: no schema step ran. (Its bytes may still change: GRDB makes a pool's
    // write-ahead log exist by creating and dropping a table.)
    func schema() throws -> [String] {
      try DatabaseQueue(path: newerFile).read { db in
        try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY 1")
          + String.fetchAll(
            db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY 1")
      }
    }
    let before = try schema()
    #expect(before.contains("v99: a step from the future"))
    #expect(throws: StoreError.newerVersion(path: newer)) { try ReplicaStore.open(in: newer) }
    #expect(throws: StoreError.newerVersion(path: newer)) { try TownshipStore.open(in: newer) }
    #expect(try schema() == before)
  }
}
