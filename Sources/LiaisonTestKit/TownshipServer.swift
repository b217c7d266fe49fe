import Foundation

/// A real `township serve` process on a free loopback port with a fresh store, for live
/// tests and benchmarks. It reads the address and the first administrator token from the
/// server's own output, as an operator would.
public final class TownshipServer: @unchecked Sendable {
  public let process = Process()
  public let directory: String
  public let url: String
  public let adminToken: String

  /// Starts `binary serve` on `directory` and waits until it listens. With `log`, the server
  /// logs every request into that file; otherwise only warnings, to nowhere.
  public init(binary: URL, directory: String, log: String? = nil) throws {
    self.directory = directory
    process.executableURL = binary
    process.arguments = [
      "serve", "--store", directory, "--port", "0", "--log-level", log == nil ? "warning" : "info",
    ]
    let output = Pipe()
    process.standardOutput = output
    if let log {
      _ = FileManager.default.createFile(atPath: log, contents: nil)
      process.standardError = FileHandle(forWritingAtPath: log)
    } else {
      process.standardError = FileHandle.nullDevice
    }
    try process.run()
    var text = ""
    while !text.contains("township serving") {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      text += String(decoding: chunk, as: UTF8.self)
    }
    guard let address = text.range(of: #"http://[0-9.]+:[0-9]+"#, options: .regularExpression),
      let token = text.range(of: #"lsn_[0-9a-f]{64}"#, options: .regularExpression)
    else {
      process.terminate()
      throw TownshipServerFailure(output: text)
    }
    url = String(text[address])
    adminToken = String(text[token])
  }

  /// The server's peak resident memory (VmHWM), in megabytes.
  public func peakMegabytes() -> Int {
    let status =
      (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8))
      ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
  }

  /// Stops the server with SIGTERM and returns its exit status: a graceful shutdown exits 0.
  @discardableResult
  public func stop() -> Int32 {
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    return process.terminationStatus
  }

  deinit {
    if process.isRunning { process.terminate() }
  }
}

/// `township serve` exited or printed no address.
public struct TownshipServerFailure: Error, CustomStringConvertible {
  public let output: String
  public var description: String { "township serve did not start: \(output)" }
}
