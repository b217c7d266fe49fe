import Foundation
import LiaisonCodec
import LiaisonLocalization
import LiaisonMerge
import LiaisonStore
import LiaisonText
import LiaisonWire

/// A list of reports as `liaison list` and `township reports` show it: a table for people,
/// JSON for scripts, and the JSON read back by a command that received it over HTTP.
public enum ReportListing {
  /// The table: a ! before the id marks a report in conflict. Headers, values and times
  /// read in `localizer`'s language; villages and titles as they were written.
  public static func table(
    _ reports: [ReportSummary], maxWidth: Int?, localizer: Localizer = Localizer(.english)
  ) -> String {
    let words = localizer
    let table = TextTable(columns: [
      .init(words("common.column.id")), .init(words("common.column.created")),
      .init(words("common.column.village"), minimumWidth: 6, flexible: true),
      .init(words("common.column.category")), .init(words("common.column.urgency")),
      .init(words("common.column.status")),
      .init(words("common.column.title"), minimumWidth: 10, flexible: true),
    ])
    let rows = reports.map { report in
      [
        (report.isConflicted ? "!" : " ") + report.id.description.prefix(8),
        words.time(milliseconds: report.createdAt),
        report.village, words.shownValue(report.category), words.shownValue(report.urgency),
        words.shownValue(report.status),
        report.isDeleted ? words("common.deletedTitle", ["title": report.title]) : report.title,
      ]
    }
    return table.render(rows: rows, maxWidth: maxWidth)
  }

  /// One report of the list, for scripts: the wire's shape (``ReportSummary/json``).
  public static func json(_ report: ReportSummary) -> JSONValue { report.json }

  /// Reads back what ``json(_:)`` wrote; nil when it is not that shape.
  public static func summary(_ json: JSONValue) -> ReportSummary? { ReportSummary(json: json) }
}
