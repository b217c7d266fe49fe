import LiaisonMerge
import LiaisonTownship
import PostgresNIO

extension PostgresTownshipStorage {
  public func summary(_ request: SummaryRequest) async throws(StoreError) -> TownshipSummary {
    let settled = "('\(Status.resolved.rawValue)', '\(Status.closed.rawValue)')"
    let (since, week, until) = (
      request.since, SummaryRequest.week, request.since + Int64(request.weeks) * SummaryRequest.week
    )
    let limit = Int64(request.listLimit)
    let today = request.today
    return try await transaction(.snapshot) { session in
      func byWeek(_ column: String, _ condition: String) async throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        let rows = try await session.rows(
          PostgresQuery(
            unsafeSQL: """
              SELECT (\(column) - $1) / $2 AS week, count(*) FROM report
              WHERE NOT deleted AND \(column) >= $1 AND \(column) < $3 \(condition) GROUP BY week
              """, binds: Self.bindings(since, week, until)))
        for row in rows {
          let (index, count) = try row.decode((Int64, Int64).self)
          counts[Int(index)] = Int(count)
        }
        return counts
      }
      func listing(_ condition: String, _ order: String, _ binds: PostgresBindings)
        async throws -> TownshipSummary.Listing
      {
        var bounded = binds
        bounded.append(limit)
        let reports = try await session.rows(
          PostgresQuery(
            unsafeSQL: Self.summaryColumns
              + " WHERE \(condition) ORDER BY \(order) LIMIT $\(bounded.count)", binds: bounded)
        ).compactMap(Self.summary)
        let total = try await session.value(
          PostgresQuery(unsafeSQL: "SELECT count(*) FROM report WHERE \(condition)", binds: binds),
          as: Int64.self)
        return TownshipSummary.Listing(reports: reports, total: Int(total ?? 0))
      }
      let weeks = request.weeks(
        new: try await byWeek("created_at", ""),
        resolved: try await byWeek("updated_at", "AND status IN \(settled)"))
      let open = try await session.rows(
        PostgresQuery(
          unsafeSQL: """
            SELECT village, category, count(*) FROM report
            WHERE NOT deleted AND status NOT IN \(settled)
            GROUP BY village, category ORDER BY village, category
            """)
      ).map { row in
        let (village, category, count) = try row.decode((String, String, Int64).self)
        return TownshipSummary.OpenCount(village: village, category: category, count: Int(count))
      }
      var todayBinding = PostgresBindings()
      todayBinding.append(today)
      let overdue = try await listing(
        "NOT deleted AND due <> '' AND due < $1 AND status NOT IN \(settled)", "due, id",
        todayBinding)
      let urgent = try await listing(
        "NOT deleted AND urgency = 'urgent' AND status NOT IN \(settled)",
        "created_at DESC, id DESC", PostgresBindings())
      let awaiting = try await listing("conflicted", "updated_at, id", PostgresBindings())
      return TownshipSummary(
        weeks: weeks, open: open, overdue: overdue, urgent: urgent, awaiting: awaiting)
    }
  }

  private static func bindings(_ values: Int64...) -> PostgresBindings {
    var binds = PostgresBindings()
    for value in values { binds.append(value) }
    return binds
  }

  public func auditEntries(_ query: AuditQuery) async throws(StoreError) -> [AuditEntry] {
    var conditions: [String] = []
    var binds = PostgresBindings()
    func bind(_ value: String) -> String {
      binds.append(value)
      return "$\(binds.count)"
    }
    if let actor = query.actor, !actor.isEmpty { conditions.append("actor = \(bind(actor))") }
    if let action = query.action, !action.isEmpty {
      conditions.append("action = \(bind(action))")
    }
    if let subject = query.subject, !subject.isEmpty {
      conditions.append("subject >= \(bind(subject)) AND subject < \(bind(subject + "\u{10FFFF}"))")
    }
    var sql = "SELECT seq, time, actor, action, subject, detail, reason FROM audit"
    if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
    binds.append(Int64(max(0, query.limit)))
    sql += " ORDER BY seq DESC LIMIT $\(binds.count)"
    binds.append(Int64(max(0, query.offset)))
    sql += " OFFSET $\(binds.count)"
    let statement = PostgresQuery(unsafeSQL: sql, binds: binds)
    return try await transaction { session in
      try await session.rows(statement).map { row in
        let (sequence, time, actor, action, subject, detail, reason) = try row.decode(
          (Int64, Int64, String, String, String, String, String).self)
        return AuditEntry(
          sequence: sequence, time: time, actor: actor, action: action, subject: subject,
          detail: detail, reason: reason)
      }
    }
  }

  public func recordSession(_ event: SessionEvent, administrator: String, now: Int64)
    async throws(StoreError)
  {
    try await transaction { session in
      try await Self.audit(
        session, now, administrator, event.rawValue, administrator, "web console")
    }
  }
}
