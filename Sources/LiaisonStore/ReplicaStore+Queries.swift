import Foundation
import GRDB
import LiaisonMerge

extension ReplicaStore {
  /// The report whose id is `text` or starts with it, as git resolves commit prefixes.
  public func reportID(matching text: String) throws(StoreError) -> ReportID {
    let prefix = text.lowercased()
    guard !prefix.isEmpty, prefix.count <= 36,
      prefix.allSatisfy({ $0.isHexDigit || $0 == "-" })
    else { throw .malformedReportID(text) }
    let matches = try read { db in
      try StoreRows.ids(db, in: "report", startingWith: prefix, matching: ["id"])
    }
    guard let first = matches.first else { throw .unknownReport(text) }
    guard matches.count == 1 else {
      throw .ambiguousReport(text, matches: matches.compactMap(ReportID.init))
    }
    guard let id = ReportID(first) else { throw .database("bad report id \(first)") }
    return id
  }

  /// The state of a report, or nil.
  public func report(_ id: ReportID) throws(StoreError) -> ReportState? {
    try read { db in try StoreRows.state(db, id) }
  }

  /// The reports `query` selects, in its order, from its offset.
  public func list(_ query: ReportQuery) throws(StoreError) -> [ReportSummary] {
    var (sql, arguments) = Self.selection(query)
    sql =
      "SELECT id, village, category, title, urgency, status, assignee, due, deleted, conflicted,"
      + " created_at, updated_at FROM report" + sql + " ORDER BY " + query.order.sql
    if query.limit != nil || query.offset > 0 {
      sql += " LIMIT ? OFFSET ?"
      _ = arguments.append(contentsOf: [query.limit ?? -1, max(0, query.offset)])
    }
    let statement = sql
    let bound = arguments
    return try read { db in
      try Row.fetchAll(db, sql: statement, arguments: bound).compactMap(Self.summary)
    }
  }

  /// How many reports `query` selects, its offset and limit aside.
  public func count(_ query: ReportQuery) throws(StoreError) -> Int {
    let (sql, arguments) = Self.selection(query)
    return try read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM report" + sql, arguments: arguments) ?? 0
    }
  }

  /// A report list's line from a row of the report table.
  static func summary(_ row: Row) -> ReportSummary? {
    guard let id = ReportID(row["id"] as String) else { return nil }
    return ReportSummary(
      id: id, village: row["village"], category: row["category"], title: row["title"],
      urgency: row["urgency"], status: row["status"], assignee: row["assignee"],
      due: row["due"], isDeleted: row["deleted"], isConflicted: row["conflicted"],
      createdAt: row["created_at"], updatedAt: row["updated_at"])
  }

  /// The `WHERE` clause (with its leading space, or empty) and arguments of a query.
  private static func selection(_ query: ReportQuery) -> (String, StatementArguments) {
    var conditions: [String] = []
    var arguments: StatementArguments = []
    if !query.includeDeleted { conditions.append("deleted = 0") }
    if let village = query.village {
      conditions.append("village = ?")
      _ = arguments.append(contentsOf: [village])
    }
    for (column, value) in [
      ("category", query.category?.rawValue), ("status", query.status?.rawValue),
      ("urgency", query.urgency?.rawValue),
    ] {
      if let value {
        conditions.append("\(column) = ?")
        _ = arguments.append(contentsOf: [value])
      }
    }
    if query.conflictedOnly { conditions.append("conflicted = 1") }
    if let pattern = query.containsPattern {
      conditions.append("(title LIKE ? ESCAPE '\\' OR details LIKE ? ESCAPE '\\')")
      _ = arguments.append(contentsOf: [pattern, pattern])
    }
    let sql = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    return (sql, arguments)
  }

  /// Calls `body` with every report state, oldest first, reading in pages so memory stays
  /// flat however many reports there are.
  public func forEachReport(includeDeleted: Bool, _ body: (ReportState) throws -> Void)
    throws(StoreError)
  {
    var after: (Int64, String) = (Int64.min, "")
    while true {
      let page = try read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT created_at, id, state FROM report
            WHERE (created_at, id) > (?, ?) \(includeDeleted ? "" : "AND deleted = 0")
            ORDER BY created_at, id LIMIT 1000
            """, arguments: [after.0, after.1]
        ).map { (row: Row) -> (Int64, String, Data) in (row["created_at"], row["id"], row["state"])
        }
      }
      guard let last = page.last else { return }
      for (_, _, bytes) in page {
        let state = try Self.guarding(location: location) { try StoreRows.state(bytes) }
        do { try body(state) } catch let error as StoreError { throw error } catch {
          throw .database("\(error)")
        }
      }
      after = (last.0, last.1)
    }
  }

  /// Every report state, oldest first, read in one transaction.
  static func reportStates(_ db: Database, includeDeleted: Bool) throws -> [ReportState] {
    try Data.fetchAll(
      db,
      sql:
        "SELECT state FROM report \(includeDeleted ? "" : "WHERE deleted = 0") ORDER BY created_at, id"
    ).map { try StoreRows.state($0) }
  }
}
