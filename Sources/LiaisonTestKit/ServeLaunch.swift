import Foundation

/// Starts `township serve` on a free loopback port and reads, from its own output, the address
/// it listens on, the pin of its certificate and the administrator token it prints when it
/// creates a store: what every live test, benchmark and simulation needs from a real server.
public enum ServeLaunch {
  public struct Started: @unchecked Sendable {
    public let process: Process
    /// `https://127.0.0.1:PORT`, or `http://...` for a server started with `--insecure-http`.
    public let url: String
    public let port: Int
    /// The pin of the certificate it serves with, `sha256:...`; nil without TLS.
    public let pin: String?
    /// Printed only by the start that created the store.
    public let adminToken: String?
  }

  /// `log`, when given, receives the server's log at `info`; otherwise it logs at `logLevel`
  /// to nowhere. The server serves HTTPS, as in the field, unless `insecureHTTP`; `arguments`
  /// go to `serve` after the others (`--database URL`, say).
  public static func start(
    binary: URL, directory: String, logLevel: String = "warning", log: String? = nil,
    insecureHTTP: Bool = false, arguments: [String] = []
  ) throws -> Started {
    let process = Process()
    process.executableURL = binary
    process.arguments =
      [
        "serve", "--store", directory, "--port", "0", "--log-level",
        log == nil ? logLevel : "info",
      ] + (insecureHTTP ? ["--insecure-http"] : []) + arguments
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
    guard let address = text.range(of: #"https?://[0-9.]+:[0-9]+"#, options: .regularExpression),
      let port = Int(text[address].split(separator: ":").last ?? "")
    else {
      process.terminate()
      throw TownshipServerFailure(output: text)
    }
    let token = text.range(of: #"lsn_[0-9a-f]{64}"#, options: .regularExpression)
    let pin = text.range(of: #"\(certificate sha256:[0-9a-f]{64}\)"#, options: .regularExpression)
    return Started(
      process: process, url: String(text[address]), port: port,
      pin: pin.map { String(text[$0].dropFirst("(certificate ".count).dropLast()) },
      adminToken: token.map { String(text[$0]) })
  }

  /// A product of this package, such as `township` or `liaison`, as the tests' build left it.
  public static func product(_ name: String, besideFile file: String = #filePath) -> URL {
    let candidates = [
      Bundle.main.bundleURL,
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug"),
    ]
    for directory in candidates {
      let binary = directory.appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
    }
    return candidates[0].appendingPathComponent(name)
  }
}
