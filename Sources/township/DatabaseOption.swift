import ArgumentParser
import Foundation
import LiaisonCommandLine
import LiaisonPostgres
import LiaisonServer
import LiaisonStore

/// `--database`: the township on PostgreSQL instead of the embedded SQLite store.
///
/// The store directory stays: it holds the TLS key and certificate and the server's signing
/// key, which every `township serve` process of one township shares by sharing its files.
struct DatabaseOption: ParsableArguments {
  @Option(
    help: .localized("township.option.database"))
  var database: String?

  @Option(help: .localized("township.option.databasePoolSize"))
  var databasePoolSize = PostgresTownshipStorage.defaultPoolSize

  /// The database given, if any.
  func location() throws -> PostgresLocation? {
    let url =
      database
      ?? ProcessInfo.processInfo.environment["TOWNSHIP_DATABASE"].flatMap {
        $0.isEmpty ? nil : $0
      }
    return try url.map { (url) throws(StoreError) in try PostgresLocation(parsing: url) }
  }

  /// The server's signing key, from `signing-key.pem` in `directory`, made there first when
  /// it has none (the directory too).
  static func signingKey(in directory: String) throws -> SigningKey {
    do {
      try PrivateFiles.createDirectory(directory)
    } catch {
      throw CommandFailure(
        "township.cannotCreate", ["path": directory, "reason": localized.sentence(for: error)])
    }
    do {
      return try SigningKeyFile.loadOrCreate(in: directory)
    } catch {
      throw StoreError.signingKey("\(error)")
    }
  }

  /// Creates the township in the database with its first administrator, and prints the
  /// administrator's token, once.
  func create(_ location: PostgresLocation, directory: String, administrator: String)
    async throws -> PostgresTownshipStorage
  {
    let (storage, token) = try await PostgresTownshipStorage.create(
      location, signingKey: try Self.signingKey(in: directory), administrator: administrator,
      now: TownshipClock.now(), poolSize: databasePoolSize)
    StoreLocation.announce(
      created: localized(
        "township.created.database", ["database": "\(location)", "directory": directory]),
      administrator: administrator, token: token)
    return storage
  }

  /// Opens the township in the database, creating it on first run.
  func openOrCreate(_ location: PostgresLocation, directory: String) async throws
    -> PostgresTownshipStorage
  {
    do {
      return try await PostgresTownshipStorage.open(
        location, signingKey: try Self.signingKey(in: directory), poolSize: databasePoolSize)
    } catch {
      guard case StoreError.notInitialized = error else { throw error }
      return try await create(location, directory: directory, administrator: "administrator")
    }
  }
}
