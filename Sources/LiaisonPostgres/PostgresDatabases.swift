import LiaisonTownship
import Logging
import PostgresNIO

/// Creates and drops whole databases on a PostgreSQL server: each test's own, and the seam
/// for tools that set a township's database up.
public enum PostgresDatabases {
  /// Creates the empty database `name` on the server of `server`, connecting to the database
  /// `server` names (`postgres`, say). Names are lowercase letters, digits and `_`.
  public static func create(_ name: String, on server: PostgresLocation) async throws(StoreError) {
    try check(name)
    try await run("CREATE DATABASE \(name)", on: server)
  }

  /// Drops the database `name`, closing its connections first; nothing when there is none.
  public static func drop(_ name: String, on server: PostgresLocation) async throws(StoreError) {
    try check(name)
    try await run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: server)
  }

  private static func check(_ name: String) throws(StoreError) {
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_")
    guard !name.isEmpty, name.count < 64, name.allSatisfy(allowed.contains) else {
      throw .database("\"\(name)\" is not a database name this tool makes")
    }
  }

  /// One statement on a pool of one connection, closed after it.
  private static func run(_ sql: String, on server: PostgresLocation) async throws(StoreError) {
    try await server.probe()
    var logger = Logger(label: "liaison.postgres.databases")
    logger.logLevel = .warning
    let (client, running) = server.startPool(size: 1, logger: logger)
    defer { running.cancel() }
    do {
      try await client.query(PostgresQuery(unsafeSQL: sql))
    } catch {
      throw PostgresErrors.map(error, at: server)
    }
  }
}
