import Foundation
import LiaisonTestKit
import Testing

/// Every file in protocol/vectors is checked; adding a vector needs no new code.
@Suite struct VectorTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("protocol/vectors")

  /// The vector files, listed apart from loading them: a listing that fails gives no
  /// arguments, which `everyFileLoads` turns into a failure rather than a silent pass.
  static let names = MergeVector.names(in: directory)

  @Test("every file of the vector folder loads, and there are as many as the folder holds")
  func everyFileLoads() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
      .filter { $0.hasSuffix(".json") }
    let vectors = try MergeVector.load(from: Self.directory)
    #expect(vectors.count == files.count)
    #expect(Self.names.count == files.count)
    #expect(vectors.count > 50)
  }

  @Test("the vector folder holds every kind of case the specification promises")
  func coverage() throws {
    let names = try MergeVector.load(from: Self.directory).map(\.name)
    #expect(names.filter { $0.hasPrefix("merge-") }.count >= 30)
    #expect(names.filter { $0.hasPrefix("validation-") }.count >= 20)
    #expect(names.contains { $0.hasPrefix("encoding-") })
  }

  @Test("vector passes", arguments: names)
  func vector(_ name: String) throws {
    let vector = try MergeVector.load(Self.directory.appendingPathComponent(name))
    let failures = vector.run()
    #expect(failures.isEmpty, "\(name):\n\(failures.joined(separator: "\n"))")
  }
}
