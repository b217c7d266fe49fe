import LiaisonMerge
import LiaisonTownship
import PostgresNIO

/// What one push reads and writes, kept in memory while its changes are judged: the reports
/// it touches, read and locked in one query, the logged bodies of the dots it may repeat,
/// read in one, and the rows it writes, sent at its end in one statement per table.
///
/// A push held the append lock for three round trips per change; in memory it holds it for
/// a handful per batch. Judging reads what the loop itself wrote earlier in the batch, as it
/// read its own uncommitted rows before.
struct PostgresPushBatch {
  /// A report the batch reads or writes.
  struct Report {
    /// Its key; nil for a report this batch creates.
    let key: Int64?
    var village: String
    /// Its state as stored or as last merged, decoded only when a change merges into it.
    var bytes: [UInt8]
    var state: ReportState?
    /// The row to write; nil while the batch has not changed it.
    var row: ReportRow?
    /// The earliest and latest times of the changes merged into it by this batch.
    var earliest = Int64.max
    var latest = Int64.min
  }

  /// A change to append to the log, in judging order.
  struct Appended {
    let report: ReportID
    let change: Change
    let body: [UInt8]
  }

  /// Keyed by id, not its text: a push looks each report up several times, and hashing two
  /// integers costs a fraction of hashing 36 characters.
  private(set) var reports: [ReportID: Report]
  private var logged: [Dot: [UInt8]]
  private var appended: [Appended] = []

  /// Reads and locks every stored report the batch names, and the logged bodies of `dots`.
  static func read(reports ids: [ReportID], dots: [Dot], _ session: PostgresSession)
    async throws -> PostgresPushBatch
  {
    var reports: [ReportID: Report] = [:]
    if !ids.isEmpty {
      // In key order, so that two writers locking overlapping reports wait rather than
      // deadlock, whatever other lock they hold.
      for row in try await session.rows(
        """
        SELECT key, id, village, state FROM report WHERE id = ANY(\(TextArray(ids.map(\.description))))
        ORDER BY key
        FOR UPDATE
        """)
      {
        let (key, id, village, state) = try row.decode((Int64, String, String, ByteBuffer).self)
        reports[try reportID(id)] = Report(key: key, village: village, bytes: state.bytes)
      }
    }
    var logged: [Dot: [UInt8]] = [:]
    if !dots.isEmpty {
      for row in try await session.rows(
        """
        SELECT c.replica, c.counter, c.body FROM change c
        JOIN unnest(\(TextArray(dots.map(\.replica.description)))::text[], \(dots.map { Int64($0.counter) })::bigint[])
          AS d(replica, counter) ON c.replica = d.replica AND c.counter = d.counter
        """)
      {
        let (replica, counter, body) = try row.decode((String, Int64, ByteBuffer).self)
        guard let id = ReplicaID(replica) else {
          throw StoreError.database("bad replica \(replica)")
        }
        logged[Dot(replica: id, counter: UInt64(counter))] = body.bytes
      }
    }
    return PostgresPushBatch(reports: reports, logged: logged)
  }

  private init(reports: [ReportID: Report], logged: [Dot: [UInt8]]) {
    self.reports = reports
    self.logged = logged
  }

  /// The canonical bytes the log holds under `dot`, this batch's appends included.
  func loggedBody(_ dot: Dot) -> [UInt8]? { logged[dot] }

  /// The report's changes in log order: those stored, then this batch's.
  func history(of id: ReportID, _ session: PostgresSession) async throws -> [Change] {
    var changes: [Change] = []
    if let key = reports[id]?.key {
      changes = try await PostgresRows.changes(session, report: key).map {
        (change) throws(StoreError) in try change.decoded()
      }
    }
    return changes + appended.filter { $0.report == id }.map(\.change)
  }

  /// Logs a judged change and merges it into its report, or creates the report; false when
  /// its dot is logged already.
  mutating func receive(_ prepared: PreparedChange) throws(StoreError) -> Bool {
    let change = prepared.change
    guard logged[change.dot] == nil else { return false }
    let id = change.report
    var report: Report
    if let stored = reports[id] {
      report = stored
      var state: ReportState
      if let decoded = report.state {
        state = decoded
      } else {
        state = try PostgresRows.state(report.bytes)
      }
      state.apply(change)
      let row = ReportRow(state)
      (report.state, report.row, report.bytes, report.village) = (
        state, row, row.state, row.village
      )
    } else {
      var state: ReportState?
      var created = prepared.created
      if created == nil {
        var new = ReportState(id: change.report)
        new.apply(change)
        (state, created) = (new, ReportRow(new))
      }
      guard let row = created else { return false }
      report = Report(key: nil, village: row.village, bytes: row.state, state: state, row: row)
    }
    report.earliest = min(report.earliest, change.attribution.time)
    report.latest = max(report.latest, change.attribution.time)
    reports[id] = report
    logged[change.dot] = prepared.body
    appended.append(Appended(report: id, change: change, body: prepared.body))
    return true
  }

