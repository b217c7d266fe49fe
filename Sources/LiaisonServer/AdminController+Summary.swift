import Foundation
import Hummingbird
import LiaisonCodec
import LiaisonMerge
import LiaisonTownship
import LiaisonWire

extension AdminController {
  /// `GET /v1/admin/summary`: the township at a glance, as `township summary` prints it and
  /// the console's dashboard draws it (`protocol/sync.md` section 6).
  func summary(_ request: Request) async throws -> Response {
    let now = clock()
    var today = SummaryRequest.today(now: now)
    if let given = request.uri.queryParameters["today"] {
      guard CalendarDate(given) != nil else {
        throw APIError.malformed("today must be a date YYYY-MM-DD", field: "today")
      }
      today = String(given)
    }
    let asked = SummaryRequest(now: now, today: today)
    let summary = try await storage { () async throws(StoreError) in
      try await store.summary(asked)
    }
    func listing(_ listing: TownshipSummary.Listing) -> JSONValue {
      .object([
        "total": .integer(Int64(listing.total)), "reports": .array(listing.reports.map(\.json)),
      ])
    }
    return JSONResponse.make(
      .object([
        "now": .string(WireTime.text(now)), "today": .string(today),
        "weeks": .array(
          summary.weeks.map { week in
            .object([
              "start": .string(WireTime.text(week.start)), "new": .integer(Int64(week.new)),
              "resolved": .integer(Int64(week.resolved)),
            ])
          }),
        "open": .array(
          summary.open.map { count in
            .object([
              "village": .string(count.village), "category": .string(count.category),
              "count": .integer(Int64(count.count)),
            ])
          }),
        "overdue": listing(summary.overdue), "urgent": listing(summary.urgent),
        "awaiting": listing(summary.awaiting),
      ]))
  }
}
