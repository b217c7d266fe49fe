import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit
import LiaisonTestScratch
import Testing

/// Conflicts, resolutions, devices and the audit trail in the township store.
@Suite(.scratch) struct TownshipAdminTests {
  let directory = ScratchDirectory.make("store")

  /// A township with two devices for 东村 that have pushed `editA` and `editB` to one report.
  func township(_ editA: ReportEdit, _ editB: ReportEdit) throws -> (
    TownshipStore, Device, Device, ReportID
  ) {
    try townshipWithTwoDevices(in: directory, editA, editB)
  }

  /// 张强's device, which saw only the report's creation (by `creator`), deletes it: the
  /// delete crosses every edit made since.
  func deleteByAThirdDevice(_ store: TownshipStore, creator: Device, _ id: ReportID) throws {
    let code = try store.issueEnrollment(
      name: "张强", villages: ["东村"], lifetime: 3_600_000, by: "管理员", now: 4
    ).code
    let c = try store.enroll(
      code: code, replica: Fixtures.replica(0xa3), key: SigningKey().publicKey, now: 5
    ).device
    let edit = ReportEdit(values: [.urgency: .urgency(.high)])
    var atC = ReportState(id: id)
    atC.apply(
      try ConflictScenario(a: creator.replica, b: c.replica, editA: edit, editB: edit).fromA[0])
    let delete = try atC.write(
      .delete, dot: Dot(replica: c.replica, counter: 1),
      attribution: Fixtures.author("张强", minutes: 7))
    _ = try store.push([delete.json], from: c, now: 6)
  }

  func titles(_ a: String, _ b: String) throws -> (TownshipStore, Device, Device, ReportID) {
    try township(ReportEdit(values: [.title: .text(a)]), ReportEdit(values: [.title: .text(b)]))
  }

  @Test func aConflictIsListedWithItsFieldsDevicesAndNumberedChoices() throws {
    let (store, a, b, id) = try titles("甲", "乙")
    let conflicts = try store.conflicts()
    #expect(conflicts.map(\.id) == [id])
    #expect(conflicts.first?.fields == [.title])
    #expect(conflicts.first?.replicas == [a.replica, b.replica])
    #expect(conflicts.first?.since == Fixtures.author("", minutes: 6).time)
    #expect(try store.conflicts(village: "西村").isEmpty)
    #expect(try store.conflicts(category: "hazard").isEmpty)
    let state = try #require(try store.replica.report(id))
    let choices = state.choices(for: .title)
    // Text compares by UTF-8 bytes, the greater winning: 甲 (E7 94 B2) beats 乙 (E4 B9 99),
    // so 甲 is the provisional winner and numbered 1.
    #expect(choices.map(\.label) == ["甲", "乙"])
    #expect(choices.map(\.isProvisional) == [true, false])
    #expect(choices[1].writes.map(\.dot.replica) == [b.replica])
    #expect(state.choices(for: .status).isEmpty)
  }

  @Test func aPickIsAWriteAtTheServerReplicaThatDevicesPull() throws {
    let (store, a, _, id) = try titles("甲", "乙")
    let before = try #require(try store.replica.report(id))
    let outcome = try store.resolve(
      id, .pick(.title, 2), expecting: before.version, by: "王主任", reason: "核实", now: 99)
    #expect(outcome.resolved == [.title] && outcome.remaining.isEmpty)
    let server = try store.replica.info().id
    #expect(outcome.dots == [Dot(replica: server, counter: 1)])
    #expect(outcome.state.value(.title) == .text("乙"))
    #expect(outcome.state[.title].winner?.attribution.author == "王主任")
    #expect(try store.conflicts().isEmpty)
    // The resolution is in the change log: the next pull of either device brings it.
    let page = try store.pull(after: 0, limit: 100, for: a)
    let changes = try page.bodies.map { try Change(json: JSONValue(parsing: $0)) }
    #expect(changes.last?.dot == Dot(replica: server, counter: 1))
    var atA = ReportState(id: id)
    for change in changes { atA.apply(change) }
    #expect(!atA.isConflicted && atA.value(.title) == .text("乙"))
    let audit = try store.auditTrail(subject: String(id.description.prefix(6)))
    #expect(audit.map(\.actor) == ["王主任"])
    #expect(audit.first?.reason == "核实" && audit.first?.detail.contains("title = 乙") == true)
  }