  /// Writes the batch: the reports it created, then those it changed, then its log rows in
  /// judging order, so their sequence numbers follow it. The caller holds the append lock.
  func write(_ session: PostgresSession) async throws {
    var keys = reports.compactMapValues(\.key)
    let created = appended.map(\.report).uniqued().compactMap { id in
      reports[id].flatMap { $0.key == nil ? $0 : nil }
    }
    if !created.isEmpty {
      for row in try await session.rows(Self.insert(created)) {
        let (key, id) = try row.decode((Int64, String).self)
        keys[try reportID(id)] = key
      }
    }
    let changed = reports.values.filter { $0.key != nil && $0.row != nil }
    if !changed.isEmpty { try await session.execute(Self.update(changed)) }
    guard !appended.isEmpty else { return }
    var reportKeys: [Int64] = []
    for entry in appended {
      guard let key = keys[entry.report] else {
        throw StoreError.database("no key for report \(entry.report)")
      }
      reportKeys.append(key)
    }
    let changes = appended.map(\.change)
    try await session.execute(
      """
      INSERT INTO change (report_key, replica, counter, author, time, body, moves)
      SELECT report_key, replica, counter, author, time, body, moves
      FROM unnest(\(reportKeys)::bigint[], \(TextArray(changes.map(\.dot.replica.description)))::text[],
        \(changes.map { Int64($0.dot.counter) })::bigint[],
        \(TextArray(changes.map(\.attribution.author)))::text[], \(changes.map(\.attribution.time))::bigint[],
        \(ByteaArray(appended.map(\.body)))::bytea[], \(changes.map(PushRules.isMove))::boolean[])
        WITH ORDINALITY AS c(report_key, replica, counter, author, time, body, moves, position)
      ORDER BY position
      """)
  }

  private static func insert(_ created: [Report]) -> PostgresQuery {
    let rows = created.compactMap(\.row)
    return """
      INSERT INTO report (id, state, village, category, title, details, urgency, status,
        assignee, due, deleted, conflicted, created_at, updated_at)
      SELECT id, state, village, category, title, details, urgency, status, assignee, due,
        deleted, conflicted, created_at, updated_at
      FROM unnest(\(TextArray(rows.map(\.id)))::text[], \(ByteaArray(rows.map(\.state)))::bytea[],
        \(TextArray(rows.map(\.village)))::text[], \(TextArray(rows.map(\.category)))::text[],
        \(TextArray(rows.map(\.title)))::text[], \(TextArray(rows.map(\.details)))::text[],
        \(TextArray(rows.map(\.urgency)))::text[], \(TextArray(rows.map(\.status)))::text[],
        \(TextArray(rows.map(\.assignee)))::text[], \(TextArray(rows.map(\.due)))::text[],
        \(rows.map(\.deleted))::boolean[], \(rows.map(\.conflicted))::boolean[],
        \(created.map(\.earliest))::bigint[], \(created.map(\.latest))::bigint[])
        WITH ORDINALITY AS r(id, state, village, category, title, details, urgency, status,
          assignee, due, deleted, conflicted, created_at, updated_at, position)
      ORDER BY position
      RETURNING key, id
      """
  }

  private static func update(_ changed: [Report]) -> PostgresQuery {
    let rows = changed.compactMap(\.row)
    return """
      UPDATE report SET state = u.state, village = u.village, category = u.category,
        title = u.title, details = u.details, urgency = u.urgency, status = u.status,
        assignee = u.assignee, due = u.due, deleted = u.deleted, conflicted = u.conflicted,
        created_at = LEAST(report.created_at, u.earliest),
        updated_at = GREATEST(report.updated_at, u.latest)
      FROM unnest(\(changed.compactMap(\.key))::bigint[], \(ByteaArray(rows.map(\.state)))::bytea[],
        \(TextArray(rows.map(\.village)))::text[], \(TextArray(rows.map(\.category)))::text[],
        \(TextArray(rows.map(\.title)))::text[], \(TextArray(rows.map(\.details)))::text[],
        \(TextArray(rows.map(\.urgency)))::text[], \(TextArray(rows.map(\.status)))::text[],
        \(TextArray(rows.map(\.assignee)))::text[], \(TextArray(rows.map(\.due)))::text[],
        \(rows.map(\.deleted))::boolean[], \(rows.map(\.conflicted))::boolean[],
        \(changed.map(\.earliest))::bigint[], \(changed.map(\.latest))::bigint[])
        AS u(key, state, village, category, title, details, urgency, status, assignee, due,
          deleted, conflicted, earliest, latest)
      WHERE report.key = u.key
      """
  }
}

/// A report id as the database returned it.
private func reportID(_ text: String) throws -> ReportID {
  guard let id = ReportID(text) else { throw StoreError.database("bad report id \(text)") }
  return id
}

extension Array where Element: Hashable {
  /// The elements in order, each once.
  fileprivate func uniqued() -> [Element] {
    var seen: Set<Element> = []
    return filter { seen.insert($0).inserted }
  }
}
