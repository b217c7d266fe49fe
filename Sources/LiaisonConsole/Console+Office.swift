import Hummingbird
import LiaisonMerge
import LiaisonTownship
import LiaisonWire

extension Console {
  func addOfficeRoutes<Context: RequestContext>(to router: Router<Context>) {
    addConflictRoutes(to: router)
    router.get("devices") { request, _ in
      await page(request) { visit in try await devices(visit, request) }
    }
    router.post("devices") { request, _ in
      await action(request) { visit in try await enrol(visit, request) }
    }
    router.post("devices/:id/revoke") { request, context in
      let id = context.parameters.get("id") ?? ""
      return await action(request) { visit in try await revoke(id, visit, request) }
    }
    router.get("audit") { request, _ in
      await page(request) { visit in try await audit(visit) }
    }
  }

  /// The address devices reach this server by, as the browser reached it.
  private func server(_ request: Request) -> String {
    (pin == nil ? "http://" : "https://") + (request.head.authority ?? "localhost")
  }

  private func devices(
    _ visit: Visit, _ request: Request, error: String? = nil, status: HTTPResponse.Status = .ok
  ) async throws -> Response {
    let localizer = visit.localizer
    let devices = try await store.devices()
    let rows: [[String: Any]] = devices.map { summary in
      let device = summary.device
      let state =
        summary.revokedAt.map {
          localizer("console.devices.revoked_at", ["time": localizer.time(milliseconds: $0)])
        } ?? localizer("console.devices.active")
      return [
        "id": device.id, "name": device.name, "short": String(device.replica.description.prefix(8)),
        "villages": device.villages.joined(separator: localizer("console.list_separator")),
        "lastSeen": summary.lastSeenAt.map { localizer.time(milliseconds: $0) }
          ?? localizer("console.devices.never"),
        "pending": summary.pending, "key": device.key?.fingerprint ?? localizer("common.none"),
        "state": state, "revoked": summary.revokedAt != nil,
      ]
    }
    var data: [String: Any] = [
      "rows": rows, "csrf": visit.session?.csrf ?? "", "server": server(request),
    ]
    if let error { data["error"] = error }
    return ConsoleResponse.page(
      ConsoleView.page(
        "devices", data, visit: visit, title: localizer("console.devices.title"),
        section: "devices"), status: status)
  }

  /// Issues a one-time enrolment code, as `township enroll`, and shows its link.
  private func enrol(_ visit: Visit, _ request: Request) async throws -> Response {
    let localizer = visit.localizer
    func refuse(_ message: String) async throws -> Response {
      try await devices(visit, request, error: message, status: .unprocessableContent)
    }
    let name = visit.field("name")
    let villages = visit.field("villages").split(whereSeparator: { ",，、;；".contains($0) })
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard !name.isEmpty, !villages.isEmpty else {
      return try await refuse(localizer("console.enrol.missing"))
    }
    do {
      try FieldValue.checkText(name, field: "name", maximum: TextLimits.author, multiline: false)
      for village in villages {
        try FieldValue.checkText(
          village, field: "villages", maximum: TextLimits.village, multiline: false)
      }
    } catch {
      return try await refuse(localizer("console.enrol.invalid", ["message": error.description]))
    }
    let address = visit.field("server").isEmpty ? server(request) : visit.field("server")
    do {
      _ = try EnrolmentLink.checkedServer(address, pin: pin)
    } catch {
      return try await refuse(localizer("console.enrol.invalid", ["message": error.description]))
    }
    let enrollment = try await store.issueEnrollment(
      name: name, villages: villages, lifetime: 24 * 3600 * 1000, by: visit.administrator,
      now: clock())
    let link = try EnrolmentLink(server: address, code: enrollment.code, pin: pin)
    let data: [String: Any] = [
      "link": link.description,
      "sentence": localizer(
        "console.enrolled.sentence",
        [
          "name": name, "villages": villages.joined(separator: localizer("console.list_separator")),
          "time": localizer.time(milliseconds: enrollment.expiresAt),
        ]),
    ]
    return ConsoleResponse.page(
      ConsoleView.page(
        "enrolled", data, visit: visit, title: localizer("console.enrolled.title"),
        section: "devices"))
  }

  /// Revokes a device, with the reason an administrator must give.
  private func revoke(_ id: String, _ visit: Visit, _ request: Request) async throws -> Response {
    let localizer = visit.localizer
    let reason = visit.field("reason")
    guard !reason.isEmpty else {
      return try await devices(
        visit, request, error: localizer("console.revoke.no_reason"),
        status: .unprocessableContent)
    }
    let device = try await store.findDevice(id)
    do {
      try await store.revoke(
        device: device.id, by: visit.administrator, reason: reason, now: clock())
    } catch StoreError.admin(let error) {
      return try await devices(
        visit, request,
        error: localizer("console.decision.refused", ["message": error.description]),
        status: .unprocessableContent)
    } catch StoreError.invalid(let error) {
      return try await devices(
        visit, request,
        error: localizer("console.decision.refused", ["message": error.description]),
        status: .unprocessableContent)
    }
    return ConsoleResponse.redirect("/devices")
  }

  /// The actions the trail's filter offers.
  static let auditActions = [
    "resolve conflict", "revoke device", "issue enrolment code", "enrol device",
    "add administrator", "export reports", "refused change", "sign in", "sign out",
  ]

  private func audit(_ visit: Visit) async throws -> Response {
    let localizer = visit.localizer
    var query = AuditQuery()
    query.actor = visit.parameter("administrator")
    query.action = visit.parameter("action")
    query.subject = visit.parameter("report")?.lowercased()
    let page = max(1, min(100_000, Int(visit.parameter("page") ?? "") ?? 1))
    query.offset = (page - 1) * query.limit
    query.limit += 1
    let chosen = query
    var entries = try await store.auditEntries(chosen)
    let more = entries.count > chosen.limit - 1
    if more { entries.removeLast() }
    let words = Words(localizer: localizer, names: [:])
    func link(_ page: Int) -> String {
      var pairs: [(String, String)] = []
      for name in ["administrator", "report", "action"] {
        if let value = visit.parameter(name) { pairs.append((name, value)) }
      }
      if page > 1 { pairs.append(("page", String(page))) }
      return pairs.isEmpty
        ? "" : "?" + pairs.map { "\($0.0)=\(Visit.encoded($0.1))" }.joined(separator: "&")
    }
    var data: [String: Any] = [
      "entries": entries.map(words.audit), "anyEntries": !entries.isEmpty, "auditTable": "audit",
      "administratorFilter": visit.parameter("administrator") ?? "",
      "reportFilter": visit.parameter("report") ?? "",
      "actions": Self.auditActions.map { ["code": $0, "selected": $0 == query.action] },
    ]
    if page > 1 { data["prev"] = link(page - 1) }
    if more { data["next"] = link(page + 1) }
    return ConsoleResponse.page(
      ConsoleView.page(
        "audit", data, visit: visit, title: localizer("console.audit.title"), section: "audit"))
  }
}
