import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge

/// A report row as a sync reads it: its key for the log, its village for the scope check,
/// its state to merge into.
struct StoredReport {
  let key: Int64
  let village: String
  let state: Data
}

/// How report states and changes map to rows (``ReportRow`` for a report).
enum StoreRows {
  static func state(_ db: Database, _ id: ReportID) throws -> ReportState? {
    guard
      let bytes = try Data.fetchOne(
        db.cachedStatement(sql: "SELECT state FROM report WHERE id = ?"),
        arguments: [id.description])
    else {
      return nil
    }
    return try state(bytes)
  }

  /// The report's key, village and state bytes, in one read.
  static func stored(_ db: Database, _ id: ReportID) throws -> StoredReport? {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT key, village, state FROM report WHERE id = ?"),
        arguments: [id.description])
    else { return nil }
    return StoredReport(key: row[0], village: row[1], state: row[2])
  }

  /// A stored state. One that no longer decodes (written under rules since tightened, or
  /// damaged) is the store's fault, not the request's: a database error, never a 400.
  static func state(_ bytes: Data) throws -> ReportState {
    do {
      return try ReportState(json: JSONValue(parsing: bytes))
    } catch {
      throw StoreError.database("a stored report state does not decode (\(error))")
    }
  }

  static func exists(_ db: Database, _ id: ReportID) throws -> Bool {
    try Bool.fetchOne(
      db.cachedStatement(sql: "SELECT 1 FROM report WHERE id = ?"), arguments: [id.description])
      ?? false
  }

  /// Stores the report's row, new or replacing, and returns its key.
  ///
  /// A read then a write, not an upsert with `RETURNING`: that needs SQLite 3.35, and the
  /// store runs on the system's SQLite.
  @discardableResult
  static func save(_ db: Database, _ state: ReportState, changeTime: Int64) throws -> Int64 {
    let row = ReportRow(state)
    let key = try Int64.fetchOne(
      db.cachedStatement(sql: "SELECT key FROM report WHERE id = ?"), arguments: [row.id])
    return try store(db, row, key: key, changeTime: changeTime)
  }

  /// Replaces the row stored under `key`, or stores a new one when `key` is nil; returns the
  /// row's key.
  static func store(_ db: Database, _ row: ReportRow, key: Int64?, changeTime: Int64) throws
    -> Int64
  {
    guard let key else { return try insert(db, row, changeTime: changeTime) }
    try update(db, key: key, to: row, changeTime: changeTime)
    return key
  }

  /// Stores the row of a report the store does not hold, and returns its key.
  static func insert(_ db: Database, _ row: ReportRow, changeTime: Int64) throws -> Int64 {
    try db.cachedStatement(
      sql: """
        INSERT INTO report (id, state, village, category, title, details, urgency, status, assignee,
          due, deleted, conflicted, created_at, updated_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)
        """
    ).execute(arguments: arguments(row, changeTime: changeTime))
    return db.lastInsertedRowID
  }

  /// Replaces the row stored under `key` by the report's new state. The id stays as it is
  /// (its parameter, ?1, goes unused): naming it would rewrite its index entry.
  static func update(_ db: Database, key: Int64, to row: ReportRow, changeTime: Int64) throws {
    var arguments = arguments(row, changeTime: changeTime)
    _ = arguments.append(contentsOf: [key])
    try db.cachedStatement(
      sql: """
        UPDATE report SET state = ?2, village = ?3, category = ?4, title = ?5,
          details = ?6, urgency = ?7, status = ?8, assignee = ?9, due = ?10, deleted = ?11,
          conflicted = ?12, created_at = min(created_at, ?13), updated_at = max(updated_at, ?13)
        WHERE key = ?14
        """
    ).execute(arguments: arguments)
  }

  /// A row's values as the report statements number them, with the change's time last.
  /// Numbered parameters: binding thirteen named ones cost a dictionary per report.
  private static func arguments(_ row: ReportRow, changeTime: Int64) -> StatementArguments {
    [
      row.id, Data(row.state), row.village, row.category, row.title, row.details, row.urgency,
      row.status, row.assignee, row.due, row.deleted, row.conflicted, changeTime,
    ]
  }

  /// Appends the change to the log under its report's key; false when its dot is there
  /// already.
  static func log(_ db: Database, _ change: Change, report key: Int64) throws -> Bool {
    try log(db, change, body: change.canonicalBytes, report: key)
  }

  /// ``log(_:_:report:)`` with the change's canonical bytes already made.
  static func log(_ db: Database, _ change: Change, body: [UInt8], report key: Int64) throws
    -> Bool
  {
    try db.cachedStatement(
      sql: """
        INSERT INTO change (report, report_key, replica, counter, author, time, body, moves)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (replica, counter) DO NOTHING
        """
    ).execute(
      arguments: [
        change.report.description, key, change.dot.replica.description,
        Int64(change.dot.counter), change.attribution.author, change.attribution.time, Data(body),
        PushRules.isMove(change),
      ])
    return db.changesCount > 0
  }

  /// Whether the log holds a change under `dot`.
  static func isLogged(_ db: Database, _ dot: Dot) throws -> Bool {
    try Bool.fetchOne(
      db.cachedStatement(sql: "SELECT 1 FROM change WHERE replica = ? AND counter = ?"),
      arguments: [dot.replica.description, Int64(dot.counter)]) ?? false
  }

  /// The canonical bytes the log holds under `dot`, if any.
  static func loggedBody(_ db: Database, _ dot: Dot) throws -> [UInt8]? {
    try Data.fetchOne(
      db.cachedStatement(sql: "SELECT body FROM change WHERE replica = ? AND counter = ?"),
      arguments: [dot.replica.description, Int64(dot.counter)]
    ).map { [UInt8]($0) }
  }

  /// The report's logged changes, decoded, in log order; only those before `sequence` when
  /// given.
  static func changes(_ db: Database, report key: Int64, before sequence: Int64 = .max) throws
    -> [Change]
  {
    try Data.fetchAll(
      db.cachedStatement(
        sql: "SELECT body FROM change WHERE report_key = ? AND seq < ? ORDER BY seq"),
      arguments: [key, sequence]
    ).map(change)
  }

  /// A device row (`id`, `name`, `replica`, `villages`) as a ``Device``; nil when its
  /// replica id does not read.
  static func device(_ row: Row) throws -> Device? {
    guard let replica = ReplicaID(row["replica"] as String) else { return nil }
    return Device(
      id: row["id"], name: row["name"], replica: replica,
      villages: try villages(from: row["villages"]),
      key: (row["public_key"] as Data?).flatMap { PublicSigningKey(bytes: [UInt8]($0)) },
      unsignedThrough: row["unsigned_through"] ?? 0)
  }

  /// The ids of `table` whose columns `columns` start with `prefix` (lowercased), at most
  /// ten, in id order: how a report or device is found by a prefix, as git finds a commit.
  static func ids(
    _ db: Database, in table: String, startingWith prefix: String, matching columns: [String]
  ) throws -> [String] {
    // A range on the text rather than LIKE, so the column's index serves it.
    let range = columns.map { "(\($0) >= ?1 AND \($0) < ?2)" }.joined(separator: " OR ")
    let lowered = prefix.lowercased()
    return try String.fetchAll(
      db, sql: "SELECT id FROM \(table) WHERE \(range) ORDER BY id LIMIT 10",
      arguments: [lowered, lowered + "~"])
  }

  /// Logs a change the caller has just written at its own replica: its dot is new, so a log
  /// that already holds it is a broken store, not a duplicate.
  static func logNew(_ db: Database, _ change: Change, report key: Int64) throws {
    guard try log(db, change, report: key) else {
      throw StoreError.database("change \(change.dot) is already in the log")
    }
  }

  /// A logged change; like ``state(_:)``, one that does not decode is the store's fault.
  static func change(_ bytes: Data) throws -> Change {
    do {
      return try Change(json: JSONValue(parsing: bytes))
    } catch {
      throw StoreError.database("a logged change does not decode (\(error))")
    }
  }

  /// A village list as stored in the replica, device and enrolment rows: a JSON array.
  static func villages(_ villages: [String]) -> String {
    VillageList.encode(villages)
  }

  /// Reads a village list written by ``villages(_:)``.
  static func villages(from text: String) throws -> [String] {
    try VillageList.decode(text)
  }
}
