import LiaisonMerge
import LiaisonTownship
import PostgresNIO

extension PostgresTownshipStorage {
  public func reportID(matching text: String) async throws(StoreError) -> ReportID {
    let prefix = text.lowercased()
    guard !prefix.isEmpty, prefix.count <= 36,
      prefix.allSatisfy({ $0.isHexDigit || $0 == "-" })
    else { throw .malformedReportID(text) }
    let matches = try await transaction { session in
      try await PostgresRows.ids(session, in: "report", startingWith: prefix, matching: ["id"])
    }
    guard let first = matches.first else { throw .unknownReport(text) }
    guard matches.count == 1 else {
      throw .ambiguousReport(text, matches: matches.compactMap(ReportID.init))
    }
    guard let id = ReportID(first) else { throw .database("bad report id \(first)") }
    return id
  }

  public func report(_ id: ReportID) async throws(StoreError) -> ReportState? {
    let bytes = try await transaction { session in
      try await session.value(
        "SELECT state FROM report WHERE id = \(id.description)", as: ByteBuffer.self)?.bytes
    }
    return try bytes.map { (bytes) throws(StoreError) in try PostgresRows.state(bytes) }
  }

  public func reports(_ query: ReportQuery) async throws(StoreError) -> [ReportSummary] {
    var (sql, binds) = Self.selection(query)
    sql = Self.summaryColumns + sql + " ORDER BY " + query.order.sql
    if let limit = query.limit {
      binds.append(Int64(limit))
      sql += " LIMIT $\(binds.count)"
    }
    if query.offset > 0 {
      binds.append(Int64(query.offset))
      sql += " OFFSET $\(binds.count)"
    }
    let statement = PostgresQuery(unsafeSQL: sql, binds: binds)
    return try await transaction { session in
      try await session.rows(statement).compactMap(Self.summary)
    }
  }

  public func reportCount(_ query: ReportQuery) async throws(StoreError) -> Int {
    let (sql, binds) = Self.selection(query)
    let statement = PostgresQuery(unsafeSQL: "SELECT count(*) FROM report" + sql, binds: binds)
    return try await transaction { session in
      Int(try await session.value(statement, as: Int64.self) ?? 0)
    }
  }

  /// The columns of a report list's line, as ``summary(_:)`` reads them.
  static let summaryColumns = """
    SELECT id, village, category, title, urgency, status, assignee, due, deleted, conflicted,
      created_at, updated_at FROM report
    """

  /// A report list's line from a row of ``summaryColumns``.
  static func summary(_ row: PostgresRow) throws -> ReportSummary? {
    let (
      id, village, category, title, urgency, status, assignee, due, deleted, conflicted,
      createdAt, updatedAt
    ) = try row.decode(
      (String, String, String, String, String, String, String, String, Bool, Bool, Int64, Int64)
        .self)
    guard let id = ReportID(id) else { return nil }
    return ReportSummary(
      id: id, village: village, category: category, title: title, urgency: urgency,
      status: status, assignee: assignee, due: due, isDeleted: deleted,
      isConflicted: conflicted, createdAt: createdAt, updatedAt: updatedAt)
  }

  /// The `WHERE` clause (with its leading space, or empty) and bindings of a query.
  private static func selection(_ query: ReportQuery) -> (String, PostgresBindings) {
    var conditions: [String] = []
    var binds = PostgresBindings()
    func bind(_ value: String) -> String {
      binds.append(value)
      return "$\(binds.count)"
    }
    if !query.includeDeleted { conditions.append("NOT deleted") }
    if let village = query.village { conditions.append("village = \(bind(village))") }
    for (column, value) in [
      ("category", query.category?.rawValue), ("status", query.status?.rawValue),
      ("urgency", query.urgency?.rawValue),
    ] {
      if let value { conditions.append("\(column) = \(bind(value))") }
    }
    if query.conflictedOnly { conditions.append("conflicted") }
    if let pattern = query.containsPattern {
      // ILIKE under the columns' "C" collation folds ASCII letters only, as SQLite's LIKE.
      let placeholder = bind(pattern)
      conditions.append(
        "(title ILIKE \(placeholder) ESCAPE '\\' OR details ILIKE \(placeholder) ESCAPE '\\')")
    }
    let sql = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    return (sql, binds)
  }

  public func history(of id: ReportID) async throws(StoreError) -> [HistoryEntry] {
    let logged = try await transaction { session in
      try await session.rows(
        """
        SELECT seq, body, replica FROM change
        WHERE report_key = (SELECT key FROM report WHERE id = \(id.description)) ORDER BY seq
        """
      ).map { row in
        let (sequence, body, replica) = try row.decode((Int64, ByteBuffer, String).self)
        return LoggedChange(sequence: sequence, body: body.bytes, replica: replica)
      }
    }
    let changes = try logged.map { (logged) throws(StoreError) in
      (sequence: logged.sequence, change: try logged.decoded())
    }
    return HistoryEntry.replay(id, changes)
  }

