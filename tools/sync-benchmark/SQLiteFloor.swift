import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// SQLite alone storing the rows a push stored: the floor the end-to-end push is read
/// against, measured the same way from Swift (here) and from Python (`row-size.py --rows`).
///
/// Both read the same rows file (``saveRows(fromStore:to:)``: the server's report rows, all
/// columns, and change rows, in the order the server stored them, with the schema they were
/// stored under), create that schema in a fresh file with the same pragmas, and insert, per
/// transaction of `batch` changes, the batch's report rows and then its change rows. The
/// clock runs from the first `BEGIN` to the last `COMMIT`.
enum SQLiteFloor {
  /// Who copies the write-ahead log into the database file while the rows go in.
  enum Policy: String, CaseIterable, Sendable {
    /// No checkpoint at all (`wal_autocheckpoint = 0`): the log grows to hold every page.
    case none
    /// SQLite's default: the committing connection checkpoints once the log passes 1,000
    /// pages (`wal_autocheckpoint = 1000`).
    case auto
    /// The server's: a passive checkpoint on a connection and thread of their own after every
    /// commit, the writer checkpointing itself only past 8,000 pages, the log cut back to
    /// 8 MiB (`ReplicaStore`'s `Checkpointer`).
    case server

    var pragmas: String {
      switch self {
      case .none: "PRAGMA wal_autocheckpoint = 0"
      case .auto: "PRAGMA wal_autocheckpoint = 1000"
      case .server: "PRAGMA wal_autocheckpoint = 8000; PRAGMA journal_size_limit = 8388608"
      }
    }
  }

  /// How the Swift floor calls SQLite.
  enum Path: String, CaseIterable, Sendable {
    /// The C API on a connection of its own: prepared statements, `sqlite3_bind_*` on bytes
    /// that stay put for the whole run (`SQLITE_STATIC`), `sqlite3_step`, `sqlite3_reset`.
    case raw
    /// GRDB as the server uses it: `Database.cachedStatement`, `execute(arguments:)` with
    /// `StatementArguments` made before the clock starts, one `write` per transaction.
    case grdb
  }

  /// The pragmas every path and language sets, before the policy's own.
  static let commonPragmas =
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -32768"

  /// Copies the report and change rows of the store file at `store`, and the schema of those
  /// two tables, into a new SQLite file at `path` (tables `schema_sql`, `report_rows`,
  /// `change_rows`).
  static func saveRows(fromStore store: String, to path: String) throws {
    try? FileManager.default.removeItem(atPath: path)
    let source = try DatabaseQueue(path: store)
    try source.writeWithoutTransaction { db in
      try db.execute(sql: "ATTACH DATABASE ? AS floor", arguments: [path])
      try db.execute(
        sql: """
          CREATE TABLE floor.schema_sql (position INTEGER PRIMARY KEY, sql TEXT NOT NULL);
          INSERT INTO floor.schema_sql (sql)
            SELECT sql FROM main.sqlite_master
            WHERE tbl_name IN ('report', 'change') AND sql NOT NULL ORDER BY type = 'index', name;
          CREATE TABLE floor.report_rows AS SELECT * FROM main.report ORDER BY key;
          CREATE TABLE floor.change_rows AS
            SELECT report, report_key, replica, counter, author, time, body FROM main.change
            ORDER BY seq;
          """)
      try db.execute(sql: "DETACH DATABASE floor")
    }
  }

  /// The rows of a rows file, their bytes in one buffer that stays put until ``free()``.
  final class Rows {
    enum Value {
      case null
      case integer(Int64)
      case real(Double)
      case text(offset: Int, count: Int)
      case blob(offset: Int, count: Int)
    }

    let schema: [String]
    let reportColumns: [String]
    let reports: [[Value]]
    let changes: [[Value]]
    let bytes: UnsafeMutableRawBufferPointer

    static let changeColumns = [
      "report", "report_key", "replica", "counter", "author", "time", "body",
    ]

