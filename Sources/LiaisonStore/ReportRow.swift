import LiaisonCodec
import LiaisonMerge

/// A report state as its row stores it: the canonical JSON, and beside it the provisional
/// values that `list` filters and sorts by, so listing never decodes a state.
struct ReportRow: Sendable {
  let id: String
  let state: [UInt8]
  let village: String
  let category: String
  let title: String
  let details: String
  let urgency: String
  let status: String
  let assignee: String
  let due: String
  let deleted: Bool
  let conflicted: Bool

  init(_ state: ReportState) {
    func text(_ field: Field) -> String { state.value(field).description }
    id = state.id.description
    self.state = state.canonicalBytes
    village = text(.village)
    category = text(.category)
    title = text(.title)
    details = text(.details)
    urgency = text(.urgency)
    status = text(.status)
    assignee = text(.assignee)
    due = text(.due)
    deleted = state.isDeleted
    conflicted = state.isConflicted
  }
}
