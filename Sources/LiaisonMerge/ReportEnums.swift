/// What a report is about.
///
/// Cases are listed in attention order, most pressing first; the provisional winner of a
/// conflict on `category` is the value that comes first here (see `protocol/merge.md`).
public enum Category: String, CaseIterable, Sendable, Hashable {
  case hazard
  case dispute
  case assistance
  case grievance
  case visit
  case other
}

/// How soon a report needs attention, most pressing first.
public enum Urgency: String, CaseIterable, Sendable, Hashable {
  case urgent
  case high
  case normal
  case low
}

/// Where a report stands. Listed least settled first, so that a conflict provisionally keeps a
/// report on someone's list rather than closing it.
public enum Status: String, CaseIterable, Sendable, Hashable {
  case open
  case inProgress = "in_progress"
  case resolved
  case closed
}

extension CaseIterable where Self: RawRepresentable, Self.RawValue == String, Self: Equatable {
  /// The position in attention order: lower ranks win a conflict provisionally.
  var attentionRank: Int {
    Array(Self.allCases).firstIndex(of: self) ?? 0
  }

  /// The allowed values, for error messages, in the order users read them.
  static var allowedList: String {
    allCases.map(\.rawValue).joined(separator: ", ")
  }
}
