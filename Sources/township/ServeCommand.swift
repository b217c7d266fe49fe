import ArgumentParser
import Foundation
import Hummingbird
import LiaisonServer
import LiaisonStore
import Logging

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the sync protocol over HTTP until SIGINT or SIGTERM.",
    discussion: """
      On first run, with no store yet, it creates one and prints the administrator token. \
      Logs go to standard error, one line per request with its request id.
        township serve --store /srv/township --host 0.0.0.0 --port 8080
      """)

  @OptionGroup var location: StoreLocation

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on; 0 picks a free one.")
  var port = 8080

  @Option(help: "How much to log: trace, debug, info, notice, warning, error or critical.")
  var logLevel = LogLevel(.info)

  func run() async throws {
    LoggingSystem.bootstrap(StreamLogHandler.standardError)
    var logger = Logger(label: "township")
    logger.logLevel = logLevel.level
    let directory = location.directory
    let opening = Date()
    var upgraded = false
    let store = try location.openOrCreate { upgrade in
      upgraded = true
      logger.notice(
        "upgrading the store for this version of township, once; the server starts after it",
        metadata: [
          "store": "\(directory)", "steps": "\(upgrade.steps.joined(separator: "; "))",
          "changes": "\(upgrade.changes)",
        ])
    }
    if upgraded {
      logger.notice(
        "store upgraded",
        metadata: ["seconds": "\(String(format: "%.1f", Date().timeIntervalSince(opening)))"])
    }
    let app = buildApplication(
      store: SQLiteTownshipStorage(store), host: host, port: port, logger: logger,
      onServerRunning: { port in
        // One line a script can wait for, on standard output.
        FileHandle.standardOutput.write(
          Data("township serving \(directory) on http://\(host):\(port)\n".utf8))
      })
    try await app.runService()
  }
}

/// `--log-level`: swift-log's levels, so a level that is not one of them is refused with
/// the list instead of being taken as `info`.
struct LogLevel: ExpressibleByArgument {
  let level: Logger.Level

  init(_ level: Logger.Level) { self.level = level }

  init?(argument: String) {
    guard let level = Logger.Level(rawValue: argument) else { return nil }
    self.level = level
  }

  static var allValueStrings: [String] { Logger.Level.allCases.map(\.rawValue) }
  var defaultValueDescription: String { level.rawValue }
}
