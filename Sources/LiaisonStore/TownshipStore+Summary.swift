import GRDB
import LiaisonMerge

extension TownshipStore {
  /// The township at a glance, counted by SQLite's aggregates in one read transaction: no
  /// report state is decoded, so it stays quick however many reports there are.
  public func summary(_ request: SummaryRequest) throws(StoreError) -> TownshipSummary {
    let settled = "('\(Status.resolved.rawValue)', '\(Status.closed.rawValue)')"
    let columns = """
      SELECT id, village, category, title, urgency, status, assignee, due, deleted, conflicted,
        created_at, updated_at FROM report
      """
    return try replica.read { db in
      func byWeek(_ column: String, _ condition: String) throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT (\(column) - ?) / ? AS week, count(*) AS n FROM report
            WHERE deleted = 0 AND \(column) >= ? AND \(column) < ? \(condition) GROUP BY week
            """,
          arguments: [
            request.since, SummaryRequest.week, request.since,
            request.since + Int64(request.weeks) * SummaryRequest.week,
          ])
        for row in rows { counts[row["week"]] = row["n"] }
        return counts
      }
      func listing(_ condition: String, _ order: String, _ arguments: StatementArguments) throws
        -> TownshipSummary.Listing
      {
        let reports = try Row.fetchAll(
          db, sql: columns + " WHERE \(condition) ORDER BY \(order) LIMIT \(request.listLimit)",
          arguments: arguments
        ).compactMap(ReplicaStore.summary)
        let total =
          try Int.fetchOne(
            db, sql: "SELECT count(*) FROM report WHERE \(condition)", arguments: arguments) ?? 0
        return TownshipSummary.Listing(reports: reports, total: total)
      }
      let weeks = request.weeks(
        new: try byWeek("created_at", ""),
        resolved: try byWeek("updated_at", "AND status IN \(settled)"))
      let open = try Row.fetchAll(
        db,
        sql: """
          SELECT village, category, count(*) AS n FROM report
          WHERE deleted = 0 AND status NOT IN \(settled)
          GROUP BY village, category ORDER BY village, category
          """
      ).map {
        TownshipSummary.OpenCount(village: $0["village"], category: $0["category"], count: $0["n"])
      }
      let overdue = try listing(
        "deleted = 0 AND due <> '' AND due < ? AND status NOT IN \(settled)", "due",
        [request.today])
      let urgent = try listing(
        "deleted = 0 AND urgency = 'urgent' AND status NOT IN \(settled)",
        "created_at DESC, id DESC", [])
      let awaiting = try listing("conflicted = 1", "updated_at", [])
      return TownshipSummary(
        weeks: weeks, open: open, overdue: overdue, urgent: urgent, awaiting: awaiting)
    }
  }
}
