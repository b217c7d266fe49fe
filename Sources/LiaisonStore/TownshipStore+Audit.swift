import Foundation
import GRDB
import LiaisonMerge

extension TownshipStore {
  /// The audit trail, oldest first: all of it, or the entries whose subject starts with
  /// `subject` (a report or device id, or a prefix of one).
  public func auditTrail(subject: String? = nil) throws(StoreError) -> [AuditEntry] {
    try replica.read { db in
      var sql = "SELECT seq, time, actor, action, subject, detail, reason FROM audit"
      var arguments: StatementArguments = []
      if let subject, !subject.isEmpty {
        sql += " WHERE subject >= ? AND subject < ?"
        arguments = [subject, subject + "\u{10FFFF}"]
      }
      return try Row.fetchAll(db, sql: sql + " ORDER BY seq", arguments: arguments).map { row in
        AuditEntry(
          sequence: row["seq"], time: row["time"], actor: row["actor"], action: row["action"],
          subject: row["subject"], detail: row["detail"], reason: row["reason"])
      }
    }
  }

  /// Every report's state, oldest first, and the export recorded in the audit trail in the
  /// same transaction: reports name people, so who took a copy of all of them is traced.
  public func export(includeDeleted: Bool, by administrator: String, now: Int64)
    throws(StoreError) -> [ReportState]
  {
    try replica.write { db in
      let states = try ReplicaStore.reportStates(db, includeDeleted: includeDeleted)
      try Self.audit(
        db, now, administrator, "export reports", "township",
        "\(states.count) reports" + (includeDeleted ? ", deleted included" : ""), "")
      return states
    }
  }

  /// The longest reason an administrator may give, in Unicode scalars.
  public static let reasonLimit = AuditReason.limit

  /// Checks the reason an administrator gave for an action (``AuditReason/check(_:)``).
  static func checkReason(_ reason: String) throws(StoreError) {
    try AuditReason.check(reason)
  }

  /// Records an action, with the reason an administrator gave for it, in the caller's
  /// transaction: the one way anything enters the audit trail.
  static func audit(
    _ db: Database, _ time: Int64, _ actor: String, _ action: String, _ subject: String,
    _ detail: String, _ reason: String = ""
  ) throws {
    try db.execute(
      sql: """
        INSERT INTO audit (time, actor, action, subject, detail, reason) VALUES (?, ?, ?, ?, ?, ?)
        """,
      arguments: [time, actor, action, subject, detail, reason])
  }
}

extension TownshipStore {
  /// The audit entries `query` selects, newest first.
  public func auditEntries(_ query: AuditQuery) throws(StoreError) -> [AuditEntry] {
    var conditions: [String] = []
    var arguments: StatementArguments = []
    if let actor = query.actor, !actor.isEmpty {
      conditions.append("actor = ?")
      _ = arguments.append(contentsOf: [actor])
    }
    if let action = query.action, !action.isEmpty {
      conditions.append("action = ?")
      _ = arguments.append(contentsOf: [action])
    }
    if let subject = query.subject, !subject.isEmpty {
      conditions.append("subject >= ? AND subject < ?")
      _ = arguments.append(contentsOf: [subject, subject + "\u{10FFFF}"])
    }
    var sql = "SELECT seq, time, actor, action, subject, detail, reason FROM audit"
    if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
    sql += " ORDER BY seq DESC LIMIT ? OFFSET ?"
    _ = arguments.append(contentsOf: [max(0, query.limit), max(0, query.offset)])
    let statement = sql
    let bound = arguments
    return try replica.read { db in
      try Row.fetchAll(db, sql: statement, arguments: bound).map { row in
        AuditEntry(
          sequence: row["seq"], time: row["time"], actor: row["actor"], action: row["action"],
          subject: row["subject"], detail: row["detail"], reason: row["reason"])
      }
    }
  }

  /// Records a console sign-in or sign-out in the audit trail.
  public func recordSession(_ event: SessionEvent, administrator: String, now: Int64)
    throws(StoreError)
  {
    try replica.write { db in
      try Self.audit(db, now, administrator, event.rawValue, administrator, "web console")
    }
  }
}
