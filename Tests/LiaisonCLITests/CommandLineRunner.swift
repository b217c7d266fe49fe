import Foundation
import LiaisonTestKit
import LiaisonTestScratch

/// Runs the built `liaison` binary in a temporary store directory, as a user would.
struct CommandLineRunner {
  struct Outcome {
    let status: Int32
    let output: String
    let error: String

    var succeeded: Bool { status == 0 }
    var errorLines: [Substring] { error.split(separator: "\n") }
  }

  /// The store directory, passed as `$LIAISON_HOME`.
  let home: String

  init() {
    home = ScratchDirectory.path("liaison-home")
  }

  static let binary = ServeLaunch.product("liaison")

  @discardableResult
  func run(_ arguments: String...) throws -> Outcome {
    try run(arguments)
  }

  func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
    let process = try start(arguments, environment: environment)
    let output = (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
    let error = (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
      error: String(decoding: error, as: UTF8.self))
  }

  /// Starts the binary without waiting, for tests that interrupt it.
  func start(_ arguments: [String], environment additions: [String: String] = [:]) throws
    -> Process
  {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["LIAISON_HOME"] = home
    // English unless a test asks otherwise, whatever the locale of the machine running them.
    environment["LIAISON_LANG"] = "en"
    process.environment = environment.merging(additions) { $1 }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = Pipe()
    process.standardError = Pipe()
    try process.run()
    return process
  }

  /// Creates the store with two villages.
  func initialize() throws {
    let outcome = try run("init", "--name", "李伟", "--village", "东村", "--village", "西村")
    precondition(outcome.succeeded, outcome.error)
  }

  /// Records a report and returns its id.
  func record(_ title: String = "水渠纠纷", _ extra: String...) throws -> String {
    let outcome = try run(
      ["new", "--village", "东村", "--category", "dispute", "--title", title] + extra)
    precondition(outcome.succeeded, outcome.error)
    return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Everything the store holds, for checking that a refused command changed nothing.
  func snapshot() throws -> String {
    try run("export", "--format", "json", "--all").output + run("status", "--format", "json").output
  }
}
