import Foundation
import LiaisonTestKit
import LiaisonTestScratch

/// The real township server for the live tests, over HTTPS as in the field, with the
/// administrator's commands.
final class TownshipProcess {
  let server: TownshipServer
  var url: String { server.url }
  var home: String { server.directory }
  /// The pin of the server's certificate, as `township serve` printed it.
  var pin: String { server.pin ?? "" }

  /// With `database`, the township is on PostgreSQL (`serve --database URL`).
  init(log: String? = nil, database: String? = nil) throws {
    server = try TownshipServer(
      binary: Self.binary, directory: ScratchDirectory.path("township"), log: log,
      arguments: database.map { ["--database", $0] } ?? [])
  }

  static var binary: URL {
    CommandLineRunner.binary.deletingLastPathComponent().appendingPathComponent("township")
  }

  /// The administrator's own directory (`$TOWNSHIP_HOME` of the commands), where `township
  /// login` saves its file and `conflict show` remembers versions.
  let adminHome = ScratchDirectory.path("township-admin")

  /// Runs a `township` subcommand as the administrator.
  func run(_ arguments: [String]) throws -> CommandLineRunner.Outcome {
    try run(arguments + ["--server", url], environment: ["TOWNSHIP_TOKEN": server.adminToken])
  }

  /// Runs a `township` subcommand as the administrator.
  @discardableResult
  func run(_ arguments: String...) throws -> CommandLineRunner.Outcome {
    try run(arguments)
  }

  /// Runs a `township` subcommand with exactly these arguments and environment additions,
  /// as an administrator who exported `TOWNSHIP_PIN` (an addition may blank it).
  func run(_ arguments: [String], environment: [String: String], input: String? = nil) throws
    -> CommandLineRunner.Outcome
  {
    try Self.run(
      arguments,
      environment: ["TOWNSHIP_HOME": adminHome, "TOWNSHIP_PIN": pin].merging(
        environment
      ) { $1 }, input: input)
  }

  /// Runs the `township` binary with these arguments and environment additions.
  static func run(_ arguments: [String], environment: [String: String], input: String? = nil)
    throws -> CommandLineRunner.Outcome
  {
    let child = Process()
    if let input {
      let pipe = Pipe()
      child.standardInput = pipe
      pipe.fileHandleForWriting.write(Data(input.utf8))
      try pipe.fileHandleForWriting.close()
    }
    child.executableURL = binary
    child.arguments = arguments
    var base = ProcessInfo.processInfo.environment
    base["TOWNSHIP_TOKEN"] = nil
    base["TOWNSHIP_PIN"] = nil
    base["LIAISON_LANG"] = "en"
    child.environment = base.merging(environment) { $1 }
    let output = Pipe()
    let error = Pipe()
    child.standardOutput = output
    child.standardError = error
    try child.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    child.waitUntilExit()
    return .init(
      status: child.terminationStatus, output: String(decoding: out, as: UTF8.self),
      error: String(decoding: err, as: UTF8.self))
  }

  /// A one-time enrolment code for a device serving `villages`: the first line `township
  /// enroll` prints.
  func enrollmentCode(name: String, villages: [String]) throws -> String {
    try enrolment(name: name, villages: villages).code
  }

  /// A one-time enrolment link for a device serving `villages`: the second line.
  func enrolmentLink(name: String, villages: [String]) throws -> String {
    try enrolment(name: name, villages: villages).link
  }

  private func enrolment(name: String, villages: [String]) throws -> (code: String, link: String) {
    let outcome = try run(["enroll", "--name", name] + villages.flatMap { ["--village", $0] })
    precondition(outcome.succeeded, outcome.error)
    let lines = outcome.output.split(separator: "\n").map(String.init)
    precondition(lines.count == 2, outcome.output)
    return (lines[0], lines[1])
  }

  /// Stops the server with SIGTERM; a graceful shutdown exits 0.
  func stop() -> Int32 {
    server.stop()
  }
}
