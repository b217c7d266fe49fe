import Foundation
import LiaisonTownship
import Logging
import NIOSSL
import PostgresNIO

/// Where a township's PostgreSQL database is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DB`,
/// as `township init` and `township serve` take it with `--database` or
/// `$TOWNSHIP_DATABASE`.
///
/// `?sslmode=disable`, `prefer` (the default, as libpq's) or `require` chooses TLS to the
/// database. The password, when the URL has one, never appears in ``description``: it is
/// what messages and logs show.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
  public let host: String
  public let port: Int
  public let user: String
  public let password: String?
  public let database: String
  public let sslMode: String

  /// Reads a URL; one that is not a PostgreSQL URL is refused with what one looks like.
  public init(parsing text: String) throws(StoreError) {
    let example = "expected postgres://USER@HOST:PORT/DATABASE"
    guard let url = URLComponents(string: text), let scheme = url.scheme,
      ["postgres", "postgresql"].contains(scheme.lowercased())
    else { throw .database("\"\(text)\" is not a PostgreSQL URL: \(example)") }
    guard let host = url.host, !host.isEmpty else {
      throw .database("the PostgreSQL URL names no host: \(example)")
    }
    guard let user = url.user, !user.isEmpty else {
      throw .database("the PostgreSQL URL names no user: \(example)")
    }
    let database = String(url.path.drop { $0 == "/" })
    guard !database.isEmpty, !database.contains("/") else {
      throw .database("the PostgreSQL URL names no database: \(example)")
    }
    let sslMode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
    guard ["disable", "prefer", "require"].contains(sslMode) else {
      throw .database("sslmode \(sslMode) is not one of disable, prefer, require")
    }
    self.init(
      host: host, port: url.port ?? 5432, user: user.removingPercentEncoding ?? user,
      password: url.password?.removingPercentEncoding, database: database, sslMode: sslMode)
  }

  public init(
    host: String, port: Int = 5432, user: String, password: String? = nil, database: String,
    sslMode: String = "prefer"
  ) {
    self.host = host
    self.port = port
    self.user = user
    self.password = password
    self.database = database
    self.sslMode = sslMode
  }

  /// The same server and user, another database: a test's own, say.
  public func database(_ name: String) -> PostgresLocation {
    PostgresLocation(
      host: host, port: port, user: user, password: password, database: name, sslMode: sslMode)
  }

  /// The URL without its password.
  public var description: String {
    let address = host.contains(":") ? "[\(host)]" : host
    return "postgres://\(user)@\(address):\(port)/\(database)"
  }

  /// A pool of at most `size` connections to this database, already running: `Task.immediate`
  /// runs `run()` on this thread up to its first wait, so no query leases a connection before
  /// it (with a plain `Task` one could, and postgres-nio warned in the log that `run()` was
  /// not called). Cancelling the task closes the pool.
  func startPool(size: Int, logger: Logger) -> (client: PostgresClient, running: Task<Void, Never>)
  {
    let client = PostgresClient(
      configuration: configuration(poolSize: size), backgroundLogger: logger)
    return (client, Task.immediate { await client.run() })
  }

  /// The client's configuration: a pool of at most `poolSize` connections, each with
  /// `synchronous_commit` on from its first statement, so that an acknowledged commit is
  /// on disk whatever the server's or the role's default says.
  func configuration(poolSize: Int) -> PostgresClient.Configuration {
    let tls: PostgresClient.Configuration.TLS =
      switch sslMode {
      case "disable": .disable
      case "require": .require(.makeClientConfiguration())
      default: .prefer(.makeClientConfiguration())
      }
    var configuration = PostgresClient.Configuration(
      host: host, port: port, username: user, password: password, database: database, tls: tls)
    configuration.options.maximumConnections = max(1, poolSize)
    configuration.options.additionalStartupParameters = [
      ("synchronous_commit", "on"), ("application_name", "township"),
    ]
    return configuration
  }

  /// Connects once and closes: the pool retries a failing connection in the background and
  /// keeps its callers waiting, so a wrong password, a missing database or a server that is
  /// down would hang a caller instead of saying so. This says so, with the server's words,
  /// within the connect timeout (10 s).
  func probe() async throws(StoreError) {
    do {
      let tls: PostgresConnection.Configuration.TLS =
        switch sslMode {
        case "disable": .disable
        case "require": .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        default: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
      let connection = try await PostgresConnection.connect(
        configuration: PostgresConnection.Configuration(
          host: host, port: port, username: user, password: password, database: database,
          tls: tls),
        id: 0, logger: Logger(label: "liaison.postgres.probe"))
      try await connection.close().get()
    } catch let error as PSQLError {
      let cause =
        error.serverInfo?[.message] ?? error.underlying.map { "\($0)" } ?? "\(error.code)"
      throw .database("cannot connect to the PostgreSQL database at \(self): \(cause)")
    } catch {
      throw .database("cannot connect to the PostgreSQL database at \(self): \(error)")
    }
  }
}
