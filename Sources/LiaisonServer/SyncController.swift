import Foundation
import Hummingbird
import LiaisonCodec
import LiaisonMerge
import LiaisonTownship

/// The endpoints of `protocol/sync.md`: health, enrolment, push, pull, and issuing codes.
struct SyncController: Sendable {
  let store: any TownshipStorage
  let clock: @Sendable () -> Int64

  /// Routes that need no credential.
  func addOpenRoutes(to group: RouterGroup<TownshipContext>) {
    group.get("health") { _, _ in
      let server = try await storage { () async throws(StoreError) in
        try await store.serverReplica()
      }
      return JSONResponse.make(
        .object([
          "status": .string("ok"), "protocol": .array([.integer(1)]),
          "server": .string(server.description),
        ]))
    }
    group.post("enroll") { request, _ in try await enroll(request) }
  }

  /// Routes behind ``AuthenticationMiddleware``.
  func addAuthenticatedRoutes(to group: RouterGroup<TownshipContext>) {
    group.post("push") { request, context in try await push(request, context) }
    group.get("pull") { request, context in try await pull(request, context) }
    group.post("admin/enrollments") { request, context in
      try await issueEnrollment(request, context)
    }
  }

  private func enroll(_ request: Request) async throws -> Response {
    let body = try await JSONBody.read(request)
    let code = try body.string("code")
    guard let replica = ReplicaID(try body.string("replica")) else {
      throw APIError(
        .badRequest, code: "invalid_id", message: "replica must be 32 lowercase hexadecimal digits",
        field: "replica")
    }
    let enrolled = try await storage { () async throws(StoreError) in
      try await store.enroll(code: code, replica: replica, now: clock())
    }
    return JSONResponse.make(
      .object([
        "device": .string(enrolled.device.id), "token": .string(enrolled.token),
        "name": .string(enrolled.device.name),
        "villages": .array(enrolled.device.villages.map { .string($0) }),
        "server": .string(enrolled.server.description),
      ]))
  }

  private func push(_ request: Request, _ context: TownshipContext) async throws -> Response {
    let device = try Self.device(context)
    let body = try await JSONBody.read(request)
    guard case .array(let items)? = body.members["changes"] else {
      throw APIError.malformed("the body must be {\"changes\": [change, ...]}", field: "changes")
    }
    guard items.count <= SyncLimits.maximumPushChanges else {
      throw APIError(
        .contentTooLarge, code: "too_large",
        message: "at most \(SyncLimits.maximumPushChanges) changes per push")
    }
    let outcome = try await storage { () async throws(StoreError) in
      // Decoded into typed changes on a thread of the batch's own while the storage applies
      // the changes before them.
      try await store.push(PushBatch(items), from: device, now: clock())
    }
    return JSONResponse.make(
      .object([
        "accepted": .integer(Int64(outcome.accepted)),
        "duplicates": .integer(Int64(outcome.duplicates)),
        "rejected": .array(
          outcome.rejected.map { rejection in
            var members: [String: JSONValue] = [
              "index": .integer(Int64(rejection.index)), "code": .string(rejection.code),
              "message": .string(rejection.message),
            ]
            if let dot = rejection.dot { members["dot"] = dot.json }
            if let field = rejection.field { members["field"] = .string(field) }
            return .object(members)
          }),
      ]))
  }

