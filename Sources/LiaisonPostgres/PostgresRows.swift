import LiaisonCodec
import LiaisonMerge
import LiaisonTownship
import PostgresNIO

/// A report row as a push reads it, locked for the rest of its transaction: its key for the
/// log, its village for the scope check, its state to merge into.
struct LockedReport {
  let key: Int64
  let village: String
  let state: [UInt8]
}

/// How report states and changes map to rows, as the SQLite backend's `StoreRows` maps them.
enum PostgresRows {
  /// The report's row, locked until the transaction ends: a change merging into it reads and
  /// writes its state while no other can.
  static func locked(_ session: PostgresSession, _ id: ReportID) async throws -> LockedReport? {
    guard
      let row = try await session.rows(
        "SELECT key, village, state FROM report WHERE id = \(id.description) FOR UPDATE"
      ).first
    else { return nil }
    let (key, village, state) = try row.decode((Int64, String, ByteBuffer).self)
    return LockedReport(key: key, village: village, state: state.bytes)
  }

  /// A stored state; one that no longer decodes is the store's fault, a database error.
  static func state(_ bytes: [UInt8]) throws(StoreError) -> ReportState {
    do {
      return try ReportState(json: JSONValue(parsing: bytes))
    } catch {
      throw .database("a stored report state does not decode (\(error))")
    }
  }

  /// Replaces the row stored under `key` by the report's new state.
  static func update(
    _ session: PostgresSession, key: Int64, to row: ReportRow, changeTime: Int64
  ) async throws {
    try await session.execute(
      """
      UPDATE report SET state = \(row.state.bytea), village = \(row.village),
        category = \(row.category), title = \(row.title), details = \(row.details),
        urgency = \(row.urgency), status = \(row.status), assignee = \(row.assignee),
        due = \(row.due), deleted = \(row.deleted), conflicted = \(row.conflicted),
        created_at = LEAST(created_at, \(changeTime)),
        updated_at = GREATEST(updated_at, \(changeTime))
      WHERE key = \(key)
      """)
  }

  /// Appends the change to the log under its report's key; false when its dot is there
  /// already. The caller holds the append lock.
  static func log(_ session: PostgresSession, _ change: Change, body: [UInt8], report key: Int64)
    async throws -> Bool
  {
    try await !session.rows(
      """
      INSERT INTO change (report_key, replica, counter, author, time, body, moves)
      VALUES (\(key), \(change.dot.replica.description), \(Int64(change.dot.counter)),
        \(change.attribution.author), \(change.attribution.time), \(body.bytea),
        \(PushRules.isMove(change)))
      ON CONFLICT (replica, counter) DO NOTHING RETURNING seq
      """
    ).isEmpty
  }

  /// The report's logged changes in log order, with sequences above `after` and below
  /// `before`.
  static func changes(
    _ session: PostgresSession, report key: Int64, after: Int64 = 0, before: Int64 = .max
  ) async throws -> [LoggedChange] {
    try await session.rows(
      """
      SELECT seq, body, replica FROM change
      WHERE report_key = \(key) AND seq > \(after) AND seq < \(before) ORDER BY seq
      """
    ).map { row in
      let (sequence, body, replica) = try row.decode((Int64, ByteBuffer, String).self)
      return LoggedChange(sequence: sequence, body: body.bytes, replica: replica)
    }
  }

  /// The ids of `table` whose `columns` start with `prefix` (lowercased), at most ten, in id
  /// order: how a report or device is found by a prefix, as git finds a commit.
  static func ids(
    _ session: PostgresSession, in table: String, startingWith prefix: String,
    matching columns: [String]
  ) async throws -> [String] {
    let lowered = prefix.lowercased()
    var binds = PostgresBindings()
    binds.append(lowered)
    binds.append(lowered + "~")
    // A range on the text rather than LIKE, so the column's index serves it.
    let range = columns.map { "(\($0) >= $1 AND \($0) < $2)" }.joined(separator: " OR ")
    return try await session.rows(
      PostgresQuery(
        unsafeSQL: "SELECT id FROM \(table) WHERE \(range) ORDER BY id LIMIT 10", binds: binds)
    ).map { try $0.decode(String.self) }
  }
}

/// The earlier changes of the reports a pull page may send with a move, read ahead in the
/// pull's snapshot: the page is assembled from memory.
struct PrefetchedPullLog: PullLog {
  let changes: [Int64: [LoggedChange]]

  func changes(of report: Int64, after: Int64, before: Int64) -> [LoggedChange] {
    (changes[report] ?? []).filter { $0.sequence > after && $0.sequence < before }
  }
}
