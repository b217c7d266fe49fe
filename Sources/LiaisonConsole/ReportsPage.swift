import Foundation
import LiaisonLocalization
import LiaisonMerge
import LiaisonTownship

/// The report list: its filters as the query string carries them, one page of 50.
struct ReportsPage {
  static let pageSize = 50

  /// A filter value that is not one of the field's values.
  struct BadFilter: Error {
    let name: String
    let value: String
  }

  /// The filters of `/reports` and `/reports.csv`: village, category, status, urgency,
  /// conflicted, q, sort, page.
  struct Filters {
    var query = ReportQuery()
    var page = 1
    var village = ""
    var text = ""

    init(_ visit: Visit) throws(BadFilter) {
      if let village = visit.parameter("village") {
        self.village = village
        query.village = village.precomposedStringWithCanonicalMapping
      }
      func parse<Value: RawRepresentable<String>>(_ name: String, _: Value.Type) throws(BadFilter)
        -> Value?
      {
        guard let text = visit.parameter(name) else { return nil }
        guard let value = Value(rawValue: text) else { throw BadFilter(name: name, value: text) }
        return value
      }
      query.category = try parse("category", Category.self)
      query.status = try parse("status", Status.self)
      query.urgency = try parse("urgency", Urgency.self)
      query.conflictedOnly = visit.parameter("conflicted") == "1"
      if let text = visit.parameter("q") {
        self.text = text
        query.text = text.precomposedStringWithCanonicalMapping
      }
      query.order = try parse("sort", ReportOrder.self) ?? .newest
      if let page = visit.parameter("page") {
        guard let number = Int(page), number >= 1, number <= 1_000_000 else {
          throw BadFilter(name: "page", value: page)
        }
        self.page = number
      }
    }

    /// The query string of these filters at `page` (nil for none), with its `?`.
    func queryString(page: Int?) -> String {
      var pairs: [(String, String)] = []
      if !village.isEmpty { pairs.append(("village", village)) }
      if let category = query.category { pairs.append(("category", category.rawValue)) }
      if let status = query.status { pairs.append(("status", status.rawValue)) }
      if let urgency = query.urgency { pairs.append(("urgency", urgency.rawValue)) }
      if query.conflictedOnly { pairs.append(("conflicted", "1")) }
      if !text.isEmpty { pairs.append(("q", text)) }
      if query.order != .newest { pairs.append(("sort", query.order.rawValue)) }
      if let page, page > 1 { pairs.append(("page", String(page))) }
      guard !pairs.isEmpty else { return "" }
      return "?" + pairs.map { "\($0.0)=\(Visit.encoded($0.1))" }.joined(separator: "&")
    }
  }

  let filters: Filters
  let reports: [ReportSummary]
  let total: Int
  let visit: Visit

  func render() -> String {
    let localizer = visit.localizer
    let pages = max(1, (total + Self.pageSize - 1) / Self.pageSize)
    func options<Value: CaseIterable & RawRepresentable<String> & Equatable>(
      _: Value.Type, _ selected: Value?
    ) -> [[String: Any]] {
      Value.allCases.map { value in
        [
          "code": value.rawValue, "name": localizer.valueName(value.rawValue),
          "selected": value == selected,
        ]
      }
    }
    var data: [String: Any] = [
      "filters": [
        "village": filters.village, "q": filters.text, "conflicted": filters.query.conflictedOnly,
      ],
      "categories": options(Category.self, filters.query.category),
      "statuses": options(Status.self, filters.query.status),
      "urgencies": options(Urgency.self, filters.query.urgency),
      "byUrgency": filters.query.order == .urgency,
      "count": localizer.plural("console.reports.count", count: total),
      "query": filters.queryString(page: nil),
      "rows": reports.map { ReportRows.row($0, localizer) }, "any": !reports.isEmpty,
      "pageOf": localizer(
        "console.reports.page_of", ["page": String(filters.page), "pages": String(pages)]),
    ]
    if filters.page > 1 { data["prev"] = filters.queryString(page: filters.page - 1) }
    if filters.page < pages { data["next"] = filters.queryString(page: filters.page + 1) }
    return ConsoleView.page(
      "reports", data, visit: visit, title: localizer("console.reports.title"),
      section: "reports")
  }

  /// Whether a report state passes the filters, as the storage's list query decides from
  /// the same provisional values: for the CSV, which reads whole states.
  static func matches(_ state: ReportState, _ query: ReportQuery) -> Bool {
    let row = ReportRow(state)
    if !query.includeDeleted, row.deleted { return false }
    if let village = query.village, row.village != village { return false }
    if let category = query.category, row.category != category.rawValue { return false }
    if let status = query.status, row.status != status.rawValue { return false }
    if let urgency = query.urgency, row.urgency != urgency.rawValue { return false }
    if query.conflictedOnly, !row.conflicted { return false }
    if let text = query.text, !text.isEmpty {
      return row.title.range(of: text, options: .caseInsensitive) != nil
        || row.details.range(of: text, options: .caseInsensitive) != nil
    }
    return true
  }
}
