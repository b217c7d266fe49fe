import Foundation
import LiaisonLocalization
import LiaisonTownship

/// The dashboard: the figures of `township summary`, charts drawn as SVG.
struct DashboardPage {
  let summary: TownshipSummary
  let visit: Visit

  func render() -> String {
    let localizer = visit.localizer
    func listing(_ listing: TownshipSummary.Listing, _ key: String) -> [String: Any] {
      [
        "heading": localizer(key, ["count": String(listing.total)]),
        "rows": listing.reports.map { ReportRows.row($0, localizer) },
        "any": !listing.reports.isEmpty,
      ]
    }
    let data: [String: Any] = [
      "weekly": Charts.weekly(summary.weeks, localizer),
      "open": Charts.open(summary.open, localizer),
      "overdue": listing(summary.overdue, "console.dashboard.overdue"),
      "urgent": listing(summary.urgent, "console.dashboard.urgent"),
      "awaiting": listing(summary.awaiting, "console.dashboard.awaiting"),
    ]
    return ConsoleView.page(
      "dashboard", data, visit: visit, title: localizer("console.dashboard.title"),
      section: "dashboard")
  }
}

/// A report list's line as the templates show it, values in the reader's language.
enum ReportRows {
  static func row(_ report: ReportSummary, _ localizer: Localizer) -> [String: Any] {
    [
      "id": report.id.description, "title": report.title, "village": report.village,
      "category": localizer.valueName(report.category),
      "urgency": localizer.valueName(report.urgency), "urgencyCode": report.urgency,
      "status": localizer.valueName(report.status), "assignee": report.assignee,
      "due": localizer.calendarDate(report.due), "conflicted": report.isConflicted,
      "created": localizer.time(milliseconds: report.createdAt),
      "updated": localizer.time(milliseconds: report.updatedAt),
    ]
  }
}