    init(path: String) throws {
      var connection: OpaquePointer?
      guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
        throw FloorError("cannot open \(path)")
      }
      defer { sqlite3_close(connection) }
      func query(_ sql: String) throws -> (columns: [String], raw: [[Any]]) {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else {
          throw FloorError(String(cString: sqlite3_errmsg(connection)))
        }
        defer { sqlite3_finalize(statement) }
        let count = sqlite3_column_count(statement)
        let columns = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
        var rows: [[Any]] = []
        while sqlite3_step(statement) == SQLITE_ROW {
          rows.append(
            (0..<count).map { column -> Any in
              switch sqlite3_column_type(statement, column) {
              case SQLITE_INTEGER: return sqlite3_column_int64(statement, column)
              case SQLITE_FLOAT: return sqlite3_column_double(statement, column)
              case SQLITE_TEXT:
                return (true, Self.columnBytes(statement, column))
              case SQLITE_BLOB:
                return (false, Self.columnBytes(statement, column))
              default: return NSNull()
              }
            })
        }
        return (columns, rows)
      }
      schema = try query("SELECT sql FROM schema_sql ORDER BY position").raw.map {
        let (_, bytes) = $0[0] as! (Bool, [UInt8])
        return String(decoding: bytes, as: UTF8.self)
      }
      let reportQuery = try query("SELECT * FROM report_rows ORDER BY rowid")
      let changeQuery = try query(
        "SELECT \(Self.changeColumns.joined(separator: ", ")) FROM change_rows ORDER BY rowid")
      reportColumns = reportQuery.columns
      let total = (reportQuery.raw + changeQuery.raw).reduce(0) { sum, row in
        row.reduce(sum) { sum, value in sum + ((value as? (Bool, [UInt8]))?.1.count ?? 0) }
      }
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(total, 1), alignment: 8)
      var used = 0
      func values(_ raw: [[Any]]) -> [[Value]] {
        raw.map { row in
          row.map { value -> Value in
            switch value {
            case let integer as Int64: return .integer(integer)
            case let real as Double: return .real(real)
            case let (isText, content) as (Bool, [UInt8]):
              let offset = used
              content.withUnsafeBytes {
                UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<offset + $0.count])
                  .copyMemory(from: $0)
              }
              used += content.count
              return isText
                ? .text(offset: offset, count: content.count)
                : .blob(offset: offset, count: content.count)
            default: return .null
            }
          }
        }
      }
      reports = values(reportQuery.raw)
      changes = values(changeQuery.raw)
      bytes = buffer
    }

    private static func columnBytes(_ statement: OpaquePointer?, _ column: Int32) -> [UInt8] {
      let count = Int(sqlite3_column_bytes(statement, column))
      guard count > 0, let start = sqlite3_column_blob(statement, column) else { return [] }
      return Array(UnsafeRawBufferPointer(start: start, count: count))
    }

    func free() { bytes.deallocate() }

    /// The value as GRDB binds it: text as `String`, a blob as `Data`.
    func databaseValue(_ value: Value) -> DatabaseValue {
      switch value {
      case .null: return .null
      case .integer(let integer): return integer.databaseValue
      case .real(let real): return real.databaseValue
      case .text(let offset, let count):
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self).databaseValue
      case .blob(let offset, let count):
        return Data(bytes[offset..<offset + count]).databaseValue
      }
    }
  }

  /// Changes per second (a report row and a change row each) for SQLite storing `rows` in a
  /// new file at `path`, in transactions of `batch` changes.
  static func changesPerSecond(
    _ rows: Rows, path: String, via: Path, policy: Policy, batch: Int, foreignKeys: Bool
  ) throws -> Double {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
    defer {
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }
    let pragmas =
      "\(commonPragmas); \(policy.pragmas); PRAGMA foreign_keys = \(foreignKeys ? "ON" : "OFF")"
    switch via {
    case .raw: return try raw(rows, path: path, pragmas: pragmas, policy: policy, batch: batch)
    case .grdb:
      return try grdb(
        rows, path: path, pragmas: pragmas, policy: policy, batch: batch, foreignKeys: foreignKeys)
    }
  }

  private static func raw(
    _ rows: Rows, path: String, pragmas: String, policy: Policy, batch: Int
  ) throws -> Double {
    var connection: OpaquePointer?
    guard
      sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        == SQLITE_OK
    else { throw FloorError("cannot open \(path)") }
    defer { sqlite3_close_v2(connection) }
    func exec(_ sql: String) throws {
      guard sqlite3_exec(connection, sql, nil, nil, nil) == SQLITE_OK else {
        throw FloorError("\(String(cString: sqlite3_errmsg(connection))): \(sql)")
      }
    }
    try exec(pragmas)
    for statement in rows.schema { try exec(statement) }
    func prepare(_ sql: String) throws -> OpaquePointer? {
      var statement: OpaquePointer?
      guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else {
        throw FloorError(String(cString: sqlite3_errmsg(connection)))
      }
      return statement
    }
    let insertReport = try prepare(reportInsert(rows))
    let insertChange = try prepare(changeInsert)
    defer {
      sqlite3_finalize(insertReport)
      sqlite3_finalize(insertChange)
    }
    let base = rows.bytes.baseAddress!
    func insert(_ statement: OpaquePointer?, _ values: [Rows.Value]) throws {
      for (index, value) in zip(Int32(1)..., values) {
        switch value {
        case .null: sqlite3_bind_null(statement, index)
        case .integer(let integer): sqlite3_bind_int64(statement, index, integer)
        case .real(let real): sqlite3_bind_double(statement, index, real)
        case .text(let offset, let count):
          sqlite3_bind_text(
            statement, index, (base + offset).assumingMemoryBound(to: CChar.self), Int32(count),
            nil)
        case .blob(let offset, let count):
          sqlite3_bind_blob(statement, index, base + offset, Int32(count), nil)
        }
      }
      guard sqlite3_step(statement) == SQLITE_DONE else {
        throw FloorError(String(cString: sqlite3_errmsg(connection)))
      }
      sqlite3_reset(statement)
    }
    let checkpointer = policy == .server ? try BackgroundCheckpointer(path: path) : nil
    let started = DispatchTime.now()
    for start in stride(from: 0, to: rows.changes.count, by: batch) {
      let end = min(start + batch, rows.changes.count)
      try exec("BEGIN")
      for index in start..<min(end, rows.reports.count) {
        try insert(insertReport, rows.reports[index])
      }
      for index in start..<end { try insert(insertChange, rows.changes[index]) }
      try exec("COMMIT")
      checkpointer?.commitDidEnd()
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    checkpointer?.finish()
    return Double(rows.changes.count) / seconds
  }

  private static func grdb(
    _ rows: Rows, path: String, pragmas: String, policy: Policy, batch: Int, foreignKeys: Bool
  ) throws -> Double {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = foreignKeys
    configuration.prepareDatabase { db in try db.execute(sql: pragmas) }
    let database = try DatabaseQueue(path: path, configuration: configuration)
    try database.write { db in for statement in rows.schema { try db.execute(sql: statement) } }
    let reportArguments = rows.reports.map { StatementArguments($0.map(rows.databaseValue)) }
    let changeArguments = rows.changes.map { StatementArguments($0.map(rows.databaseValue)) }
    let checkpointer = policy == .server ? try BackgroundCheckpointer(path: path) : nil
    let (reportSQL, changeSQL) = (reportInsert(rows), changeInsert)
    let started = DispatchTime.now()
    for start in stride(from: 0, to: changeArguments.count, by: batch) {
      let end = min(start + batch, changeArguments.count)
      try database.write { db in
        let insertReport = try db.cachedStatement(sql: reportSQL)
        let insertChange = try db.cachedStatement(sql: changeSQL)
        for index in start..<min(end, reportArguments.count) {
          try insertReport.execute(arguments: reportArguments[index])
        }
        for index in start..<end { try insertChange.execute(arguments: changeArguments[index]) }
      }
      checkpointer?.commitDidEnd()
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    checkpointer?.finish()
    return Double(changeArguments.count) / seconds
  }

  static func reportInsert(_ rows: Rows) -> String {
    "INSERT INTO report (\(rows.reportColumns.joined(separator: ", "))) VALUES (\(rows.reportColumns.map { _ in "?" }.joined(separator: ", ")))"
  }

  static let changeInsert =
    "INSERT INTO change (\(Rows.changeColumns.joined(separator: ", "))) VALUES (?, ?, ?, ?, ?, ?, ?)"

  /// The server's `Checkpointer`, on the C API: a passive checkpoint on a connection and
  /// queue of its own after each commit; requests made while one waits share it.
  final class BackgroundCheckpointer: @unchecked Sendable {
    private var connection: OpaquePointer?
    private let queue = DispatchQueue(label: "liaison.floor.checkpoint")
    private let scheduled = Atomic(false)

    init(path: String) throws {
      guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
        throw FloorError("cannot open \(path) to checkpoint it")
      }
      sqlite3_busy_timeout(connection, 5000)
    }

    func commitDidEnd() {
      guard !scheduled.exchange(true, ordering: .acquiringAndReleasing) else { return }
      queue.async { [self] in
        scheduled.store(false, ordering: .releasing)
        _ = sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
      }
    }

    /// Waits for a checkpoint under way and closes the connection.
    func finish() {
      queue.sync { _ = sqlite3_close_v2(connection) }
    }
  }

  struct FloorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}
