import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonTestKit

/// Checks the protocol's test vectors, or records the states this implementation computes.
@main
struct Vectors: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "liaison-vectors",
    abstract: "Check every test vector in protocol/vectors, or fill in their expected states.",
    discussion: """
      Each scenario vector states by hand the values, conflicts and notes it expects; its
      `expect.state` (the full canonical state) is recorded by `--bless` and then reviewed.
      `swift test` checks every vector too; this tool is for writing new ones.
      """)

  @Option(help: "The folder of vector files.")
  var directory = "protocol/vectors"

  @Flag(help: "Write expect.state into scenario vectors that lack one.")
  var bless = false

  mutating func run() throws {
    let folder = URL(fileURLWithPath: directory)
    var failed = 0
    for vector in try MergeVector.load(from: folder) {
      let failures = vector.run()
      if bless, case .object(let members) = vector.json,
        case .object(let expect)? = members["expect"],
        expect["state"] == nil
      {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(try vector.blessed())
        data.append(UInt8(ascii: "\n"))
        try data.write(to: folder.appendingPathComponent(vector.name))
        print("blessed \(vector.name)")
      }
      if failures.isEmpty { continue }
      failed += 1
      print("FAIL \(vector.name)")
      for failure in failures { print("  \(failure)") }
    }
    print("\(failed == 0 ? "all" : "\(failed) of the") vectors \(failed == 0 ? "pass" : "failed")")
    if failed > 0 { throw ExitCode.failure }
  }
}
