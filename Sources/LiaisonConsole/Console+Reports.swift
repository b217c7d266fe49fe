import Hummingbird
import LiaisonMerge
import LiaisonPresentation
import LiaisonTownship

extension Console {
  func addReportRoutes<Context: RequestContext>(to router: Router<Context>) {
    router.get("reports") { request, _ in
      await page(request) { visit in try await reports(visit) }
    }
    router.get("reports.csv") { request, _ in
      await page(request) { visit in try await csv(visit) }
    }
    router.get("reports/:id") { request, context in
      let id = context.parameters.get("id") ?? ""
      return await page(request) { visit in try await report(id, visit) }
    }
  }

  private func reports(_ visit: Visit) async throws -> Response {
    let filters: ReportsPage.Filters
    do { filters = try ReportsPage.Filters(visit) } catch { return badFilter(error, visit) }
    var query = filters.query
    query.limit = ReportsPage.pageSize
    query.offset = (filters.page - 1) * ReportsPage.pageSize
    let page = query
    let total = try await store.reportCount(page)
    let reports = try await store.reports(page)
    return ConsoleResponse.page(
      ReportsPage(filters: filters, reports: reports, total: total, visit: visit).render())
  }

  /// The filtered reports as `township export --format csv` writes them: UTF-8 with a
  /// byte-order mark, so a spreadsheet keeps Chinese intact. Recorded in the audit trail as
  /// an export, since reports name people.
  private func csv(_ visit: Visit) async throws -> Response {
    let filters: ReportsPage.Filters
    do { filters = try ReportsPage.Filters(visit) } catch { return badFilter(error, visit) }
    let states = try await store.export(
      includeDeleted: false, by: visit.administrator, now: clock())
    let chosen = states.filter { ReportsPage.matches($0, filters.query) }
    return ConsoleResponse.download(
      ReportExport.encode(chosen, as: .csv), contentType: "text/csv; charset=utf-8",
      filename: "reports.csv")
  }

  private func badFilter(_ error: ReportsPage.BadFilter, _ visit: Visit) -> Response {
    problem(
      visit, status: .badRequest,
      message: visit.localizer("console.error.filter", ["name": error.name, "value": error.value]))
  }

  /// A report's page; after a decision (`?decided=FIELD`) it says the decision was recorded,
  /// and after a stale one, that another administrator decided first.
  func report(_ text: String, _ visit: Visit, stale: String? = nil) async throws -> Response {
    var notice: String?
    if let decided = visit.parameter("decided").flatMap(Field.init(rawValue:)) {
      notice = visit.localizer(
        "console.decision.done", ["field": visit.localizer.fieldName(decided.rawValue)])
    }
    let id = try await store.reportID(matching: text)
    guard let state = try await store.report(id) else { throw StoreError.unknownReport(text) }
    let history = try await store.history(of: id)
    let audit = try await store.auditTrail(subject: id.description)
    let names = try await store.replicaNames()
    let page = ReportPage(
      state: state, history: history, audit: audit, names: names, visit: visit, notice: notice,
      stale: stale)
    return ConsoleResponse.page(page.render())
  }
}
