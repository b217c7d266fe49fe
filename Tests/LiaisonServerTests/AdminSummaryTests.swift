import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCodec
import LiaisonTestScratch
import Testing

/// `GET /v1/admin/summary`, which `township summary` prints.
@Suite(.scratch) struct AdminSummaryTests {
  let directory = ScratchDirectory.path("township")

  @Test func theSummaryCountsTheTownshipAsTheDashboardShowsIt() async throws {
    let town = try ConsoleTownship(directory: directory)
    let admin: HTTPFields = [.authorization: "Bearer \(town.adminToken)"]
    try await town.application.test(.router) { client in
      let response = try await client.execute(
        uri: "/v1/admin/summary?today=2026-03-01", method: .get, headers: admin)
      #expect(response.status == .ok)
      guard case .object(let summary) = try JSONValue(parsing: response.body.readableBytesView),
        case .array(let weeks)? = summary["weeks"], case .object(let overdue)? = summary["overdue"],
        case .object(let awaiting)? = summary["awaiting"], case .array(let open)? = summary["open"]
      else { throw SummaryShape() }
      #expect(weeks.count == 12)
      #expect(summary["today"] == .string("2026-03-01"))
      // The lone report is due 2026-01-01 and open; the conflicted one has no due date. Both
      // are disputes in 东村.
      #expect(overdue["total"] == .integer(1))
      #expect(awaiting["total"] == .integer(1))
      #expect(
        open.contains(
          .object([
            "village": .string("东村"), "category": .string("dispute"), "count": .integer(2),
          ])))
      let bad = try await client.execute(
        uri: "/v1/admin/summary?today=tomorrow", method: .get, headers: admin)
      #expect(bad.status == .badRequest)
      let device = try await client.execute(
        uri: "/v1/admin/summary", method: .get,
        headers: [.authorization: "Bearer \(town.deviceToken)"])
      #expect(device.status == .forbidden)
    }
  }

  struct SummaryShape: Error {}
}
