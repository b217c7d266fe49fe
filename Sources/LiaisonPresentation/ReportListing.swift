import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonStore
import LiaisonText
import LiaisonWire

/// A list of reports as `liaison list` and `township reports` show it: a table for people,
/// JSON for scripts, and the JSON read back by a command that received it over HTTP.
public enum ReportListing {
  /// The table: a ! before the id marks a report in conflict.
  public static func table(_ reports: [ReportSummary], maxWidth: Int?) -> String {
    let table = TextTable(columns: [
      .init("ID"), .init("CREATED"), .init("VILLAGE", minimumWidth: 6, flexible: true),
      .init("CATEGORY"),
      .init("URGENCY"), .init("STATUS"), .init("TITLE", minimumWidth: 10, flexible: true),
    ])
    let rows = reports.map { report in
      [
        (report.isConflicted ? "!" : " ") + report.id.description.prefix(8),
        ReportPresentation.time(report.createdAt),
        report.village, report.category, report.urgency, report.status,
        report.title + (report.isDeleted ? " (deleted)" : ""),
      ]
    }
    return table.render(rows: rows, maxWidth: maxWidth)
  }

  /// One report of the list, for scripts: the wire's shape (``ReportSummary/json``).
  public static func json(_ report: ReportSummary) -> JSONValue { report.json }

  /// Reads back what ``json(_:)`` wrote; nil when it is not that shape.
  public static func summary(_ json: JSONValue) -> ReportSummary? { ReportSummary(json: json) }
}
