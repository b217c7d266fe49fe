import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge

/// How report states and changes map to rows.
///
/// A report row holds the state's canonical JSON and, beside it, the provisional values that
/// `list` filters and sorts by, so listing never decodes a state.
enum StoreRows {
  static func state(_ db: Database, _ id: ReportID) throws -> ReportState? {
    guard
      let bytes = try Data.fetchOne(
        db, sql: "SELECT state FROM report WHERE id = ?", arguments: [id.description])
    else {
      return nil
    }
    return try state(bytes)
  }

  static func state(_ bytes: Data) throws -> ReportState {
    try ReportState(json: JSONValue(parsing: bytes))
  }

  static func exists(_ db: Database, _ id: ReportID) throws -> Bool {
    try Bool.fetchOne(
      db.cachedStatement(sql: "SELECT 1 FROM report WHERE id = ?"), arguments: [id.description])
      ?? false
  }

  static func save(_ db: Database, _ state: ReportState, changeTime: Int64) throws {
    func text(_ field: Field) -> String { state.value(field).description }
    try db.cachedStatement(
      sql: """
        INSERT INTO report (id, state, village, category, title, details, urgency, status, assignee,
          due, deleted, conflicted, created_at, updated_at)
        VALUES (:id, :state, :village, :category, :title, :details, :urgency, :status, :assignee,
          :due, :deleted, :conflicted, :time, :time)
        ON CONFLICT (id) DO UPDATE SET state = :state, village = :village, category = :category,
          title = :title, details = :details, urgency = :urgency, status = :status,
          assignee = :assignee, due = :due, deleted = :deleted, conflicted = :conflicted,
          created_at = min(created_at, :time), updated_at = max(updated_at, :time)
        """
    ).execute(
      arguments: [
        "id": state.id.description, "state": Data(state.canonicalBytes), "village": text(.village),
        "category": text(.category), "title": text(.title), "details": text(.details),
        "urgency": text(.urgency), "status": text(.status), "assignee": text(.assignee),
        "due": text(.due), "deleted": state.isDeleted, "conflicted": state.isConflicted,
        "time": changeTime,
      ])
  }

  static func log(_ db: Database, _ change: Change) throws {
    try db.execute(
      sql:
        "INSERT INTO change (report, replica, counter, author, time, body) VALUES (?, ?, ?, ?, ?, ?)",
      arguments: [
        change.report.description, change.dot.replica.description, Int64(change.dot.counter),
        change.attribution.author, change.attribution.time, Data(change.canonicalBytes),
      ])
  }

  static func change(_ bytes: Data) throws -> Change {
    try Change(json: JSONValue(parsing: bytes))
  }

  /// A village list as stored in the replica, device and enrolment rows: a JSON array.
  static func villages(_ villages: [String]) -> String {
    CanonicalJSON.string(.array(villages.map { .string($0) }))
  }

  /// Reads a village list written by ``villages(_:)``.
  static func villages(from text: String) throws -> [String] {
    guard case .array(let items) = try JSONValue(parsing: Array(text.utf8)) else {
      throw StoreError.database("bad village list")
    }
    return items.compactMap { if case .string(let village) = $0 { village } else { nil } }
  }
}
