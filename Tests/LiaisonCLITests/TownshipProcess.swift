import Foundation
import LiaisonTestKit
import LiaisonTestScratch

/// The real township server for the live tests, with the administrator's commands.
final class TownshipProcess {
  let server: TownshipServer
  var url: String { server.url }
  var home: String { server.directory }

  init(log: String? = nil) throws {
    server = try TownshipServer(
      binary: CommandLineRunner.binary.deletingLastPathComponent().appendingPathComponent(
        "township"),
      directory: ScratchDirectory.path("township"), log: log)
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

  /// Runs a `township` subcommand with exactly these arguments and environment additions.
  func run(_ arguments: [String], environment: [String: String], input: String? = nil) throws
    -> CommandLineRunner.Outcome
  {
    let child = Process()
    if let input {
      let pipe = Pipe()
      child.standardInput = pipe
      pipe.fileHandleForWriting.write(Data(input.utf8))
      try pipe.fileHandleForWriting.close()
    }
    child.executableURL = server.process.executableURL
    child.arguments = arguments
    var base = ProcessInfo.processInfo.environment
    base["TOWNSHIP_TOKEN"] = nil
    base["TOWNSHIP_HOME"] = adminHome
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

  /// A one-time enrolment code for a device serving `villages`.
  func enrollmentCode(name: String, villages: [String]) throws -> String {
    let outcome = try run(["enroll", "--name", name] + villages.flatMap { ["--village", $0] })
    precondition(outcome.succeeded, outcome.error)
    return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Stops the server with SIGTERM; a graceful shutdown exits 0.
  func stop() -> Int32 {
    server.stop()
  }
}
