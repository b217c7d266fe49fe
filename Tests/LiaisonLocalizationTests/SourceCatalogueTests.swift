import Foundation
import LiaisonLocalization
import Testing

/// The command lines' sources say nothing to people except through the catalogue: a
/// sentence written in English in the code would reach Chinese readers as English.
@Suite struct SourceCatalogueTests {
  static let directories = [
    "Sources/liaison", "Sources/township", "Sources/LiaisonPresentation",
    "Sources/LiaisonCommandLine",
  ]

  /// The Swift sources of the command lines, by path relative to the package.
  static func sources() throws -> [(path: String, text: String)] {
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    var files: [(String, String)] = []
    for directory in directories {
      let url = package.appendingPathComponent(directory)
      for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
      where name.hasSuffix(".swift") {
        let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
        files.append(("\(directory)/\(name)", text))
      }
    }
    return files
  }

  /// Where English would be written for people: printed text, failures, usage errors,
  /// help, table headers and text written to standard error.
  static var sayings: [(String, Regex<Substring>)] {
    [
      ("print", /print\(\s*"[^"\\]*[A-Za-z]{2}/),
      ("CommandFailure", /CommandFailure\(\s*"(?![a-z]+(?:\.[A-Za-z]+)+")/),
      ("ValidationError", /ValidationError\(\s*"/),
      ("help", /help: "/),
      ("abstract", /abstract: "/),
      ("discussion", /discussion: "/),
      ("column", /\.init\("[A-Za-z]/),
      ("standard error", /Data\(\s*"[^"\\]*[A-Za-z]{3}/),
      ("standard error", /Data\(\s*\n\s*"[^"\\]*[A-Za-z]{3}/),
    ]
  }

  /// What scripts read stays English, like logs: the one line `township serve` prints for
  /// scripts to wait for, and JSON.
  static let forScripts = ["\"township serving ", "Data(\"null\""]

  @Test func peopleAreToldThroughTheCatalogueOnly() throws {
    for (path, text) in try Self.sources() {
      for (what, pattern) in Self.sayings {
        for match in text.matches(of: pattern) {
          let start =
            text[..<match.range.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) }
            ?? text.startIndex
          let end = text[match.range.upperBound...].firstIndex(of: "\n") ?? text.endIndex
          let line = text[start..<end]
          if Self.forScripts.contains(where: { line.contains($0) }) { continue }
          Issue.record("\(path): \(what) in English, not through the catalogue: \(line)")
        }
      }
    }
  }

  @Test func everyKeyTheCodeUsesIsInTheCatalogue() throws {
    var used = 0
    for (path, text) in try Self.sources() {
      for match in text.matches(of: /"((?:liaison|township|common|error)(?:\.[A-Za-z_]+)+)"/) {
        let key = String(match.1)
        used += 1
        // A command's configuration names the prefix of its abstract and discussion.
        let known =
          Catalogue.english[key] != nil || Catalogue.english["\(key).abstract"] != nil
        #expect(known, "\(path) uses \(key), which no catalogue has")
      }
    }
    #expect(used > 200)
  }

  @Test func theCheckFindsAnEnglishSentence() {
    let pasted = #"throw CommandFailure("cannot read \(path)")"#
    #expect(pasted.contains(Self.sayings[1].1))
    #expect(!#"throw CommandFailure("township.tls.cannotRead", [:])"#.contains(Self.sayings[1].1))
    #expect(#"print("Deleted \(id)")"#.contains(Self.sayings[0].1))
    #expect(#".init("VILLAGE", flexible: true)"#.contains(Self.sayings[6].1))
  }
}
