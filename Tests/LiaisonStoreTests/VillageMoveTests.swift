import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge
import LiaisonTestKit
import LiaisonTestScratch
import Testing

@testable import LiaisonStore

/// Reports that move between villages, seen by devices enrolled for only one of them.
///
/// Found while building the fault simulator (issue 6). Pull filters changes by the report's
/// village at the time of the pull, so a device used never to receive the changes made while a
/// report sat in another village; a pull now sends a moved report's earlier changes with the
/// move, and a move out of the device's villages too, so its copy does not go stale. An edit that raced a move out of the device's village was refused, losing a write the
/// liaison made in scope; a report that was ever in the device's villages now takes its writes.
@Suite(.scratch) struct VillageMoveTests {
  let directory = ScratchDirectory.make("store")
  let mover = Fixtures.replica(0xa1)
  let local = Fixtures.replica(0xb2)

  func server() throws -> (TownshipStore, mover: Device, local: Device) {
    let (store, _) = try TownshipStore.create(in: directory, administrator: "管理员", now: 0)
    func enrol(_ replica: ReplicaID, _ villages: [String]) throws -> Device {
      let code = try store.issueEnrollment(
        name: "\(replica)", villages: villages, lifetime: 3_600_000, by: "管理员", now: 0
      ).code
      return try store.enroll(code: code, replica: replica, key: SigningKey().publicKey, now: 1)
        .device
    }
    return (store, try enrol(mover, ["东村", "西村"]), try enrol(local, ["东村"]))
  }

  /// Every change the device can pull from `cursor`, page after page; returns the new cursor.
  func pullAll(
    _ store: TownshipStore, _ device: Device, after cursor: Int64,
    into state: inout [ReportID: ReportState]
  ) throws -> Int64 {
    var cursor = cursor
    while true {
      let page = try store.pull(after: cursor, limit: 100, for: device)
      for body in page.bodies {
        let change = try Change(json: JSONValue(parsing: body))
        state[change.report, default: ReportState(id: change.report)].apply(change)
      }
      cursor = page.cursor
      if !page.more { return cursor }
    }
  }

  @Test func aReportMovedIntoADevicesVillageArrivesWhole() throws {
    let (store, moverDevice, localDevice) = try server()
    var report = ReportState(id: Fixtures.report(1))
    var counter: UInt64 = 0
    func write(_ edit: ReportEdit) throws -> JSONValue {
      counter += 1
      return try report.write(
        edit, dot: Dot(replica: mover, counter: counter), attribution: Fixtures.author("甲")
      ).json
    }
    // Created in 西村, which the local device does not serve; it pulls and sees nothing.
    let created = try write(Fixtures.newReport(title: "桥梁裂缝", village: "西村"))
    #expect(try store.push([created], from: moverDevice, now: 2).accepted == 1)
    var onLocal: [ReportID: ReportState] = [:]
    var cursor = try pullAll(store, localDevice, after: 0, into: &onLocal)
    #expect(onLocal.isEmpty)
    // Moved to 东村: now the local device's report, and it must arrive whole.
    let moved = try write(ReportEdit(values: [.village: .text("东村")]))
    #expect(try store.push([moved], from: moverDevice, now: 3).accepted == 1)
    cursor = try pullAll(store, localDevice, after: cursor, into: &onLocal)
    let onServer = try #require(try store.replica.report(report.id))
    #expect(onLocal[report.id]?.value(.title) == .text("桥梁裂缝"))
    #expect(onLocal[report.id] == onServer)
  }

