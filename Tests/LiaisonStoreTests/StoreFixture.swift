import Foundation
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit

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
        in: temporaryDirectory(), author: "李伟", villages: villages, replica: Fixtures.replica(1),
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

/// A fresh directory under the system's temporary folder.
func temporaryDirectory() -> String {
  let path = (NSTemporaryDirectory() as NSString).appendingPathComponent(
    "liaison-test-\(UUID().uuidString)")
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// The fields of a valid new report.
func newReport(title: String = "水渠纠纷", village: String = "东村") -> [Field: FieldValue] {
  [.village: .text(village), .category: .category(.dispute), .title: .text(title)]
}
