import ArgumentParser
import Foundation
import Hummingbird
import LiaisonPostgres
import LiaisonServer
import LiaisonStore
import LiaisonTransport
import Logging

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the sync protocol and the web console over HTTPS until SIGINT or SIGTERM.",
    discussion: """
      On first run, with no store yet, it creates one with its TLS certificate and prints the \
      administrator token. A store without a certificate (made before TLS) gets one. The \
      line it prints on start names the address and the certificate's fingerprint:
        township serving /srv/township on https://0.0.0.0:8080 (certificate sha256:...)
      The township office's web console is served at / on the same address and certificate \
      (docs/console.md): open https://HOST:PORT/ and sign in with an administrator token.
      Logs go to standard error, one line per request with its request id.
        township serve --store /srv/township --host 0.0.0.0 --port 8080
        township serve --insecure-http          (plain HTTP, loopback only: for trials)
      With --database postgres://USER@HOST:PORT/DB (or $TOWNSHIP_DATABASE), on PostgreSQL: \
      several processes may serve one township, each given the same database and a copy of \
      the same store directory (its TLS and signing key files).
      """)

  @OptionGroup var location: StoreLocation
  @OptionGroup var database: DatabaseOption

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on; 0 picks a free one.")
  var port = 8080

  @Option(help: "How much to log: trace, debug, info, notice, warning, error or critical.")
  var logLevel = LogLevel(.info)

  @Flag(
    help: ArgumentHelp(
      "Serve plain HTTP, without TLS: tokens and residents' details cross the network in clear.",
      discussion: "Only on a loopback address unless --allow-remote-insecure-http is given too."))
  var insecureHttp = false

  @Flag(help: "Let --insecure-http listen on an address other machines reach. Never in the field.")
  var allowRemoteInsecureHttp = false

  @OptionGroup(title: "Certificate of a new store") var tls: TLSOptions

  func validate() throws {
    if allowRemoteInsecureHttp, !insecureHttp {
      throw ValidationError("--allow-remote-insecure-http goes with --insecure-http")
    }
    if insecureHttp, !allowRemoteInsecureHttp, !Self.isLoopback(host) {
      throw ValidationError(
        "--insecure-http serves tokens and residents' details in clear, so only on a loopback address (127.0.0.1, ::1, localhost); --host \(host) also needs --allow-remote-insecure-http"
      )
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
        throw CommandFailure(
          "\(directory) already has its TLS certificate; to replace it, see the README's \"TLS and pinning\""
        )
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
        """
        WARNING: serving plain HTTP (--insecure-http): tokens and residents' details cross the \
        network in clear, and devices cannot tell this server from an impostor.

        """.utf8))
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
