import Foundation
import LiaisonMerge

/// Which reports `list` shows, newest first.
public struct ReportQuery: Sendable, Equatable {
  public var village: String?
  public var category: Category?
  public var status: Status?
  public var urgency: Urgency?
  /// Only reports in conflict.
  public var conflictedOnly = false
  /// Text that the title or details must contain; ASCII letters match either case.
  public var text: String?
  /// Include deleted reports.
  public var includeDeleted = false
  /// At most this many reports; nil for all.
  public var limit: Int?
  /// Skip this many reports first, for paging.
  public var offset = 0
  /// The order reports come in.
  public var order = ReportOrder.newest

  public init() {}

  /// ``text`` as a LIKE pattern, its `\\`, `%` and `_` escaped with `\\` (`ESCAPE '\\'`):
  /// the text anywhere in the column. Nil without text.
  public var containsPattern: String? {
    guard let text, !text.isEmpty else { return nil }
    return "%"
      + text.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
  }
}

/// The orders a report list comes in.
public enum ReportOrder: String, Sendable, Equatable, CaseIterable {
  /// Newest first, by the writer's time of the earliest change.
  case newest = "date"
  /// Most pressing urgency first, then newest first.
  case urgency

  /// The SQL `ORDER BY` terms over the report table's columns, the same in every backend.
  public var sql: String {
    switch self {
    case .newest: "created_at DESC, id DESC"
    case .urgency: "(\(Self.urgencyRank)), created_at DESC, id DESC"
    }
  }

  /// An urgency's rank, most pressing first, as SQL over the report table: the expression
  /// ``ReportIndexes`` indexes, so sorting by urgency reads an index in order.
  public static let urgencyRank =
    "CASE urgency WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 WHEN 'low' THEN 3"
    + " ELSE 4 END"
}

/// One line of a report list: the provisional values a table shows.
public struct ReportSummary: Sendable, Equatable {
  public let id: ReportID
  public let village: String
  public let category: String
  public let title: String
  public let urgency: String
  public let status: String
  public let assignee: String
  public let due: String
  public let isDeleted: Bool
  public let isConflicted: Bool
  /// The writer's time of the earliest change seen, in milliseconds since 1970.
  public let createdAt: Int64
  /// The writer's time of the latest change seen.
  public let updatedAt: Int64

  /// A summary as a list answer over HTTP carries it, read back by the command that shows it.
  public init(
    id: ReportID, village: String, category: String, title: String, urgency: String,
    status: String, assignee: String, due: String, isDeleted: Bool, isConflicted: Bool,
    createdAt: Int64, updatedAt: Int64
  ) {
    self.id = id
    self.village = village
    self.category = category
    self.title = title
    self.urgency = urgency
    self.status = status
    self.assignee = assignee
    self.due = due
    self.isDeleted = isDeleted
    self.isConflicted = isConflicted
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }
}
