import Foundation
import Hummingbird
import LiaisonCodec
import LiaisonMerge
import LiaisonTownship
import LiaisonWire

/// The endpoints of `protocol/sync.md`: health, enrolment, push, pull, and issuing codes.
struct SyncController: Sendable {
  let store: any TownshipStorage
  let clock: @Sendable () -> Int64
  /// The pin of the certificate this server serves with, which an enrolment code's answer
  /// carries for the link; nil without TLS.
  let pin: CertificatePin?

  /// Routes that need no credential.
  func addOpenRoutes(to group: RouterGroup<TownshipContext>) {
    group.get("health") { _, _ in
      let server = try await storage { () async throws(StoreError) in
        try await store.serverReplica()
      }
      return JSONResponse.make(HealthAnswer(server: server).json)
    }
    group.post("enroll") { request, _ in try await enroll(request) }
  }

  /// Routes behind ``AuthenticationMiddleware``.
  func addAuthenticatedRoutes(to group: RouterGroup<TownshipContext>) {
    group.post("push") { request, context in try await push(request, context) }
    group.post("key") { request, context in try await bindKey(request, context) }
    group.get("pull") { request, context in try await pull(request, context) }
    group.post("admin/enrollments") { request, context in
      try await issueEnrollment(request, context)
    }
  }

  private func enroll(_ request: Request) async throws -> Response {
    let json = try await JSONBody.read(request).value
    let body = try APIError.reading { () throws(WireShapeError) in try EnrollRequest(json: json) }
    let enrolled = try await storage { () async throws(StoreError) in
      try await store.enroll(code: body.code, replica: body.replica, key: body.key, now: clock())
    }
    return JSONResponse.make(
      EnrollAnswer(
        device: enrolled.device.id, token: enrolled.token, name: enrolled.device.name,
        villages: enrolled.device.villages, server: enrolled.server, serverKey: enrolled.serverKey
      ).json)
  }

  /// A device enrolled before changes were signed sends its key, once.
  private func bindKey(_ request: Request, _ context: TownshipContext) async throws -> Response {
    let device = try Self.device(context)
    let json = try await JSONBody.read(request).value
    let body = try APIError.reading { () throws(WireShapeError) in try KeyBindRequest(json: json) }
    let (server, serverKey) = try await storage { () async throws(StoreError) in
      try await store.bindKey(
        body.key, unsignedThrough: body.unsignedThrough, for: device, now: clock())
      return (try await store.serverReplica(), try await store.serverKey())
    }
    return JSONResponse.make(KeyBindAnswer(server: server, serverKey: serverKey).json)
  }

  private func push(_ request: Request, _ context: TownshipContext) async throws -> Response {
    let device = try Self.device(context)
    let body = try await JSONBody.bytes(request)
    let outcome = try await storage { () async throws(StoreError) in
      // Parsed and decoded into typed changes on a thread of the batch's own while the
      // storage applies the changes before them; a body that is not a push is refused whole.
      try await store.push(
        PushBatch(body: body, limit: SyncLimits.maximumPushChanges, binding: device.binding),
        from: device, now: clock())
    }
    return JSONResponse.make(outcome.json)
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
    return Response(
      status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(
        byteBuffer: ByteBuffer(
          bytes: PullAnswer.encode(
            bodies: page.bodies, cursor: String(page.cursor), more: page.more, keys: page.keys))))
  }

  private func issueEnrollment(_ request: Request, _ context: TownshipContext) async throws
    -> Response
  {
    guard case .administrator(let administrator)? = context.principal else {
      throw APIError.from(.access(.forbidden))
    }
    let json = try await JSONBody.read(request).value
    let body = try APIError.reading { () throws(WireShapeError) in
      try EnrollmentRequest(json: json)
    }
    let lifetime = body.expiresInSeconds ?? SyncLimits.defaultEnrollmentSeconds
    guard (60...SyncLimits.maximumEnrollmentSeconds).contains(lifetime) else {
      throw APIError.malformed(
        "expires_in_seconds must be 60 to \(SyncLimits.maximumEnrollmentSeconds)",
        field: "expires_in_seconds")
    }
    // The name is an author's (who the device's writes are attributed to), a village a
    // village's: each with its own limit.
    let checks =
      [("name", body.name, TextLimits.author)]
      + body.villages.map { ("villages", $0, TextLimits.village) }
    for (field, text, limit) in checks {
      do {
        try FieldValue.checkText(text, field: field, maximum: limit, multiline: false)
      } catch {
        throw APIError(
          .badRequest, code: error.problem.code, message: error.description, field: field)
      }
    }
    let now = clock()
    let enrollment = try await storage { () async throws(StoreError) in
      try await store.issueEnrollment(
        name: body.name, villages: body.villages, lifetime: lifetime * 1000, by: administrator,
        now: now)
    }
    return JSONResponse.make(EnrollmentAnswer(enrollment, pin: pin).json, status: .created)
  }

  private static func device(_ context: TownshipContext) throws -> Device {
    guard case .device(let device)? = context.principal else {
      throw APIError(
        .forbidden, code: "forbidden", message: "this endpoint is for enrolled devices")
    }
    return device
  }
}
