import LiaisonCodec
import LiaisonMerge

/// A report state as a store's row keeps it: the canonical JSON, and beside it the provisional
/// values that `list` filters and sorts by, so listing never decodes a state.
public struct ReportRow: Sendable {
  public let id: String
  public let state: [UInt8]
  public let village: String
  public let category: String
  public let title: String
  public let details: String
  public let urgency: String
  public let status: String
  public let assignee: String
  public let due: String
  public let deleted: Bool
  public let conflicted: Bool

  public init(_ state: ReportState) {
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
