import Foundation
import Hummingbird
import LiaisonCodec
import LiaisonMerge
import LiaisonTownship

extension AdminController {
  /// Devices, revocations, the audit trail and administrators.
  func addDeviceRoutes(to group: RouterGroup<TownshipContext>) {
    group.get("devices") { _, _ in try await devices() }
    group.post("revocations") { request, context in try await revoke(request, context) }
    group.get("audit") { request, _ in try await audit(request) }
    group.post("administrators") { request, context in
      try await addAdministrator(request, context)
    }
  }

  private func devices() async throws -> Response {
    let devices = try await storage { () async throws(StoreError) in try await store.devices() }
    return JSONResponse.make(
      .object([
        "devices": .array(
          devices.map { summary in
            .object([
              "id": .string(summary.device.id), "name": .string(summary.device.name),
              "replica": .string(summary.device.replica.description),
              "villages": .array(summary.device.villages.map { .string($0) }),
              "enrolled": .integer(summary.enrolledAt),
              "last_seen": summary.lastSeenAt.map { .integer($0) } ?? .null,
              "revoked": summary.revokedAt.map { .integer($0) } ?? .null,
              "pending": .integer(Int64(summary.pending)),
              "key": summary.device.key.map { .string($0.fingerprint) } ?? .null,
            ])
          })
      ]))
  }

  private func revoke(_ request: Request, _ context: TownshipContext) async throws -> Response {
    let body = try await JSONBody.read(request)
    let selector = try body.string("device")
    let reason = try body.members["reason"] == nil ? "" : body.string("reason")
    let now = clock()
    let device = try await storage { () async throws(StoreError) in
      let device = try await store.findDevice(selector)
      try await store.revoke(
        device: device.id, by: context.principal?.name ?? "", reason: reason, now: now)
      return device
    }
    return JSONResponse.make(
      .object([
        "device": .string(device.id), "replica": .string(device.replica.description),
        "name": .string(device.name), "revoked": .integer(now),
      ]))
  }

  private func audit(_ request: Request) async throws -> Response {
    let subject = request.uri.queryParameters["subject"].map(String.init)
    let entries = try await storage { () async throws(StoreError) in
      try await store.auditTrail(subject: subject)
    }
    return JSONResponse.make(.object(["entries": .array(entries.map(Self.json))]))
  }

  /// A report's whole trail: every change to it as the server received it, and every
  /// administrator action about it.
  func reportAudit(_ context: TownshipContext) async throws -> Response {
    let id = try await reportID(context)
    let (entries, history, names) = try await storage { () async throws(StoreError) in
      (
        try await store.auditTrail(subject: id.description), try await store.history(of: id),
        try await store.replicaNames()
      )
    }
    return JSONResponse.make(
      .object([
        "id": .string(id.description), "entries": .array(entries.map(Self.json)),
        "changes": .array(
          history.map { entry in
            var members: [String: JSONValue] = [
              "sequence": .integer(entry.sequence),
              "replica": .string(entry.dot.replica.description),
              "device": .string(names[entry.dot.replica]?.name ?? ""),
              "author": .string(entry.attribution.author), "time": .integer(entry.attribution.time),
              "signed": .bool(entry.signed),
              "fields": .object(
                Dictionary(
                  uniqueKeysWithValues: entry.fields.map {
                    ($0.field.rawValue, .object(["old": $0.old.json, "new": $0.new.json]))
                  })),
            ]
            if let note = entry.note { members["note"] = .string(note) }
            if let deleting = entry.deleting { members["deleted"] = .bool(deleting) }
            return .object(members)
          }),
      ]))
  }

  private func addAdministrator(_ request: Request, _ context: TownshipContext) async throws
    -> Response
  {
    let body = try await JSONBody.read(request)
    let name = try body.string("name")
    do {
      try FieldValue.checkText(name, field: "name", maximum: TextLimits.author, multiline: false)
    } catch {
      throw APIError(
        .badRequest, code: error.problem.code, message: error.description, field: "name")
    }
    let reason = try body.members["reason"] == nil ? "" : body.string("reason")
    let token = try await storage { () async throws(StoreError) in
      try await store.addAdministrator(
        name, by: context.principal?.name ?? "", reason: reason, now: clock())
    }
    return JSONResponse.make(
      .object(["name": .string(name), "token": .string(token)]), status: .created)
  }

  static func json(_ entry: AuditEntry) -> JSONValue {
    .object([
      "sequence": .integer(entry.sequence), "time": .integer(entry.time),
      "actor": .string(entry.actor), "action": .string(entry.action),
      "subject": .string(entry.subject), "detail": .string(entry.detail),
      "reason": .string(entry.reason),
    ])
  }
}
