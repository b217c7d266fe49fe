import Foundation
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit
import LiaisonTestScratch

/// Where a test's store lives: the same test runs against memory and a file on disk.
enum StoreKind: String, CaseIterable, CustomTestStringConvertibleKind {
  case memory
  case disk

  func make(villages: [String] = ["东村", "西村"]) throws -> ReplicaStore {
    switch self {
    case .memory:
      return try ReplicaStore.inMemory(
        author: "李伟", villages: villages, replica: Fixtures.replica(1))
    case .disk:
      return try ReplicaStore.create(
        in: ScratchDirectory.make("store"), author: "李伟", villages: villages,
        replica: Fixtures.replica(1),
        now: 0)
    }
  }
}

/// Lets parameterised tests print `memory` or `disk`.
protocol CustomTestStringConvertibleKind: CustomStringConvertible, RawRepresentable
where RawValue == String {}
extension CustomTestStringConvertibleKind {
  var description: String { rawValue }
}

/// The fields of a valid new report.
func newReport(title: String = "水渠纠纷", village: String = "东村") -> [Field: FieldValue] {
  [.village: .text(village), .category: .category(.dispute), .title: .text(title)]
}

/// A township in `directory` with two devices for 东村 (replicas 0xa1 and 0xa2) that have
/// pushed `editA` and `editB`, made apart, to one report.
func townshipWithTwoDevices(in directory: String, _ editA: ReportEdit, _ editB: ReportEdit)
  throws -> (TownshipStore, Device, Device, ReportID)
{
  let (store, _) = try TownshipStore.create(in: directory, administrator: "管理员", now: 0)
  var devices: [Device] = []
  for (index, name) in ["李伟", "王芳"].enumerated() {
    let code = try store.issueEnrollment(
      name: name, villages: ["东村"], lifetime: 3_600_000, by: "管理员", now: 0
    ).code
    devices.append(
      try store.enroll(
        code: code, replica: Fixtures.replica(UInt64(0xa1 + index)), key: SigningKey().publicKey,
        now: 1
      )
      .device)
  }
  let scenario = try ConflictScenario(
    a: devices[0].replica, b: devices[1].replica, editA: editA, editB: editB)
  _ = try store.push(scenario.fromA.map(\.json), from: devices[0], now: 2)
  _ = try store.push(scenario.fromB.map(\.json), from: devices[1], now: 3)
  return (store, devices[0], devices[1], scenario.report)
}