  public func conflicts(village: String?, category: String?) async throws(StoreError)
    -> [ConflictSummary]
  {
    let states = try await transaction { session in
      try await session.rows(
        """
        SELECT state FROM report WHERE conflicted
          AND (\(village)::text IS NULL OR village = \(village))
          AND (\(category)::text IS NULL OR category = \(category))
        """
      ).map { try $0.decode(ByteBuffer.self).bytes }
    }
    return ConflictSummary.listed(
      try states.map { (bytes) throws(StoreError) in try PostgresRows.state(bytes) })
  }

  public func replicaNames() async throws(StoreError) -> [ReplicaID: ReplicaName] {
    let server = replica
    return try await transaction { session in
      var names = [server: ReplicaName(device: "township", name: "township")]
      for row in try await session.rows("SELECT id, name, replica FROM device") {
        let (device, name, text) = try row.decode((String, String, String).self)
        if let id = ReplicaID(text) { names[id] = ReplicaName(device: device, name: name) }
      }
      return names
    }
  }

  /// Applies an administrator's decision as a write at the server replica, as the SQLite
  /// backend does. It holds ``appendLock`` (it appends to the log), and locks the report's
  /// row and the server's counter while it reads and advances them.
  public func resolve(
    _ id: ReportID, _ resolution: Resolution, expecting version: String, by administrator: String,
    reason: String, now: Int64
  ) async throws(StoreError) -> ResolutionOutcome {
    try AuditReason.check(reason)
    let signer = signer
    return try await transaction { session in
      try await session.execute("SELECT pg_advisory_xact_lock(\(Self.appendLock))")
      guard let stored = try await PostgresRows.locked(session, id) else {
        throw StoreError.unknownReport("\(id)")
      }
      var state = try PostgresRows.state(stored.state)
      guard state.version == version else { throw AdminError.stale(id, current: state.version) }
      let decisions = try ConflictDecisions.decisions(resolution, for: state)
      guard
        let row = try await session.rows(
          "SELECT replica, counter FROM township FOR UPDATE"
        ).first
      else { throw StoreError.database("the database has no township record") }
      let (text, counter) = try row.decode((String, Int64).self)
      guard let server = ReplicaID(text) else {
        throw StoreError.database("bad replica id \(text)")
      }
      let changes = try ConflictDecisions.write(
        decisions, to: &state, at: server, after: UInt64(counter),
        attribution: Attribution(author: administrator, time: now))
      let last = changes.last.map { Int64($0.dot.counter) } ?? counter
      try await session.execute("UPDATE township SET counter = \(last)")
      try await PostgresRows.update(session, key: stored.key, to: ReportRow(state), changeTime: now)
      for change in changes {
        let signed = signer.sign(change)
        guard
          try await PostgresRows.log(
            session, signed, body: signed.canonicalBytes, report: stored.key)
        else { throw StoreError.database("change \(change.dot) is already in the log") }
      }
      try await Self.audit(
        session, now, administrator, "resolve conflict", id.description,
        ConflictDecisions.detail(decisions, resolution), reason)
      return ResolutionOutcome(
        state: state, resolved: decisions.keys.sorted(), remaining: state.conflicts,
        dots: changes.map(\.dot))
    }
  }

  public func export(includeDeleted: Bool, by administrator: String, now: Int64)
    async throws(StoreError) -> [ReportState]
  {
    let bodies = try await transaction { session in
      let bodies = try await session.rows(
        """
        SELECT state FROM report WHERE \(includeDeleted) OR NOT deleted ORDER BY created_at, id
        """
      ).map { try $0.decode(ByteBuffer.self).bytes }
      try await Self.audit(
        session, now, administrator, "export reports", "township",
        "\(bodies.count) reports" + (includeDeleted ? ", deleted included" : ""), "")
      return bodies
    }
    return try bodies.map { (bytes) throws(StoreError) in try PostgresRows.state(bytes) }
  }

  public func auditTrail(subject: String?) async throws(StoreError) -> [AuditEntry] {
    let (from, to): (String?, String?) =
      if let subject, !subject.isEmpty { (subject, subject + "\u{10FFFF}") } else { (nil, nil) }
    return try await transaction { session in
      try await session.rows(
        """
        SELECT seq, time, actor, action, subject, detail, reason FROM audit
        WHERE \(from)::text IS NULL OR (subject >= \(from) AND subject < \(to))
        ORDER BY seq
        """
      ).map { row in
        let (sequence, time, actor, action, subject, detail, reason) = try row.decode(
          (Int64, Int64, String, String, String, String, String).self)
        return AuditEntry(
          sequence: sequence, time: time, actor: actor, action: action, subject: subject,
          detail: detail, reason: reason)
      }
    }
  }
}
