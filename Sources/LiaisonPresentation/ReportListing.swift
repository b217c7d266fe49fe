import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonStore
import LiaisonText

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

  /// One report of the list, for scripts.
  public static func json(_ report: ReportSummary) -> JSONValue {
    .object([
      "id": .string(report.id.description), "village": .string(report.village),
      "category": .string(report.category), "title": .string(report.title),
      "urgency": .string(report.urgency), "status": .string(report.status),
      "assignee": report.assignee.isEmpty ? .null : .string(report.assignee),
      "due": report.due.isEmpty ? .null : .string(report.due), "deleted": .bool(report.isDeleted),
      "conflicted": .bool(report.isConflicted),
      "created": .string(ReportPresentation.isoTime(report.createdAt)),
      "updated": .string(ReportPresentation.isoTime(report.updatedAt)),
    ])
  }

  /// Reads back what ``json(_:)`` wrote; nil when it is not that shape.
  public static func summary(_ json: JSONValue) -> ReportSummary? {
    guard case .object(let members) = json, case .string(let idText)? = members["id"],
      let id = ReportID(idText), case .bool(let deleted)? = members["deleted"],
      case .bool(let conflicted)? = members["conflicted"]
    else { return nil }
    func text(_ key: String) -> String {
      if case .string(let value)? = members[key] { value } else { "" }
    }
    return ReportSummary(
      id: id, village: text("village"), category: text("category"), title: text("title"),
      urgency: text("urgency"), status: text("status"), assignee: text("assignee"),
      due: text("due"), isDeleted: deleted, isConflicted: conflicted,
      createdAt: ReportPresentation.milliseconds(isoTime: text("created")) ?? 0,
      updatedAt: ReportPresentation.milliseconds(isoTime: text("updated")) ?? 0)
  }
}