  @Test func aStaleOrMistakenResolutionIsRefusedAndWritesNothing() throws {
    let (store, _, _, id) = try titles("甲", "乙")
    let version = try #require(try store.replica.report(id)).version
    let cases: [(Resolution, String, AdminError)] = [
      (.pick(.title, 1), "000000000000", .stale(id, current: version)),
      (.pick(.title, 3), version, .noSuchValue(.title, pick: 3, count: 2)),
      (.pick(.status, 1), version, .notInConflict(id, .status)),
      (.allFrom(Fixtures.replica(9), device: "x"), version, .nothingFrom("x")),
    ]
    for (resolution, expected, error) in cases {
      #expect(throws: StoreError.admin(error)) {
        try store.resolve(id, resolution, expecting: expected, by: "管理员", reason: "", now: 9)
      }
    }
    #expect(throws: StoreError.self) {
      try store.resolve(id, .value(.title, ""), expecting: version, by: "管理员", reason: "", now: 9)
    }
    #expect(try store.replica.report(id)?.version == version)
    #expect(try store.auditTrail(subject: id.description).isEmpty)
  }

  @Test func differentFieldsMergeWithoutConflict() throws {
    let (store, _, _, id) = try township(
      ReportEdit(values: [.urgency: .urgency(.high)]),
      ReportEdit(values: [.status: .status(.inProgress)]))
    #expect(try store.conflicts().isEmpty)
    let state = try #require(try store.replica.report(id))
    #expect(
      state.value(.urgency) == .urgency(.high) && state.value(.status) == .status(.inProgress))
  }

  @Test(arguments: [true, false])
  func aDeleteAgainstAnEditIsResolvedEitherWay(keepDeleted: Bool) throws {
    let (store, a, b, id) = try township(
      .delete, ReportEdit(values: [.details: .text("仍需处理")]))
    let state = try #require(try store.replica.report(id))
    #expect(state.conflicts == [.deleted] && !state.isDeleted)
    let choices = state.choices(for: .deleted)
    #expect(choices.map(\.outcome) == [.deletion(false), .deletion(true)])
    #expect(choices[0].writes.map(\.dot.replica) == [b.replica])
    #expect(choices[1].writes.map(\.dot.replica) == [a.replica])
    let resolution: Resolution =
      keepDeleted ? .allFrom(a.replica, device: a.name) : .value(.deleted, "no")
    let outcome = try store.resolve(
      id, resolution, expecting: state.version, by: "管理员", reason: "", now: 9)
    #expect(outcome.state.isDeleted == keepDeleted)
    #expect(!outcome.state.isConflicted)
    #expect(outcome.state.value(.details) == .text("仍需处理"))
    #expect(try store.replica.list(ReportQuery()).count == (keepDeleted ? 0 : 1))
  }

  @Test func devicesShowWhatTheyHaveNotPulled() throws {
    let (store, a, b, id) = try titles("甲", "乙")
    // Neither has pulled: each waits for the other's changes to the report.
    #expect(try store.devices().map(\.pending) == [1, 2])
    let page = try store.pull(after: 0, limit: 100, for: b)
    try store.recordPull(by: b, through: page.cursor, now: 50)
    let version = try #require(try store.replica.report(id)).version
    _ = try store.resolve(id, .pick(.title, 1), expecting: version, by: "管理员", reason: "", now: 60)
    let devices = try store.devices()
    #expect(devices.map(\.device.name) == ["李伟", "王芳"])
    #expect(devices.map(\.pending) == [2, 1])
    #expect(devices[1].lastSeenAt == 50)
    try store.revoke(device: a.id, by: "管理员", reason: "设备丢失", now: 70)
    #expect(try store.devices().first?.revokedAt == 70)
    #expect(try store.findDevice("王芳") == b)
    #expect(try store.findDevice(String(b.id.prefix(6))) == b)
    #expect(throws: StoreError.admin(.unknownDevice("nobody"))) { try store.findDevice("nobody") }
    #expect(try store.auditTrail().last?.reason == "设备丢失")
  }

  @Test func anAdministratorsNameIsTakenOnce() throws {
    let (store, _) = try TownshipStore.create(in: directory, administrator: "管理员", now: 0)
    _ = try store.addAdministrator("王主任", by: "管理员", now: 1)
    for name in ["王主任", "管理员"] {
      #expect(throws: StoreError.admin(.nameTaken(name))) {
        try store.addAdministrator(name, by: "管理员", now: 2)
      }
    }
    #expect(try store.auditTrail().filter { $0.action == "add administrator" }.count == 2)
  }

  @Test func aDeviceIsRevokedOnceAndALiaisonEnrolledAgainIsNamedAsBefore() throws {
    let (store, a, _, _) = try titles("甲", "乙")
    try store.revoke(device: a.id, by: "管理员", reason: "设备丢失", now: 70)
    #expect(throws: StoreError.admin(.alreadyRevoked(name: "李伟", device: a.id, at: 70))) {
      try store.revoke(device: a.id, by: "管理员", reason: "又丢了", now: 80)
    }
    #expect(try store.devices().first { $0.device.id == a.id }?.revokedAt == 70)
    #expect(
      try store.auditTrail().filter { $0.action == "revoke device" }.map(\.reason) == ["设备丢失"])
    // 李伟 enrolls a new device: the name finds it, not the revoked one.
    let code = try store.issueEnrollment(
      name: "李伟", villages: ["东村"], lifetime: 3_600_000, by: "管理员", now: 90
    ).code
    let again = try store.enroll(
      code: code, replica: Fixtures.replica(0xa9), key: SigningKey().publicKey, now: 91
    ).device
    #expect(try store.findDevice("李伟") == again)
    try store.revoke(device: try store.findDevice("李伟").id, by: "管理员", reason: "", now: 92)
    #expect(try store.devices().first { $0.device.id == again.id }?.revokedAt == 92)
    // Both revoked: the name is ambiguous again, and the id says which.
    #expect(throws: StoreError.self) { try store.findDevice("李伟") }
    #expect(try store.findDevice(a.id) == a)
  }

  @Test func aDeleteAgainstAnEditOfTwoFieldsCountsTheEditOnce() throws {
    // 李伟 sets two fields in one change at minute 5; 王芳 deletes at minute 6.
    let (store, a, b, id) = try township(
      ReportEdit(values: [.details: .text("仍需处理"), .urgency: .urgency(.high)]), .delete)
    let state = try #require(try store.replica.report(id))
    let choices = state.choices(for: .deleted)
    #expect(choices[0].writes.map(\.dot) == [Dot(replica: a.replica, counter: 2)])
    #expect(choices[1].writes.map(\.dot) == [Dot(replica: b.replica, counter: 1)])
    // The conflict began with its second write, the delete, not with the edit counted twice.
    #expect(state.conflictSince == Fixtures.author("", minutes: 6).time)
    #expect(try store.conflicts().first?.since == Fixtures.author("", minutes: 6).time)
  }

  @Test func aValueIsNotDecidedWhileTheDeletionIsUndecided() throws {
    // 李伟 and 王芳 retitle the report; 张强, who saw only its creation, deletes it.
    let (store, a, _, id) = try titles("甲", "乙")
    try deleteByAThirdDevice(store, creator: a, id)
    let state = try #require(try store.replica.report(id))
    #expect(state.conflicts == [.deleted, .title])
    for resolution in [Resolution.pick(.title, 1), .value(.title, "丙")] {
      #expect(throws: StoreError.admin(.deletionUndecided(id))) {
        try store.resolve(id, resolution, expecting: state.version, by: "管理员", reason: "", now: 9)
      }
    }
    #expect(try store.replica.report(id)?.version == state.version)
    #expect(try store.auditTrail(subject: id.description).isEmpty)
    // Deciding the deletion first, then the title, works; so does --all-from, which decides
    // both at once.
    let restored = try store.resolve(
      id, .pick(.deleted, 1), expecting: state.version, by: "管理员", reason: "", now: 10)
    #expect(restored.remaining == [.title] && !restored.state.isDeleted)
    let titled = try store.resolve(
      id, .pick(.title, 2), expecting: restored.state.version, by: "管理员", reason: "", now: 11)
    #expect(titled.remaining.isEmpty && titled.state.value(.title) == .text("乙"))
  }

  @Test func allFromDecidesTheDeletionWithTheValues() throws {
    let (store, a, _, id) = try titles("甲", "乙")
    try deleteByAThirdDevice(store, creator: a, id)
    let state = try #require(try store.replica.report(id))
    let outcome = try store.resolve(
      id, .allFrom(a.replica, device: a.name), expecting: state.version, by: "管理员", reason: "",
      now: 9)
    #expect(outcome.resolved == [.deleted, .title] && outcome.remaining.isEmpty)
    #expect(!outcome.state.isDeleted && outcome.state.value(.title) == .text("甲"))
  }
}
