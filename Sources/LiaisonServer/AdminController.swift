import Foundation
import Hummingbird
import LiaisonCodec
import LiaisonMerge
import LiaisonTownship
import LiaisonWire

/// The administrator's endpoints of `protocol/sync.md` section 6: conflicts and their
/// resolution, reports and the export, devices, the audit trail and administrators.
struct AdminController: Sendable {
  let store: any TownshipStorage
  let clock: @Sendable () -> Int64

  /// Routes of the `/v1/admin` group, behind authentication and ``AdministratorMiddleware``.
  func addRoutes(to group: RouterGroup<TownshipContext>) {
    group.get("conflicts") { request, _ in try await conflicts(request) }
    group.get("reports") { request, _ in try await reports(request) }
    group.get("reports/:id") { _, context in try await report(context) }
    group.post("reports/:id/resolve") { request, context in try await resolve(request, context) }
    group.get("reports/:id/audit") { _, context in try await reportAudit(context) }
    group.get("export") { request, context in try await export(request, context) }
    group.get("summary") { request, _ in try await summary(request) }
    addDeviceRoutes(to: group)
  }

  private func conflicts(_ request: Request) async throws -> Response {
    let parameters = request.uri.queryParameters
    let village = parameters["village"].map(String.init)
    let category = try parameters["category"].map { try Self.parse(String($0), as: .category) }
    let names = try await storage { () async throws(StoreError) in try await store.replicaNames() }
    let conflicts = try await storage { () async throws(StoreError) in
      try await store.conflicts(village: village, category: category?.description)
    }
    return JSONResponse.make(
      .object([
        "conflicts": .array(
          conflicts.map { conflict in
            .object([
              "id": .string(conflict.id.description), "village": .string(conflict.village),
              "category": .string(conflict.category), "title": .string(conflict.title),
              "fields": .array(conflict.fields.map { .string($0.rawValue) }),
              "devices": .array(conflict.replicas.map { Self.device($0, names) }),
              "since": .integer(conflict.since), "version": .string(conflict.version),
            ])
          })
      ]))
  }

  private func reports(_ request: Request) async throws -> Response {
    let parameters = request.uri.queryParameters
    var query = ReportQuery()
    query.village = parameters["village"].map(String.init)
    if let text = parameters["category"],
      case .category(let value) = try Self.parse(
        String(text), as: .category)
    {
      query.category = value
    }
    if let text = parameters["status"],
      case .status(let value) = try Self.parse(
        String(text), as: .status)
    {
      query.status = value
    }
    if let text = parameters["urgency"],
      case .urgency(let value) = try Self.parse(
        String(text), as: .urgency)
    {
      query.urgency = value
    }
    query.conflictedOnly = parameters["conflicted"] == "true"
    query.includeDeleted = parameters["all"] == "true"
    query.text = parameters["search"].map(String.init)
    if let text = parameters["limit"] {
      guard let limit = Int(text), limit >= 0 else {
        throw APIError.malformed("limit must be 0 (all) or more", field: "limit")
      }
      query.limit = limit == 0 ? nil : limit
    }
    let filters = query
    let reports = try await storage { () async throws(StoreError) in
      try await store.reports(filters)
    }
    return JSONResponse.make(.object(["reports": .array(reports.map(\.json))]))
  }

  /// One report's whole state with its version, and the devices that wrote to it by name, so
  /// `township conflict show` can put every concurrent value side by side.
  private func report(_ context: TownshipContext) async throws -> Response {
    let state = try await reportState(context)
    let names = try await storage { () async throws(StoreError) in try await store.replicaNames() }
    var writers = Set(Field.valueFields.flatMap { state[$0].entries.map(\.dot.replica) })
    writers.formUnion(state.deletion.entries.map(\.dot.replica))
    writers.formUnion(state.notes.notes.map(\.dot.replica))
    return JSONResponse.make(
      .object([
        "id": .string(state.id.description), "version": .string(state.version),
        "state": state.json,
        "devices": .array(writers.sorted().map { Self.device($0, names) }),
      ]))
  }

