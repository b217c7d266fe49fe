import Foundation
import LiaisonTestKit
import Testing

/// Every file in protocol/vectors is checked; adding a vector needs no new code.
@Suite struct VectorTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("protocol/vectors")

  static let vectors = (try? MergeVector.load(from: directory)) ?? []

  @Test("the vector folder holds every kind of case the specification promises")
  func coverage() throws {
    let names = Self.vectors.map(\.name)
    #expect(names.count >= 40)
    #expect(names.filter { $0.hasPrefix("merge-") }.count >= 30)
    #expect(names.filter { $0.hasPrefix("validation-") }.count >= 20)
    #expect(names.contains { $0.hasPrefix("encoding-") })
  }

  @Test("vector passes", arguments: vectors.map(\.name))
  func vector(_ name: String) throws {
    let vector = try #require(Self.vectors.first { $0.name == name })
    let failures = vector.run()
    #expect(failures.isEmpty, "\(name):\n\(failures.joined(separator: "\n"))")
  }
}
