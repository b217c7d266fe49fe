/// The indexes that keep the console's summary and report lists quick with a hundred
/// thousand reports, the same statements in every backend: each aggregate of
/// ``TownshipSummary`` reads one index alone, never the report table with its states.
public enum ReportIndexes {
  public static let statements = [
    // New reports per week, and how many reports a list holds.
    "CREATE INDEX report_by_week ON report (deleted, created_at)",
    // Resolved per week, and open reports by village and category.
    "CREATE INDEX report_by_status ON report (deleted, status, updated_at, village, category)",
    // The overdue list, in the order of due dates.
    "CREATE INDEX report_by_due ON report (deleted, due, status)",
    // Urgent open reports, newest first.
    "CREATE INDEX report_by_urgency ON report (deleted, urgency, created_at, status)",
    // Conflicts awaiting a decision, longest waiting first.
    "CREATE INDEX report_awaiting ON report (conflicted, updated_at)",
    // The report list sorted by urgency (``ReportOrder/urgency``).
    "CREATE INDEX report_in_urgency_order ON report (deleted, (\(ReportOrder.urgencyRank)),"
      + " created_at DESC, id DESC)",
  ]
}
