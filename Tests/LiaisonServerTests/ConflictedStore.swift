import LiaisonMerge
import LiaisonStore
import LiaisonTestKit
import LiaisonTrust

/// A township store whose two devices of 东村, 李伟 and 王芳, pushed `editA` and `editB` to
/// one report while apart: the start of the administrator's and the console's tests.
struct ConflictedStore {
  let store: TownshipStore
  let adminToken: String
  /// 李伟's enrolment, then 王芳's.
  let devices: [Enrolled]
  let scenario: ConflictScenario

  init(in directory: String, editA: ReportEdit, editB: ReportEdit) throws {
    let (store, token) = try TownshipStore.create(in: directory, administrator: "管理员", now: 0)
    var enrolled: [Enrolled] = []
    for (index, name) in ["李伟", "王芳"].enumerated() {
      let code = try store.issueEnrollment(
        name: name, villages: ["东村"], lifetime: 3_600_000, by: "管理员", now: 0
      ).code
      enrolled.append(
        try store.enroll(
          code: code, replica: Fixtures.replica(UInt64(0xa1 + index)), key: SigningKey().publicKey,
          now: 1))
    }
    let scenario = try ConflictScenario(
      a: enrolled[0].device.replica, b: enrolled[1].device.replica,
      editA: editA, editB: editB)
    _ = try store.push(scenario.fromA.map(\.json), from: enrolled[0].device, now: 2)
    _ = try store.push(scenario.fromB.map(\.json), from: enrolled[1].device, now: 3)
    self.store = store
    adminToken = token
    devices = enrolled
    self.scenario = scenario
  }
}
