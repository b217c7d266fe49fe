import ArgumentParser
import LiaisonLocalization
import LiaisonMerge
import LiaisonStore

/// The filters of `liaison list` and `township reports`, parsed and checked the same way.
public struct ReportFilters: ParsableArguments {
  @Option(help: help("common.filter.village")) public var village: String?
  @Option(help: help("common.filter.category")) public var category: String?
  @Option(help: help("common.filter.status")) public var status: String?
  @Option(help: help("common.filter.urgency")) public var urgency: String?
  @Flag(help: help("common.filter.conflicted")) public var conflicted = false
  @Option(help: help("common.filter.search")) public var search: String?
  @Flag(help: help("common.option.all")) public var all = false
  @Option(help: help("common.filter.limit")) public var limit = 50

  public init() {}

  public func validate() throws {
    if limit < 0 {
      throw ArgumentParser.ValidationError(Localizer.current("common.filter.limitNegative"))
    }
  }

  /// The query the filters select; a category, status or urgency that is not one of its
  /// values is refused with the list of those that are.
  public func query() throws -> ReportQuery {
    var query = ReportQuery()
    query.village = village?.precomposedStringWithCanonicalMapping
    if let category, case .category(let value) = try FieldValue.parse(category, for: .category) {
      query.category = value
    }
    if let status, case .status(let value) = try FieldValue.parse(status, for: .status) {
      query.status = value
    }
    if let urgency, case .urgency(let value) = try FieldValue.parse(urgency, for: .urgency) {
      query.urgency = value
    }
    query.conflictedOnly = conflicted
    query.text = search?.precomposedStringWithCanonicalMapping
    query.includeDeleted = all
    query.limit = limit == 0 ? nil : limit
    return query
  }

  /// The same query as the parameters of `GET /v1/admin/reports` (`protocol/sync.md`).
  public func parameters() throws -> [String: String?] {
    let query = try query()
    return [
      "village": query.village, "category": query.category?.rawValue,
      "status": query.status?.rawValue, "urgency": query.urgency?.rawValue,
      "conflicted": query.conflictedOnly ? "true" : nil, "search": query.text,
      "all": query.includeDeleted ? "true" : nil, "limit": String(query.limit ?? 0),
    ]
  }
}

/// An option's help in the language of the command line that shows it.
private func help(_ key: String) -> ArgumentHelp {
  ArgumentHelp(Localizer.current(key))
}
