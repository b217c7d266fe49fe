import ArgumentParser
import Foundation
import Hummingbird
import LiaisonCommandLine
import LiaisonPostgres
import LiaisonServer
import LiaisonStore
import LiaisonTransport
import Logging

struct ServeCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration { .localized("serve", key: "township.serve") }

  @OptionGroup var location: StoreLocation
  @OptionGroup var database: DatabaseOption

  @Option(help: .localized("township.option.host"))
  var host = "127.0.0.1"

  @Option(help: .localized("township.option.port"))
  var port = 8080

  @Option(help: .localized("township.option.logLevel"))
  var logLevel = LogLevel(.info)

  @Flag(
    help: .localized("township.option.insecureHttp"))
  var insecureHttp = false

  @Flag(help: .localized("township.option.allowRemoteInsecureHttp"))
  var allowRemoteInsecureHttp = false

  @OptionGroup(title: localized("township.serve.tlsGroup")) var tls: TLSOptions

  func validate() throws {
    if allowRemoteInsecureHttp, !insecureHttp {
      throw ValidationError(localized("township.serve.allowRemoteAlone"))
    }
    if insecureHttp, !allowRemoteInsecureHttp, !Self.isLoopback(host) {
      throw ValidationError(localized("township.serve.insecureRemote", ["host": host]))
    }
  }

  func run() async throws {
    LoggingSystem.bootstrap(StreamLogHandler.standardError)
    var logger = Logger(label: "township")
    logger.logLevel = logLevel.level
    let directory = location.directory
    let storage: any TownshipStorage
    let postgres = try database.location()
    if let postgres {
      storage = try await database.openOrCreate(postgres, directory: directory)
    } else {
      storage = SQLiteTownshipStorage(try openSQLite(directory, logger: logger))
    }
    do {
      try await serve(storage, from: directory, database: postgres, logger: logger)
    } catch {
      await (storage as? PostgresTownshipStorage)?.shutdown()
      throw error
    }
    await (storage as? PostgresTownshipStorage)?.shutdown()
  }

  /// The embedded store, opened or created, upgraded first with a notice when older.
  private func openSQLite(_ directory: String, logger: Logger) throws -> TownshipStore {
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
    return store
  }

  private func serve(
    _ storage: any TownshipStorage, from directory: String, database: PostgresLocation?,
    logger: Logger
  ) async throws {
    let identity = insecureHttp ? nil : try serverIdentity(in: directory, logger: logger)
    if insecureHttp { warnInsecure(logger) }
    let address = host.contains(":") ? "[\(host)]" : host
    let scheme = identity == nil ? "http" : "https"
    let certificate = identity.map { " (certificate \($0.pin))" } ?? ""
    let serving = database.map { "\(directory) with \($0)" } ?? directory
    let app = try buildApplication(
      store: storage, host: host, port: port, tls: identity, logger: logger,
      onServerRunning: { port in
        // One line a script can wait for, on standard output.
        FileHandle.standardOutput.write(
          Data(
            "township serving \(serving) on \(scheme)://\(address):\(port)\(certificate)\n"
              .utf8))
      })
    try await app.runService()
  }

  /// The store's TLS identity, made now when it has none: a new store, or one made before
  /// this version (said with a notice, since its devices must enrol again with a link).
  private func serverIdentity(in directory: String, logger: Logger) throws -> ServerIdentity {
    if let identity = try ServerTLSFiles.load(from: directory) {
      if tls.isGiven {
        throw CommandFailure("township.serve.hasCertificate", ["path": directory])
      }
      return identity
    }
    let identity = try tls.identity()
    try ServerTLSFiles.save(identity, in: directory)
    logger.notice(
      "created the server's TLS key and certificate; devices pin its fingerprint from their enrolment link",
      metadata: [
        "certificate": "\(ServerTLSFiles.certificatePath(in: directory))",
        "pin": "\(identity.pin)",
      ])
    return identity
  }

  private func warnInsecure(_ logger: Logger) {
    FileHandle.standardError.write(
      Data(
        localized("township.serve.insecureWarning").utf8))
    logger.warning(
      "serving plain HTTP without TLS (--insecure-http)",
      metadata: ["host": "\(host)", "remote": "\(allowRemoteInsecureHttp)"])
  }

  static func isLoopback(_ host: String) -> Bool {
    host == "localhost" || host == "::1" || host == "[::1]"
      || (host.hasPrefix("127.") && host.split(separator: ".").count == 4)
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