  private func resolve(_ request: Request, _ context: TownshipContext) async throws -> Response {
    let administrator = context.principal?.name ?? ""
    let id = try await reportID(context)
    let body = try await JSONBody.read(request)
    let expected = try body.string("expect")
    let reason = try body.members["reason"] == nil ? "" : body.string("reason")
    let resolution: Resolution
    if body.members["all_from"] != nil {
      if let other = ["coordinates", "field", "pick", "value"].first(where: {
        body.members[$0] != nil
      }) {
        throw APIError.malformed(
          "all_from decides every conflicting field by itself; leave out \(other)", field: other)
      }
      let selector = try body.string("all_from")
      let device = try await storage { () async throws(StoreError) in
        try await store.findDevice(selector)
      }
      resolution = .allFrom(device.replica, device: device.name)
    } else {
      let name = try body.string("field")
      guard let field = Field(rawValue: name) else {
        throw APIError(
          .badRequest, code: "unknown_field", message: "no field is called \(name)", field: "field")
      }
      switch (body.members["pick"], body.members["value"], body.members["coordinates"]) {
      case (.integer(let pick)?, nil, nil): resolution = .pick(field, Int(pick))
      case (nil, .string(let value)?, nil): resolution = .value(field, value)
      case (nil, let value, .string(let coordinates)?) where field == .location:
        guard case .string(let text) = value ?? .string("") else {
          throw APIError.malformed("value must be a string", field: "value")
        }
        resolution = .value(field, text, coordinates: coordinates)
      case (_, _, .some):
        throw APIError.malformed(
          "coordinates (a string LATITUDE,LONGITUDE) go with field location and no pick",
          field: "coordinates")
      default:
        throw APIError.malformed(
          "give either pick (a number) or value (a string) with field, or all_from alone")
      }
    }
    let outcome = try await storage { () async throws(StoreError) in
      try await store.resolve(
        id, resolution, expecting: expected, by: administrator, reason: reason, now: clock())
    }
    return JSONResponse.make(
      .object([
        "id": .string(id.description), "version": .string(outcome.state.version),
        "resolved": .array(outcome.resolved.map { .string($0.rawValue) }),
        "remaining": .array(outcome.remaining.map { .string($0.rawValue) }),
        "changes": .array(outcome.dots.map(\.json)),
      ]))
  }

  private func export(_ request: Request, _ context: TownshipContext) async throws -> Response {
    let includeDeleted = request.uri.queryParameters["all"] == "true"
    let administrator = context.principal?.name ?? ""
    // Reports name people: who took a copy of all of them goes into the trail with it.
    let states = try await storage { () async throws(StoreError) in
      try await store.export(includeDeleted: includeDeleted, by: administrator, now: clock())
    }.map(\.json)
    return JSONResponse.make(.object(["reports": .array(states)]))
  }

  func reportID(_ context: TownshipContext) async throws -> ReportID {
    let text = context.parameters.get("id") ?? ""
    return try await storage { () async throws(StoreError) in
      try await store.reportID(matching: text)
    }
  }

  private func reportState(_ context: TownshipContext) async throws -> ReportState {
    let id = try await reportID(context)
    guard
      let state = try await storage({ () async throws(StoreError) in try await store.report(id) })
    else { throw APIError.from(.unknownReport(id.description)) }
    return state
  }

  static func device(
    _ replica: ReplicaID, _ names: [ReplicaID: ReplicaName]
  ) -> JSONValue {
    let known = names[replica]
    return .object([
      "replica": .string(replica.description),
      "device": known.map { .string($0.device) } ?? .null,
      "name": .string(known?.name ?? "device \(replica.description.prefix(8))"),
    ])
  }

  private static func parse(_ text: String, as field: Field) throws -> FieldValue {
    do { return try FieldValue.parse(text, for: field) } catch {
      throw APIError(
        .badRequest, code: error.problem.code, message: error.description, field: field.rawValue)
    }
  }
}
