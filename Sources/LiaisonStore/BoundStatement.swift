import Foundation
import GRDB
import GRDBSQLite

/// A cached statement bound and stepped through SQLite's C API: the push's hot inserts, where
/// GRDB's general path (boxing each value into `StatementArguments`, then binding it) cost
/// about 2.8 µs a statement, a sixth of a change's time in the writer (`tools/README.md`,
/// the sync benchmark's SQLite floor).
///
/// Values are bound in place: text and blobs are copied by SQLite (`SQLITE_TRANSIENT`), so
/// nothing outlives the call. Only for statements GRDB prepared on the same connection and
/// that no transaction observer needs to see.
struct BoundStatement {
  private let statement: SQLiteStatement
  private let db: Database

  init(_ db: Database, sql: String) throws {
    self.db = db
    statement = try db.cachedStatement(sql: sql).sqliteStatement
    sqlite3_reset(statement)
    sqlite3_clear_bindings(statement)
  }

  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  func bind(_ index: Int32, _ text: String) throws {
    var text = text
    try check(
      text.withUTF8 {
        sqlite3_bind_text(
          statement, index, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self),
          Int32($0.count), Self.transient)
      })
  }

  func bind(_ index: Int32, _ bytes: [UInt8]) throws {
    try check(
      bytes.withUnsafeBytes {
        sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), Self.transient)
      })
  }

  func bind(_ index: Int32, _ value: Int64) throws {
    try check(sqlite3_bind_int64(statement, index, value))
  }

  func bind(_ index: Int32, _ flag: Bool) throws {
    try bind(index, flag ? Int64(1) : 0)
  }

  /// Runs the statement to its end.
  func execute() throws {
    let code = sqlite3_step(statement)
    sqlite3_reset(statement)
    guard code == SQLITE_DONE else { throw error(code) }
  }

  /// Steps to the first row and reads it with `read`, or returns nil when there is none.
  func first<T>(_ read: (SQLiteStatement) -> T) throws -> T? {
    defer { sqlite3_reset(statement) }
    let code = sqlite3_step(statement)
    if code == SQLITE_DONE { return nil }
    guard code == SQLITE_ROW else { throw error(code) }
    return read(statement)
  }

  private func check(_ code: Int32) throws {
    guard code == SQLITE_OK else { throw error(code) }
  }

  private func error(_ code: Int32) -> DatabaseError {
    DatabaseError(
      resultCode: ResultCode(rawValue: code),
      message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
      sql: String(cString: sqlite3_sql(statement)))
  }

  /// Column `index` of the current row as text.
  static func text(_ statement: SQLiteStatement, _ index: Int32) -> String {
    guard let bytes = sqlite3_column_text(statement, index) else { return "" }
    let count = Int(sqlite3_column_bytes(statement, index))
    return String(
      decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
  }

  /// Column `index` of the current row as bytes.
  static func data(_ statement: SQLiteStatement, _ index: Int32) -> Data {
    let count = Int(sqlite3_column_bytes(statement, index))
    guard count > 0, let bytes = sqlite3_column_blob(statement, index) else { return Data() }
    return Data(bytes: bytes, count: count)
  }
}