  @Test func aReportMovedOutOfADevicesVillageArrivesMovedNotStale() throws {
    let (store, moverDevice, localDevice) = try server()
    var report = ReportState(id: Fixtures.report(1))
    var elsewhere = ReportState(id: Fixtures.report(2))
    var counter: UInt64 = 0
    func write(_ edit: ReportEdit, on state: inout ReportState) throws -> JSONValue {
      counter += 1
      return try state.write(
        edit, dot: Dot(replica: mover, counter: counter), attribution: Fixtures.author("甲")
      ).json
    }
    let created = try write(Fixtures.newReport(title: "桥梁裂缝", village: "东村"), on: &report)
    let other = try write(Fixtures.newReport(title: "路灯", village: "西村"), on: &elsewhere)
    #expect(try store.push([created, other], from: moverDevice, now: 2).accepted == 2)
    var onLocal: [ReportID: ReportState] = [:]
    var cursor = try pullAll(store, localDevice, after: 0, into: &onLocal)
    #expect(onLocal.keys.sorted() == [report.id])
    // While the local device is apart: a retitle in 东村, the move to 西村, details after it,
    // and a report the device never held moved around in 西村's own business.
    let batch = [
      try write(ReportEdit(values: [.title: .text("桥梁裂缝严重")]), on: &report),
      try write(ReportEdit(values: [.village: .text("西村")]), on: &report),
      try write(ReportEdit(values: [.details: .text("已移交西村")]), on: &report),
      // Written again in 西村: a move from 西村, which is none of the local device's business.
      try write(ReportEdit(values: [.village: .text("西村")]), on: &report),
      try write(ReportEdit(values: [.village: .text("西村")]), on: &elsewhere),
    ]
    #expect(try store.push(batch, from: moverDevice, now: 3).accepted == 5)
    cursor = try pullAll(store, localDevice, after: cursor, into: &onLocal)
    // The device sees where the report went, with everything up to the move, and nothing of
    // what 西村 wrote after it or of the report it never held.
    let moved = try #require(onLocal[report.id])
    #expect(moved.value(.village) == .text("西村"))
    #expect(moved.value(.title) == .text("桥梁裂缝严重"))
    #expect(moved.value(.details) != .text("已移交西村"))
    #expect(onLocal[elsewhere.id] == nil)
    // Pulling again sends nothing new.
    #expect(try store.pull(after: cursor, limit: 100, for: localDevice).bodies.isEmpty)
  }

