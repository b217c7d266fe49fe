import Foundation
import GRDB

/// One line of the audit trail: who did what to which subject, when and why.
public struct AuditEntry: Sendable, Equatable {
  public let sequence: Int64
  /// The server's clock, in milliseconds since 1970.
  public let time: Int64
  /// The administrator or liaison who acted.
  public let actor: String
  public let action: String
  /// What the action was about: a report id, a device id, an administrator's name.
  public let subject: String
  public let detail: String
  /// The reason the administrator gave; empty when none was given.
  public let reason: String
}

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

  /// Records an action that changes nothing in the store but must be traceable, such as an
  /// export of every report (reports name people).
  public func record(
    _ action: String, subject: String, detail: String, by actor: String, now: Int64
  ) throws(StoreError) {
    try replica.write { db in try Self.audit(db, now, actor, action, subject, detail, "") }
  }

  /// Records an administrator's action with the reason given, in the caller's transaction.
  static func audit(
    _ db: Database, _ time: Int64, _ actor: String, _ action: String, _ subject: String,
    _ detail: String, _ reason: String
  ) throws {
    try db.execute(
      sql: """
        INSERT INTO audit (time, actor, action, subject, detail, reason) VALUES (?, ?, ?, ?, ?, ?)
        """,
      arguments: [time, actor, action, subject, detail, reason])
  }
}