  private func pull(_ request: Request, _ context: TownshipContext) async throws -> Response {
    let device = try Self.device(context)
    let parameters = request.uri.queryParameters
    var cursor: Int64 = 0
    if let text = parameters["after"] {
      guard let value = Int64(text), value >= 0 else {
        throw APIError.malformed(
          "after must be a cursor returned by an earlier pull", field: "after")
      }
      cursor = value
    }
    var limit = SyncLimits.defaultPullChanges
    if let text = parameters["limit"] {
      guard let value = Int(text), (1...SyncLimits.maximumPullChanges).contains(value) else {
        throw APIError.malformed(
          "limit must be 1 to \(SyncLimits.maximumPullChanges)", field: "limit")
      }
      limit = value
    }
    let (after, pageSize, now) = (cursor, limit, clock())
    let page = try await storage { () async throws(StoreError) in
      try await store.pull(after: after, limit: pageSize, for: device)
    }
    // For `township devices` (changes pending); bookkeeping that must never fail a pull.
    if !page.more {
      do { try await store.recordPull(by: device, through: page.cursor, now: now) } catch {}
    }
    // The page is spliced from the logged bytes, members in canonical order, instead of
    // decoding each change only to encode it again.
    var buffer = ByteBuffer()
    buffer.reserveCapacity(page.bodies.reduce(64) { $0 + $1.count + 1 })
    buffer.writeString(#"{"changes":["#)
    for (index, body) in page.bodies.enumerated() {
      if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
      buffer.writeBytes(body)
    }
    buffer.writeString(#"],"cursor":""# + String(page.cursor) + #"","more":"#)
    buffer.writeString(page.more ? "true}" : "false}")
    return Response(
      status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: buffer))
  }

  private func issueEnrollment(_ request: Request, _ context: TownshipContext) async throws
    -> Response
  {
    guard case .administrator(let administrator)? = context.principal else {
      throw APIError.from(.access(.forbidden))
    }
    let body = try await JSONBody.read(request)
    let name = try body.string("name")
    guard case .array(let items)? = body.members["villages"], !items.isEmpty else {
      throw APIError.malformed(
        "villages must be a non-empty array of village names", field: "villages")
    }
    let villages = try items.map { item throws(APIError) in
      guard case .string(let village) = item else {
        throw APIError.malformed("villages must be strings", field: "villages")
      }
      return village
    }
    var lifetime = SyncLimits.defaultEnrollmentSeconds
    if let value = body.members["expires_in_seconds"] {
      guard case .integer(let seconds) = value,
        (60...SyncLimits.maximumEnrollmentSeconds).contains(seconds)
      else {
        throw APIError.malformed(
          "expires_in_seconds must be 60 to \(SyncLimits.maximumEnrollmentSeconds)",
          field: "expires_in_seconds")
      }
      lifetime = seconds
    }
    for (field, text) in [("name", name)] + villages.map({ ("villages", $0) }) {
      do {
        try FieldValue.checkText(text, field: field, maximum: TextLimits.village, multiline: false)
      } catch {
        throw APIError(
          .badRequest, code: error.problem.code, message: error.description, field: field)
      }
    }
    let (milliseconds, now) = (lifetime * 1000, clock())
    let enrollment = try await storage { () async throws(StoreError) in
      try await store.issueEnrollment(
        name: name, villages: villages, lifetime: milliseconds, by: administrator, now: now)
    }
    return JSONResponse.make(
      .object([
        "code": .string(enrollment.code), "name": .string(name),
        "villages": .array(villages.map { .string($0) }),
        "expires_at": .integer(enrollment.expiresAt),
      ]), status: .created)
  }

  private static func device(_ context: TownshipContext) throws -> Device {
    guard case .device(let device)? = context.principal else {
      throw APIError(
        .forbidden, code: "forbidden", message: "this endpoint is for enrolled devices")
    }
    return device
  }

}

/// A JSON object body read within the protocol's size limit.
struct JSONBody {
  let members: [String: JSONValue]

  static func read(_ request: Request) async throws -> JSONBody {
    let buffer: ByteBuffer
    do {
      buffer = try await request.body.collect(upTo: SyncLimits.maximumBodyBytes)
    } catch {
      throw APIError(
        .contentTooLarge, code: "too_large",
        message: "the body is over \(SyncLimits.maximumBodyBytes) bytes")
    }
    let value: JSONValue
    do {
      value = try JSONValue(parsing: buffer.readableBytesView)
    } catch {
      throw APIError.malformed("the body is not valid JSON: \(error.problem)")
    }
    guard case .object(let members) = value else {
      throw APIError.malformed("the body must be a JSON object")
    }
    return JSONBody(members: members)
  }

  func string(_ key: String) throws -> String {
    guard case .string(let text)? = members[key] else {
      throw APIError.malformed("\(key) must be a string", field: key)
    }
    return text
  }
}
