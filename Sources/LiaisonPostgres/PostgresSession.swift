import LiaisonMerge
import LiaisonTownship
import Logging
import PostgresNIO

/// One transaction on a connection leased from the pool: the queries a storage method runs.
struct PostgresSession: Sendable {
  let connection: PostgresConnection
  let logger: Logger

  /// Every row the query returns.
  func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
    var rows: [PostgresRow] = []
    for try await row in try await connection.query(query, logger: logger) { rows.append(row) }
    return rows
  }

  func execute(_ query: PostgresQuery) async throws {
    _ = try await rows(query)
  }

  /// The first column of the first row, or nil when there is no row.
  func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type) async throws -> T? {
    try await rows(query).first?.decode(T.self)
  }
}

/// How a transaction reads: a write takes row locks where it reads then writes; a snapshot
/// sees one committed state throughout, for a pull that reads the log's end and its rows.
enum TransactionMode {
  case write
  case snapshot

  var begin: PostgresQuery {
    switch self {
    case .write: "BEGIN ISOLATION LEVEL READ COMMITTED"
    case .snapshot: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
    }
  }
}

extension ByteBuffer {
  /// A bytea column's bytes.
  var bytes: [UInt8] { Array(readableBytesView) }
}

extension Array where Element == UInt8 {
  /// The bytes as a bytea parameter (a `[UInt8]` would bind as an array of `"char"`).
  var bytea: ByteBuffer { ByteBuffer(bytes: self) }
}

/// Maps what a transaction threw to the storage contract's errors, as the SQLite backend's
/// `guarding` does.
enum PostgresErrors {
  /// Unique constraints whose violation is a refusal the contract names, not a failure: the
  /// race the constraint settled (two enrolments of one replica, or of one key).
  static let refusals: [String: StoreError] = [
    "device_replica_key": .access(.replicaTaken),
    "device_by_public_key": .access(.keyInUse),
  ]

  static func map(_ error: any Error, at location: PostgresLocation) -> StoreError {
    switch error {
    case let error as StoreError: return error
    case let error as ValidationError: return .invalid(error)
    case let error as AccessError: return .access(error)
    case let error as AdminError: return .admin(error)
    case let error as PSQLError: return map(error, at: location)
    default: return .database("\(error)")
    }
  }

  private static func map(_ error: PSQLError, at location: PostgresLocation) -> StoreError {
    guard let server = error.serverInfo else {
      // Not the server's answer: the connection itself failed.
      return .database(
        "cannot use the PostgreSQL database at \(location): \(error.code)"
          + (error.underlying.map { " (\($0))" } ?? ""))
    }
    let state = server[.sqlState] ?? ""
    let message = server[.message] ?? "\(error.code)"
    if state == "23505", let constraint = server[.constraintName],
      let refusal = refusals[constraint]
    {
      return refusal
    }
    switch state {
    case "40001", "40P01", "55P03", "57014":
      // A serialisation failure, a deadlock broken, a lock or statement timeout: worth a retry.
      return .busy("PostgreSQL \(state): \(message)")
    default:
      let query = error.query.map { "; in: \($0.sql)" } ?? ""
      return .database("PostgreSQL \(state): \(message)\(query)")
    }
  }
}
