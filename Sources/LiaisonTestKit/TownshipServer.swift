import Foundation

/// A real `township serve` process on a free loopback port with a fresh store, for live
/// tests and benchmarks. It reads the address and the first administrator token from the
/// server's own output, as an operator would.
public final class TownshipServer: @unchecked Sendable {
  public let process: Process
  public let directory: String
  public let url: String
  /// The pin of the server's certificate, `sha256:...`; nil for `insecureHTTP`.
  public let pin: String?
  public let adminToken: String

  /// Starts `binary serve` on a new store in `directory` and waits until it listens, over
  /// HTTPS unless `insecureHTTP`. With `log`, the server logs every request into that file;
  /// otherwise only warnings, to nowhere. `arguments` go to `serve` as well: `--database URL`
  /// for a township on PostgreSQL.
  public init(
    binary: URL, directory: String, log: String? = nil, insecureHTTP: Bool = false,
    arguments: [String] = []
  ) throws {
    self.directory = directory
    let started = try ServeLaunch.start(
      binary: binary, directory: directory, log: log, insecureHTTP: insecureHTTP,
      arguments: arguments)
    process = started.process
    guard let token = started.adminToken else {
      process.terminate()
      throw TownshipServerFailure(output: "no administrator token: is \(directory) a new store?")
    }
    url = started.url
    pin = started.pin
    adminToken = token
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
    // Waits, so that a test's folder is not removed under a server still shutting down.
    stop()
  }
}

/// `township serve` exited or printed no address.
public struct TownshipServerFailure: Error, CustomStringConvertible {
  public let output: String
  public var description: String { "township serve did not start: \(output)" }
}