  @Test func aDeviceThatMovesAReportBackGetsWhatWasWrittenWhileItWasAway() throws {
    let (store, moverDevice, localDevice) = try server()
    var onMover = ReportState(id: Fixtures.report(1))
    var counter: UInt64 = 0
    func write(_ edit: ReportEdit) throws -> JSONValue {
      counter += 1
      return try onMover.write(
        edit, dot: Dot(replica: mover, counter: counter), attribution: Fixtures.author("甲")
      ).json
    }
    #expect(
      try store.push([try write(Fixtures.newReport())], from: moverDevice, now: 2).accepted == 1)
    var onLocal: [ReportID: ReportState] = [:]
    var cursor = try pullAll(store, localDevice, after: 0, into: &onLocal)
    let moveAway = try write(ReportEdit(values: [.village: .text("西村")]))
    #expect(try store.push([moveAway], from: moverDevice, now: 3).accepted == 1)
    cursor = try pullAll(store, localDevice, after: cursor, into: &onLocal)
    // Written in 西村, where the local device does not see it.
    let away = try write(ReportEdit(values: [.details: .text("西村已处理一半")]))
    #expect(try store.push([away], from: moverDevice, now: 4).accepted == 1)
    cursor = try pullAll(store, localDevice, after: cursor, into: &onLocal)
    #expect(onLocal[onMover.id]?.value(.details) != .text("西村已处理一半"))
    // The local liaison brings it back: the server takes the write (the device held the
    // report), and the next pull must bring what 西村 wrote meanwhile.
    var held = try #require(onLocal[onMover.id])
    let back = try held.write(
      ReportEdit(values: [.village: .text("东村")]), dot: Dot(replica: local, counter: 1),
      attribution: Fixtures.author("乙"))
    onLocal[onMover.id] = held
    #expect(try store.push([back.json], from: localDevice, now: 5).accepted == 1)
    _ = try pullAll(store, localDevice, after: cursor, into: &onLocal)
    #expect(onLocal[onMover.id] == (try store.replica.report(onMover.id)))
    #expect(onLocal[onMover.id]?.value(.details) == .text("西村已处理一半"))
  }

  @Test func pagesHeavyWithMovedHistoriesEndEarlyAndLoseNothing() throws {
    let (store, moverDevice, localDevice) = try server()
    var reports = (1...6).map { ReportState(id: Fixtures.report($0)) }
    var counter: UInt64 = 0
    var pushed: [JSONValue] = []
    for index in reports.indices {
      for edit in [
        Fixtures.newReport(title: "路灯 \(index)", village: "西村"),
        ReportEdit(values: [.details: .text(String(repeating: "详", count: 400))]),
        ReportEdit(values: [.village: .text("东村")]),
      ] {
        counter += 1
        pushed.append(
          try reports[index].write(
            edit, dot: Dot(replica: mover, counter: counter), attribution: Fixtures.author("甲")
          ).json)
      }
    }
    #expect(try store.push(pushed, from: moverDevice, now: 2).accepted == 18)
    var onLocal: [ReportID: ReportState] = [:]
    var cursor: Int64 = 0
    var pages = 0
    while true {
      let page = try store.pull(after: cursor, limit: 100, for: localDevice, maximumBytes: 2_000)
      #expect(page.cursor > cursor || !page.more)
      for body in page.bodies {
        let change = try Change(json: JSONValue(parsing: body))
        onLocal[change.report, default: ReportState(id: change.report)].apply(change)
      }
      cursor = page.cursor
      pages += 1
      if !page.more { break }
    }
    #expect(pages >= 6)
    for report in reports { #expect(onLocal[report.id] == report) }
  }

  @Test func anEditRacingAMoveOutOfTheVillageIsNotLost() throws {
    let (store, moverDevice, localDevice) = try server()
    var onMover = ReportState(id: Fixtures.report(1))
    let created = try onMover.write(
      Fixtures.newReport(village: "东村"), dot: Dot(replica: mover, counter: 1),
      attribution: Fixtures.author("甲"))
    #expect(try store.push([created.json], from: moverDevice, now: 2).accepted == 1)
    var onLocal = ReportState(id: onMover.id)
    onLocal.apply(created)
    // Apart: the local liaison adds details while the other device moves the report away.
    let edit = try onLocal.write(
      ReportEdit(values: [.details: .text("村民反映情况")]), dot: Dot(replica: local, counter: 1),
      attribution: Fixtures.author("乙"))
    let move = try onMover.write(
      ReportEdit(values: [.village: .text("西村")]), dot: Dot(replica: mover, counter: 2),
      attribution: Fixtures.author("甲"))
    #expect(try store.push([move.json], from: moverDevice, now: 3).accepted == 1)
    let outcome = try store.push([edit.json], from: localDevice, now: 4)
    // The edit was made while the report was in the device's village: it is applied, and the
    // report, now in 西村, holds both the move and the liaison's details.
    #expect(outcome.rejected.isEmpty, "\(outcome.rejected)")
    #expect(outcome.accepted == 1)
    let merged = try #require(try store.replica.report(onMover.id))
    #expect(merged.value(.details) == .text("村民反映情况"))
    #expect(merged.value(.village) == .text("西村"))
  }

  @Test func aReportThatWasNeverInTheDevicesVillagesStaysOutOfScope() throws {
    let (store, moverDevice, localDevice) = try server()
    var onMover = ReportState(id: Fixtures.report(2))
    let created = try onMover.write(
      Fixtures.newReport(village: "西村"), dot: Dot(replica: mover, counter: 1),
      attribution: Fixtures.author("甲"))
    #expect(try store.push([created.json], from: moverDevice, now: 2).accepted == 1)
    var guessed = ReportState(id: onMover.id)
    guessed.apply(created)
    let edit = try guessed.write(
      ReportEdit(values: [.details: .text("猜测")]), dot: Dot(replica: local, counter: 1),
      attribution: Fixtures.author("乙"))
    let outcome = try store.push([edit.json], from: localDevice, now: 3)
    #expect(outcome.rejected.map(\.code.rawValue) == ["out_of_scope"])
    // Refused, and still kept whole where an administrator sees it, once however often sent.
    _ = try store.push([edit.json], from: localDevice, now: 4)
    let kept = try store.auditTrail(subject: edit.report.description).filter {
      $0.action == "refused change"
    }
    #expect(kept.count == 1)
    #expect(kept.first?.detail == String(decoding: edit.canonicalBytes, as: UTF8.self))
  }

  /// v10: the log's `moves` column, filled for changes logged before it existed, so a pull
  /// still sends a moved report's history after the upgrade.
  @Test func movesLoggedBeforeTheColumnAreFoundByTheUpgrade() throws {
    let (store, moverDevice, localDevice) = try server()
    var report = ReportState(id: Fixtures.report(1))
    let created = try report.write(
      Fixtures.newReport(title: "桥梁裂缝", village: "西村"),
      dot: Dot(replica: mover, counter: 1), attribution: Fixtures.author("甲"))
    let moved = try report.write(
      ReportEdit(values: [.village: .text("东村")]), dot: Dot(replica: mover, counter: 2),
      attribution: Fixtures.author("甲"))
    #expect(try store.push([created.json, moved.json], from: moverDevice, now: 2).accepted == 2)
    // As a version before v10 left the log: no column, no index, the step not applied.
    let file = (directory as NSString).appendingPathComponent(ReplicaStore.fileName)
    try DatabaseQueue(path: file).write { db in
      try db.execute(
        sql: """
          DROP INDEX change_moves_by_replica;
          ALTER TABLE change DROP COLUMN moves;
          DELETE FROM grdb_migrations WHERE identifier LIKE 'v10:%';
          """)
    }
    let upgraded = try TownshipStore.open(in: directory)
    let moves = try upgraded.replica.database.read { db in
      try Int.fetchAll(db, sql: "SELECT moves FROM change ORDER BY seq")
    }
    #expect(moves == [0, 1])
    var state: [ReportID: ReportState] = [:]
    _ = try pullAll(upgraded, localDevice, after: 0, into: &state)
    #expect(state[Fixtures.report(1)] == report)
  }

  /// A report now in the device's village is sent for that, and its move brings its history:
  /// each change still goes once in a page (sync.md section 3). It went twice, found by a
  /// client written from the specification alone.
  @Test func aReportsHistoryGoesOnceInAPageThatAlsoHoldsItsMove() throws {
    let (store, moverDevice, localDevice) = try server()
    let west = try store.enroll(
      code: store.issueEnrollment(
        name: "西", villages: ["西村"], lifetime: 3_600_000, by: "管理员", now: 0
      ).code, replica: Fixtures.replica(0xc3), key: SigningKey().publicKey, now: 1
    ).device
    var report = ReportState(id: Fixtures.report(1))
    let created = try report.write(
      Fixtures.newReport(title: "桥梁裂缝", village: "东村"),
      dot: Dot(replica: local, counter: 1), attribution: Fixtures.author("乙"))
    let edited = try report.write(
      ReportEdit(values: [.urgency: .urgency(.high)]), dot: Dot(replica: local, counter: 2),
      attribution: Fixtures.author("乙"))
    #expect(try store.push([created.json, edited.json], from: localDevice, now: 2).accepted == 2)
    let moved = try report.write(
      ReportEdit(values: [.village: .text("西村")]), dot: Dot(replica: mover, counter: 1),
      attribution: Fixtures.author("甲"))
    #expect(try store.push([moved.json], from: moverDevice, now: 3).accepted == 1)

    let page = try store.pull(after: 0, limit: 100, for: west)
    #expect(page.bodies == [created, edited, moved].map(\.canonicalBytes))
  }
}
