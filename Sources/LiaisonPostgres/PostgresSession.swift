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

/// Byte strings as one `bytea[]` parameter, written from the arrays into the query's buffer.
///
/// Mapping each to a `ByteBuffer` first, for postgres-nio's own array encoding, allocated and
/// copied every change body and report state of a push once more on their way out.
struct ByteaArray: PostgresNonThrowingEncodable {
  let elements: [[UInt8]]

  init(_ elements: [[UInt8]]) {
    self.elements = elements
  }

  static var psqlType: PostgresDataType { .byteaArray }
  static var psqlFormat: PostgresFormat { .binary }

  func encode<JSONEncoder: PostgresJSONEncoder>(
    into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
  ) {
    BinaryArray.write(elements, of: .bytea, into: &buffer, length: \.count) { buffer, element in
      buffer.writeBytes(element)
    }
  }
}

/// Texts as one `text[]` parameter, each written from its UTF-8 into room reserved at once.
///
/// postgres-nio's own array encoding grew the query's buffer string by string: with ten
/// text columns of a thousand rows, a push's statements were copied over as they grew. (No
/// change in a push's rate could be measured either way; kept for the fewer copies.)
struct TextArray: PostgresNonThrowingEncodable {
  let elements: [String]

  init(_ elements: [String]) {
    self.elements = elements
  }

  static var psqlType: PostgresDataType { .textArray }
  static var psqlFormat: PostgresFormat { .binary }

  func encode<JSONEncoder: PostgresJSONEncoder>(
    into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
  ) {
    BinaryArray.write(elements, of: .text, into: &buffer, length: \.utf8.count) {
      buffer, element in buffer.writeString(element)
    }
  }
}

/// PostgreSQL's binary form of a one-dimensional array without nulls.
enum BinaryArray {
  /// Dimensions, whether any element is null, the element type, then for the one dimension
  /// its length and lower bound, then each element's length and bytes (as postgres-nio's
  /// `Array.encode` writes them), with room for them all reserved first. `writeElement` must
  /// write `length(element)` bytes.
  static func write<Element>(
    _ elements: [Element], of type: PostgresDataType, into buffer: inout ByteBuffer,
    length: (Element) -> Int, _ writeElement: (inout ByteBuffer, Element) -> Void
  ) {
    buffer.writeInteger(elements.isEmpty ? 0 : 1, as: UInt32.self)
    buffer.writeInteger(0, as: Int32.self)
    buffer.writeInteger(type.rawValue)
    guard !elements.isEmpty else { return }
    buffer.writeInteger(Int32(elements.count))
    buffer.writeInteger(1, as: Int32.self)
    buffer.reserveCapacity(
      minimumWritableBytes: elements.reduce(4 * elements.count) { $0 + length($1) })
    for element in elements {
      buffer.writeInteger(Int32(length(element)))
      writeElement(&buffer, element)
    }
  }
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
