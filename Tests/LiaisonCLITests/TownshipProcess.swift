import Foundation

/// The real `township serve` on a free loopback port, for tests that sync over HTTP.
final class TownshipProcess {
  let home: String
  let process = Process()
  private(set) var url = ""
  private(set) var adminToken = ""

  init() throws {
    home = (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "township-\(UUID().uuidString)")
    process.executableURL = CommandLineRunner.binary.deletingLastPathComponent()
      .appendingPathComponent("township")
    process.arguments = ["serve", "--store", home, "--port", "0", "--log-level", "warning"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The first run prints the administrator token, then the address it listens on.
    var text = ""
    let deadline = Date().addingTimeInterval(30)
    while !text.contains("township serving"), Date() < deadline {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      text += String(decoding: chunk, as: UTF8.self)
    }
    guard let address = text.range(of: #"http://[0-9.]+:[0-9]+"#, options: .regularExpression),
      let token = text.range(of: #"lsn_[0-9a-f]{64}"#, options: .regularExpression)
    else {
      process.terminate()
      throw TownshipFailure(output: text)
    }
    url = String(text[address])
    adminToken = String(text[token])
  }

  /// Runs a `township` subcommand as the administrator.
  func run(_ arguments: [String]) throws -> CommandLineRunner.Outcome {
    let child = Process()
    child.executableURL = process.executableURL
    child.arguments = arguments + ["--server", url]
    child.environment = ProcessInfo.processInfo.environment.merging(["TOWNSHIP_TOKEN": adminToken])
    { $1 }
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

  /// Stops the server with SIGTERM and returns its exit status: graceful shutdown exits 0.
  func stop() -> Int32 {
    process.terminate()
    process.waitUntilExit()
    return process.terminationStatus
  }

  deinit {
    if process.isRunning { process.terminate() }
  }
}

struct TownshipFailure: Error, CustomStringConvertible {
  let output: String
  var description: String { "township serve did not start: \(output)" }
}
