import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge

extension TownshipStore {
  /// ``push(_:from:now:)`` of changes given as their JSON, decoded as the server decodes a
  /// pushed body; their signatures are checked only when `checkingSignatures`, as the
  /// server's batches always are.
  public func push(
    _ changes: [JSONValue], from device: Device, now: Int64, checkingSignatures: Bool = false
  ) throws(StoreError) -> PushOutcome {
    try push(
      PushBatch(changes, binding: checkingSignatures ? device.binding : nil), from: device,
      now: now)
  }

  /// Judges and applies a device's batch of changes in one transaction; each bad change is
  /// refused alone with its reason, and the rest are applied and durable when this returns.
  public func push(_ batch: PushBatch, from device: Device, now: Int64) throws(StoreError)
    -> PushOutcome
  {
    try replica.write { db in
      var judgement = PushJudgement(
        device: device,
        highest: try Int64.fetchOne(
          db, sql: "SELECT highest_counter FROM device WHERE id = ?", arguments: [device.id]) ?? 0)
      let transaction = StoreTransaction(db)
      while let (index, prepared) = judgement.next(from: batch) {
        let change = prepared.change
        let stored = try StoreRows.stored(db, change.report)
        switch try judgement.judge(
          prepared, at: index, village: stored?.village,
          wasInScope: { try stored.map { try Self.wasInScope($0.key, for: device, db) } ?? false })
        {
        case .refused(let refusal, let keep):
          if keep {
            try Self.keepRefused(change, from: device, reason: refusal.message, now: now, db)
          }
        case .apply(let unlogged):
          if try transaction.receive(prepared, stored: .some(stored), unlogged: unlogged) {
            judgement.accepted()
          } else if try StoreRows.loggedBody(db, change.dot) == prepared.body {
            judgement.duplicate()
          } else {
            let refusal = judgement.reused(change, at: index)
            try Self.keepRefused(change, from: device, reason: refusal.message, now: now, db)
          }
        }
      }
      // A body refused whole, found out only once read to its end: nothing it held is kept.
      if let refusal = batch.refusal { throw StoreError.pushRefused(refusal) }
      try db.execute(
        sql: "UPDATE device SET highest_counter = ?, last_seen_at = ? WHERE id = ?",
        arguments: [judgement.highest, now, device.id])
      return judgement.outcome
    }
  }

  /// The changes after `cursor` to reports in the device's villages, not its own, in server
  /// sequence order. Its cost grows with the changes after the cursor, not the store's size.
  ///
  /// A page holds at most `limit` changes of the log, and ends early, with `more`, once its
  /// bodies reach `maximumBytes`: the histories sent with moves can be long.
  public func pull(
    after cursor: Int64, limit: Int, for device: Device, maximumBytes: Int = pullPageBytes
  ) throws(StoreError) -> PullPage {
    try replica.read { db in
      // The log's end, read first: a cursor past it was never given out by this server (a
      // device whose server was restored from an older backup, say), and taking it would
      // record the device as up to date while it misses everything up to there.
      let end = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM change") ?? 0
      if cursor > end { throw StoreError.cursorBeyondLog(cursor, end: end) }
      let rows = try Row.fetchAll(
        db.cachedStatement(
          sql: """
            SELECT c.seq, c.body, c.replica, r.village, r.key, c.moves FROM change c
            JOIN report r ON r.key = c.report_key
            WHERE c.seq > ? AND c.replica != ? ORDER BY c.seq LIMIT ?
            """),
        arguments: [cursor, device.replica.description, limit + 1])
      var page = PullPageBuilder(device: device, log: SQLitePullLog(db: db))
      let (next, more) = try page.take(
        rows, limit: limit, maximumBytes: maximumBytes, after: cursor, end: end,
        sequence: { $0[0] }
      ) { page, row in
        try page.consider(
          sequence: row[0], body: [UInt8](row[1] as Data), replica: row[2], village: row[3],
          report: row[4], moves: row[5])
      }
      // The device's own move of a report back into its villages: it missed what was written
      // while the report was away, and its own change is never sent back to carry them.
      let ownMoves = try Row.fetchAll(
        db.cachedStatement(
          sql: """
            SELECT c.seq, r.key, r.village FROM change c JOIN report r ON r.key = c.report_key
            WHERE c.replica = ? AND c.seq > ? AND c.seq <= ? AND c.moves = 1
            ORDER BY c.seq
            """),
        arguments: [device.replica.description, cursor, next])
      for row in ownMoves where device.villages.contains(row[2] as String) {
        try page.sendHistory(of: row[1], before: row[0])
      }
      return PullPage(
        bodies: page.bodies, cursor: next, more: more,
        keys: try keyBindings(db, for: page.authors.sorted()))
    }
  }

  /// About where a pull page stops taking rows: well under the 64 MiB a device accepts.
  public static let pullPageBytes = 16 * 1024 * 1024

  /// Keeps a liaison's write that the server refused in the audit trail, whole, once: it was
  /// made in good faith (typically on a report that moved to another village while the
  /// device was apart, or on a device restored from a copy), and the township must not lose
  /// it even though it cannot apply it.
  /// `township audit REPORT` shows it, with the change's JSON, for an administrator to act on.
  private static func keepRefused(
    _ change: Change, from device: Device, reason: String, now: Int64, _ db: Database
  ) throws {
    let body = String(decoding: change.canonicalBytes, as: UTF8.self)
    let kept =
      try Bool.fetchOne(
        db,
        sql: "SELECT 1 FROM audit WHERE action = 'refused change' AND subject = ? AND detail = ?",
        arguments: [change.report.description, body]) ?? false
    if !kept {
      try audit(db, now, device.name, "refused change", change.report.description, body, reason)
    }
  }

  /// True when some accepted change put the report in one of the device's villages. Read only
  /// on the way to a refusal, so a push in scope never pays for it.
  private static func wasInScope(_ report: Int64, for device: Device, _ db: Database) throws
    -> Bool
  {
    VillageHistory.wasEver(in: Set(device.villages), try StoreRows.changes(db, report: report))
  }
}

/// The change log's reads a pull page makes, in the pull's read transaction.
struct SQLitePullLog: PullLog {
  let db: Database

  func changes(of report: Int64, after: Int64, before: Int64) throws -> [LoggedChange] {
    try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT seq, body, replica FROM change
          WHERE report_key = ? AND seq > ? AND seq < ? ORDER BY seq
          """),
      arguments: [report, after, before]
    ).map { row in LoggedChange(sequence: row[0], body: [UInt8](row[1] as Data), replica: row[2]) }
  }
}
