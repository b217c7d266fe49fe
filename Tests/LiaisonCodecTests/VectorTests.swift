import Foundation
import LiaisonMerge
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

  @Test("every error code of the specification has a validation vector")
  func everyErrorCodeHasAVector() throws {
    let specification = try String(
      contentsOf: Self.directory.deletingLastPathComponent().appendingPathComponent("merge.md"),
      encoding: .utf8)
    let codes = Self.sectionElevenCodes(specification)
    #expect(codes.count >= 13)
    #expect(Set(codes) == Set(ValidationErrorCodes.all.map(\.code)))
    var vectored: Set<String> = []
    for vector in try MergeVector.load(from: Self.directory)
    where vector.name.hasPrefix("validation-") {
      guard case .object(let members) = vector.json, case .object(let error)? = members["error"],
        case .string(let code)? = error["code"]
      else {
        Issue.record("\(vector.name) has no error.code")
        continue
      }
      vectored.insert(code)
    }
    for code in codes {
      #expect(vectored.contains(code), "no validation vector has code \(code)")
    }
  }

  /// The codes in the first column of section 11's table, as `| `code` | meaning |` rows.
  static func sectionElevenCodes(_ specification: String) -> [String] {
    guard let start = specification.range(of: "## 11 Errors"),
      let end = specification.range(of: "## 12", range: start.upperBound..<specification.endIndex)
    else { return [] }
    return specification[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap {
      line in
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard let first = cells.first, first.hasPrefix("`"), first.hasSuffix("`") else { return nil }
      return String(first.dropFirst().dropLast())
    }
  }

  @Test func theListOfProblemsHoldsEachOnce() {
    #expect(ValidationErrorCodes.all.map(ValidationErrorCodes.index(of:)) == Array(0..<14))
  }

  @Test("vector passes", arguments: names)
  func vector(_ name: String) throws {
    let vector = try MergeVector.load(Self.directory.appendingPathComponent(name))
    let failures = vector.run()
    #expect(failures.isEmpty, "\(name):\n\(failures.joined(separator: "\n"))")
  }
}

/// One of each ``ValidationError/Problem``; `index(of:)` stops compiling when a problem is
/// added, so that this list, section 11 and the vectors are brought up to date with it.
enum ValidationErrorCodes {
  static let all: [ValidationError.Problem] = [
    .required, .notAllowed([]), .empty, .tooLong(maximum: 1), .invalidDate, .invalidCoordinates,
    .controlCharacter, .notNormalized, .wrongType(expected: ""), .unknownField,
    .invalidClock(""), .invalidID, .malformed(""), .badSignature(""),
  ]

  static func index(of problem: ValidationError.Problem) -> Int {
    switch problem {
    case .required: 0
    case .notAllowed: 1
    case .empty: 2
    case .tooLong: 3
    case .invalidDate: 4
    case .invalidCoordinates: 5
    case .controlCharacter: 6
    case .notNormalized: 7
    case .wrongType: 8
    case .unknownField: 9
    case .invalidClock: 10
    case .invalidID: 11
    case .malformed: 12
    case .badSignature: 13
    }
  }

}
