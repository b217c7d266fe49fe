import Foundation
import LiaisonTestScratch
import Testing

/// `liaison new` on a terminal asks for what is missing, one field at a time, and asks again
/// after a wrong answer. `script` (util-linux) gives the binary a pseudo-terminal.
@Suite(.scratch) struct InteractiveTests {
  static let script = "/usr/bin/script"

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script)))
  func newAsksForMissingFieldsOneByOne() throws {
    let cli = CommandLineRunner()
    try cli.initialize()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.script)
    process.arguments = ["-qec", "\(CommandLineRunner.binary.path) new --village 东村", "/dev/null"]
    process.environment = ProcessInfo.processInfo.environment.merging(["LIAISON_HOME": cli.home]) {
      $1
    }
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    // A wrong category first: the prompt must say why and ask again.
    input.fileHandleForWriting.write(Data("fire\nhazard\n桥梁裂缝\n\nurgent\n".utf8))
    try input.fileHandleForWriting.close()
    let transcript = String(
      decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(transcript)")
    #expect(transcript.contains("category \"fire\" is not allowed"))
    #expect(transcript.components(separatedBy: "Category (").count == 3, "\(transcript)")
    let shown = try cli.run("list", "--format", "json").output
    #expect(shown.contains("\"title\" : \"桥梁裂缝\""))
    #expect(shown.contains("\"urgency\" : \"urgent\""))
  }
}
