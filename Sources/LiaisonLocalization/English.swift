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
  ]
}
