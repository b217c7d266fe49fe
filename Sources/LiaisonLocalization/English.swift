extension Catalogue {
  /// The English catalogue: the reference every other language matches key for key.
  public static let english: [String: String] = [
    // MARK: Fields
    "field.village": "village",
    "field.category": "category",
    "field.title": "title",
    "field.details": "details",
    "field.urgency": "urgency",
    "field.status": "status",
    "field.location": "location",
    "field.parties": "parties",
    "field.assignee": "assignee",
    "field.due": "due",
    "field.deleted": "deleted",

    // MARK: Values
    "value.hazard": "hazard",
    "value.dispute": "dispute",
    "value.assistance": "assistance",
    "value.grievance": "grievance",
    "value.visit": "visit",
    "value.other": "other",
    "value.urgent": "urgent",
    "value.high": "high",
    "value.normal": "normal",
    "value.low": "low",
    "value.open": "open",
    "value.in_progress": "in progress",
    "value.resolved": "resolved",
    "value.closed": "closed",

    // MARK: Common
    "common.error": "error: {message}",
    "common.none": "none",

      // MARK: liaison

      // MARK: township

      // MARK: console
    "console.app": "Township liaison office",
    "console.skip": "Skip to the content",
    "console.nav.label": "Sections",
    "console.nav.dashboard": "Overview",
    "console.nav.reports": "Reports",
    "console.nav.conflicts": "Conflicts",
    "console.nav.devices": "Devices",
    "console.nav.audit": "Audit trail",
    "console.sign_out": "Sign out",
    "console.sign_in.title": "Sign in",
    "console.sign_in.token": "Administrator token",
    "console.sign_in.hint":
      "The token `township init` printed, or one `township admin add` gave you.",
    "console.sign_in.submit": "Sign in",
    "console.sign_in.refused": "That token is not valid: it is unknown or revoked.",
    "console.sign_in.device":
      "That is a device's token: only an administrator's token signs in to the console.",
    "console.error.title": "Something went wrong",
    "console.error.csrf":
      "This form has expired or did not come from this console. Open the page again and retry.",
    "console.error.form": "The form is too large.",
    "console.error.no_report": "There is no such report.",
    "console.error.no_device": "There is no such device.",
    "console.error.store": "The store could not answer: {message}",
    "console.back_dashboard": "Back to the overview",
    "console.dashboard.title": "Overview",
    "console.dashboard.weekly": "New and resolved reports per week, last 12 weeks",
    "console.dashboard.open": "Open reports by village and category",
    "console.dashboard.overdue": "Overdue ({count})",
    "console.dashboard.urgent": "Urgent and open ({count})",
    "console.dashboard.awaiting": "Conflicts awaiting a decision ({count})",
    "console.dashboard.none_open": "No open reports.",
    "console.dashboard.none_overdue": "Nothing is overdue.",
    "console.dashboard.none_urgent": "No urgent report is open.",
    "console.dashboard.none_awaiting": "No conflict awaits a decision.",
    "console.legend.new": "new",
    "console.legend.resolved": "resolved",
    "console.chart.weekly_summary": "Over {weeks} weeks: {new} new reports, {resolved} resolved.",
    "console.chart.open_summary": "{count} open reports in {villages} villages.",
    "console.chart.open_more":
      "The chart shows the {shown} villages with most open reports, of {villages}.",
    "console.col.title": "Title",
    "console.col.village": "Village",
    "console.col.category": "Category",
    "console.col.urgency": "Urgency",
    "console.col.status": "Status",
    "console.col.assignee": "Assignee",
    "console.col.due": "Due",
    "console.col.created": "Reported",
    "console.col.updated": "Last change",
    "console.col.decide": "Decision",
    "console.decide": "Decide",
    "console.tag.conflict": "conflict",
  ]
}
