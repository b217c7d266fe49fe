import Hummingbird
import LiaisonMerge
import LiaisonTownship

extension Console {
  func addConflictRoutes<Context: RequestContext>(to router: Router<Context>) {
    router.get("conflicts") { request, _ in
      await page(request) { visit in try await conflicts(visit) }
    }
    router.get("conflicts/:id") { request, context in
      let id = context.parameters.get("id") ?? ""
      return await page(request) { visit in try await decision(id, visit) }
    }
    router.post("conflicts/:id") { request, context in
      let id = context.parameters.get("id") ?? ""
      return await action(request) { visit in try await decide(id, visit) }
    }
  }

  private func conflicts(_ visit: Visit) async throws -> Response {
    let conflicts = try await store.conflicts(village: nil, category: nil)
    let names = try await store.replicaNames()
    let localizer = visit.localizer
    let words = Words(localizer: localizer, names: names)
    let rows: [[String: Any]] = conflicts.map { conflict in
      [
        "id": conflict.id.description, "title": conflict.title, "village": conflict.village,
        "category": localizer.valueName(conflict.category),
        "fields": conflict.fields.map { localizer.fieldName($0.rawValue) }.joined(
          separator: localizer("console.list_separator")),
        "devices": conflict.replicas.map(words.device).joined(
          separator: localizer("console.list_separator")),
        "since": localizer.time(milliseconds: conflict.since),
      ]
    }
    let data: [String: Any] = [
      "rows": rows, "count": localizer.plural("console.conflicts.count", count: rows.count),
    ]
    return ConsoleResponse.page(
      ConsoleView.page(
        "conflicts", data, visit: visit, title: localizer("console.conflicts.title"),
        section: "conflicts"))
  }

  private func decision(_ text: String, _ visit: Visit, error: String? = nil) async throws
    -> Response
  {
    let id = try await store.reportID(matching: text)
    guard let state = try await store.report(id) else { throw StoreError.unknownReport(text) }
    let names = try await store.replicaNames()
    let page = DecisionPage(state: state, names: names, visit: visit, error: error)
    return ConsoleResponse.page(page.render(), status: error == nil ? .ok : .unprocessableContent)
  }

  /// Decides one field with `township resolve`'s check: only if the report is still at the
  /// version the form showed. A decision made meanwhile is never overwritten: the page says
  /// so (409) and shows the report as it is now.
  private func decide(_ text: String, _ visit: Visit) async throws -> Response {
    let localizer = visit.localizer
    func refuse(_ key: String, _ arguments: [String: String] = [:]) async throws -> Response {
      try await decision(text, visit, error: localizer(key, arguments))
    }
    let reason = visit.field("reason")
    guard !reason.isEmpty else { return try await refuse("console.decision.no_reason") }
    guard let field = Field(rawValue: visit.field("field")) else {
      return try await refuse("console.decision.no_field")
    }
    let resolution: Resolution
    switch visit.field("choice") {
    case "custom" where field != .deleted:
      resolution = .value(field, visit.field("value"))
    case let choice:
      guard let number = Int(choice) else { return try await refuse("console.decision.no_choice") }
      resolution = .pick(field, number)
    }
    let id = try await store.reportID(matching: text)
    do {
      _ = try await store.resolve(
        id, resolution, expecting: visit.field("version"), by: visit.administrator,
        reason: reason, now: clock())
    } catch StoreError.admin(.stale) {
      let stale = localizer("console.decision.stale")
      var response = try await report(id.description, visit, stale: stale)
      response.status = .conflict
      return response
    } catch StoreError.admin(let error) {
      return try await refuse("console.decision.refused", ["message": error.description])
    } catch StoreError.invalid(let error) {
      return try await refuse("console.decision.refused", ["message": error.description])
    }
    return ConsoleResponse.redirect("/reports/\(id)?decided=\(field.rawValue)")
  }
}
