import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCodec
import LiaisonMerge
import LiaisonServer
import LiaisonStore
import LiaisonTestKit
import LiaisonTestScratch
import Testing

/// The administrator endpoints in process, through HummingbirdTesting's router mode.
@Suite(.scratch) struct AdminRouterTests {
  let directory = ScratchDirectory.path("township")

  /// A township whose two devices pushed a conflicting title for one report.
  struct Township {
    let store: TownshipStore
    let adminToken: String
    let deviceToken: String
    let report: ReportID
    let application: Application<RouterResponder<TownshipContext>>

    var admin: HTTPFields { [.authorization: "Bearer \(adminToken)"] }
  }

  func township(
    _ editA: ReportEdit = ReportEdit(values: [.title: .text("甲")]),
    _ editB: ReportEdit = ReportEdit(values: [.title: .text("乙")])
  ) throws -> Township {
    let made = try ConflictedStore(in: directory, editA: editA, editB: editB)
    return Township(
      store: made.store, adminToken: made.adminToken, deviceToken: made.devices[0].token,
      report: made.scenario.report,
      application: Application(
        router: buildRouter(store: SQLiteTownshipStorage(made.store), clock: { 1_000 }),
        logger: quietLogger))
  }

  func json(_ buffer: ByteBuffer) throws -> [String: JSONValue] {
    guard case .object(let members) = try JSONValue(parsing: buffer.readableBytesView) else {
      return [:]
    }
    return members
  }

  func body(_ members: [String: JSONValue]) -> ByteBuffer {
    ByteBuffer(bytes: CanonicalJSON.encode(.object(members)))
  }

  /// Every administrator endpoint, with a body that an administrator could send.
  func endpoints(_ town: Township) -> [(String, HTTPRequest.Method, ByteBuffer?)] {
    let id = town.report.description
    return [
      ("/v1/admin/conflicts", .get, nil), ("/v1/admin/reports", .get, nil),
      ("/v1/admin/reports/\(id)", .get, nil), ("/v1/admin/reports/\(id)/audit", .get, nil),
      (
        "/v1/admin/reports/\(id)/resolve", .post,
        body(["expect": .string("x"), "field": .string("title"), "pick": .integer(1)])
      ),
      ("/v1/admin/export", .get, nil), ("/v1/admin/devices", .get, nil),
      ("/v1/admin/revocations", .post, body(["device": .string("王芳")])),
      ("/v1/admin/audit", .get, nil),
      ("/v1/admin/administrators", .post, body(["name": .string("冒充者")])),
      (
        "/v1/admin/enrollments", .post,
        body(["name": .string("x"), "villages": .array([.string("东村")])])
      ),
    ]
  }

  @Test func aDeviceCredentialIsRefusedOnEveryAdministratorEndpoint() async throws {
    let town = try township()
    let before = try town.store.auditTrail()
    try await town.application.test(.router) { client in
      for (uri, method, requestBody) in endpoints(town) {
        let refused = try await client.execute(
          uri: uri, method: method, headers: [.authorization: "Bearer \(town.deviceToken)"],
          body: requestBody)
        #expect(refused.status == .forbidden, "\(method) \(uri)")
        guard case .object(let error)? = try json(refused.body)["error"] else {
          Issue.record("\(method) \(uri): no JSON error body")
          continue
        }
        #expect(error["code"] == .string("forbidden"), "\(method) \(uri)")
        let anonymous = try await client.execute(uri: uri, method: method, body: requestBody)
        #expect(anonymous.status == .unauthorized, "\(method) \(uri)")
      }
    }
    #expect(try town.store.auditTrail() == before)
    #expect(try town.store.devices().allSatisfy { $0.revokedAt == nil })
  }

  @Test func aConflictIsShownThenResolvedOnlyAgainstTheVersionShown() async throws {
    let town = try township()
    try await town.application.test(.router) { client in
      let listed = try json(
        try await client.execute(uri: "/v1/admin/conflicts", method: .get, headers: town.admin)
          .body)
      guard case .array(let conflicts)? = listed["conflicts"],
        case .object(let conflict)? = conflicts.first
      else { throw Unexpected() }
      #expect(conflict["fields"] == .array([.string("title")]))
      guard case .array(let devices)? = conflict["devices"] else { throw Unexpected() }
      let names: [JSONValue] = devices.compactMap { device -> JSONValue? in
        if case .object(let members) = device { members["name"] } else { nil }
      }
      #expect(Set(names) == [.string("李伟"), .string("王芳")])

      let prefix = String(town.report.description.prefix(8))
      let shown = try await client.execute(
        uri: "/v1/admin/reports/\(prefix)", method: .get, headers: town.admin)
      #expect(shown.status == .ok)
      let report = try json(shown.body)
      guard case .string(let version)? = report["version"] else { throw Unexpected() }
      #expect(version.count == 12 && report["state"] != nil)

      let resolve = "/v1/admin/reports/\(prefix)/resolve"
      let refusals: [([String: JSONValue], HTTPResponse.Status, String)] = [
        (
          ["expect": .string("000000000000"), "field": .string("title"), "pick": .integer(2)],
          .conflict, "stale"
        ),
        (
          ["expect": .string(version), "field": .string("colour"), "pick": .integer(2)],
          .badRequest, "unknown_field"
        ),
        (
          ["expect": .string(version), "field": .string("title"), "pick": .integer(7)],
          .badRequest, "no_such_value"
        ),
        (
          ["expect": .string(version), "field": .string("status"), "pick": .integer(1)],
          .badRequest, "not_in_conflict"
        ),
        (["expect": .string(version), "field": .string("title")], .badRequest, "malformed"),
        (["expect": .string(version), "all_from": .string("nobody")], .notFound, "unknown_device"),
        // One form per request: all_from decides alone (sync.md section 6, "One of").
        (
          [
            "expect": .string(version), "all_from": .string("王芳"), "field": .string("title"),
            "pick": .integer(1),
          ], .badRequest, "malformed"
        ),
        (["field": .string("title"), "pick": .integer(1)], .badRequest, "malformed"),
      ]
      for (request, status, code) in refusals {
        let refused = try await client.execute(
          uri: resolve, method: .post, headers: town.admin, body: body(request))
        #expect(refused.status == status, "\(request)")
        guard case .object(let error)? = try json(refused.body)["error"] else { continue }
        #expect(error["code"] == .string(code), "\(request): \(error)")
      }
      #expect(try town.store.replica.report(town.report)?.version == version)

      let resolved = try await client.execute(
        uri: resolve, method: .post, headers: town.admin,
        body: body([
          "expect": .string(version), "all_from": .string("王芳"), "reason": .string("核实"),
        ]))
      #expect(resolved.status == .ok)
      let answer = try json(resolved.body)
      #expect(answer["resolved"] == .array([.string("title")]))
      #expect(answer["remaining"] == .array([]))
      #expect(try town.store.replica.report(town.report)?.value(.title) == .text("乙"))

      let missing = try await client.execute(
        uri: "/v1/admin/reports/ffff", method: .get, headers: town.admin)
      #expect(missing.status == .notFound)
      let trail = try json(
        try await client.execute(
          uri: "/v1/admin/reports/\(prefix)/audit", method: .get, headers: town.admin
        ).body)
      guard case .array(let entries)? = trail["entries"],
        case .array(let changes)? = trail["changes"]
      else { throw Unexpected() }
      #expect(entries.count == 1 && changes.count == 4)
    }
  }

  @Test func administratorsAddOthersAndRevokeDevices() async throws {
    let town = try township()
    try await town.application.test(.router) { client in
      let added = try await client.execute(
        uri: "/v1/admin/administrators", method: .post, headers: town.admin,
        body: body(["name": .string("王主任")]))
      #expect(added.status == .created)
      guard case .string(let token)? = try json(added.body)["token"] else { throw Unexpected() }
      #expect(try town.store.authenticate(token) == .administrator(name: "王主任"))

      let revoked = try await client.execute(
        uri: "/v1/admin/revocations", method: .post, headers: [.authorization: "Bearer \(token)"],
        body: body(["device": .string("李伟"), "reason": .string("设备丢失")]))
      #expect(revoked.status == .ok)
      #expect(throws: StoreError.access(.revoked)) { try town.store.authenticate(town.deviceToken) }
      let devices = try json(
        try await client.execute(uri: "/v1/admin/devices", method: .get, headers: town.admin).body)
      guard case .array(let list)? = devices["devices"] else { throw Unexpected() }
      #expect(list.count == 2)
      let last = try #require(try town.store.auditTrail().last)
      #expect(last.actor == "王主任" && last.action == "revoke device" && last.reason == "设备丢失")

      // A name is taken once, and a device is revoked once: the first time stands.
      let refusals: [(String, [String: JSONValue], String)] = [
        ("/v1/admin/administrators", ["name": .string("王主任")], "name_taken"),
        ("/v1/admin/revocations", ["device": .string("李伟")], "already_revoked"),
      ]
      for (uri, request, code) in refusals {
        let refused = try await client.execute(
          uri: uri, method: .post, headers: town.admin, body: body(request))
        #expect(refused.status == .conflict, "\(uri)")
        guard case .object(let error)? = try json(refused.body)["error"] else { continue }
        #expect(error["code"] == .string(code), "\(uri): \(error)")
      }
      #expect(try town.store.auditTrail().last == last)
    }
  }

  @Test func aReasonIsOneLineOfAtMostAThousandCharacters() async throws {
    let town = try township()
    let version = try #require(try town.store.replica.report(town.report)).version
    let before = try town.store.auditTrail()
    let resolve = "/v1/admin/reports/\(town.report)/resolve"
    let requests: [(String, [String: JSONValue])] = [
      (resolve, ["expect": .string(version), "field": .string("title"), "pick": .integer(1)]),
      ("/v1/admin/revocations", ["device": .string("李伟")]),
      ("/v1/admin/administrators", ["name": .string("王主任")]),
    ]
    let reasons: [(String, String)] = [
      (String(repeating: "因", count: 1001), "too_long"), ("核实\n另有隐情", "control_character"),
      ("\u{1b}[31m", "control_character"), ("   ", "empty"),
    ]
    try await town.application.test(.router) { client in
      for (uri, request) in requests {
        for (reason, code) in reasons {
          var members = request
          members["reason"] = .string(reason)
          let refused = try await client.execute(
            uri: uri, method: .post, headers: town.admin, body: body(members))
          #expect(refused.status == .badRequest, "\(uri) \(code)")
          guard case .object(let error)? = try json(refused.body)["error"] else { continue }
          #expect(error["code"] == .string(code), "\(uri): \(error)")
          #expect(error["field"] == .string("reason"), "\(uri): \(error)")
        }
      }
      #expect(try town.store.auditTrail() == before)
      #expect(try town.store.replica.report(town.report)?.version == version)
      // A thousand characters on one line is a reason like any other.
      var members = requests[0].1
      members["reason"] = .string(String(repeating: "因", count: 1000))
      let accepted = try await client.execute(
        uri: resolve, method: .post, headers: town.admin, body: body(members))
      #expect(accepted.status == .ok)
      #expect(try town.store.auditTrail().last?.reason.count == 1000)
      let added = try await client.execute(
        uri: "/v1/admin/administrators", method: .post, headers: town.admin,
        body: body(["name": .string("王主任"), "reason": .string("乡长任命")]))
      #expect(added.status == .created)
      #expect(try town.store.auditTrail().last?.reason == "乡长任命")
    }
  }

  @Test func aLocationIsResolvedWithItsCoordinates() async throws {
    let town = try township(
      ReportEdit(values: [.location: .location(Location(text: "渠首"))]),
      ReportEdit(values: [.location: .location(Location(text: "渠尾"))]))
    let version = try #require(try town.store.replica.report(town.report)).version
    let resolve = "/v1/admin/reports/\(town.report)/resolve"
    try await town.application.test(.router) { client in
      let refusals: [([String: JSONValue], String)] = [
        (["field": .string("location"), "coordinates": .string("91,0")], "invalid_coordinates"),
        (["field": .string("title"), "coordinates": .string("31,121")], "malformed"),
        (
          ["field": .string("location"), "pick": .integer(1), "coordinates": .string("31,121")],
          "malformed"
        ),
      ]
      for (request, code) in refusals {
        var members = request
        members["expect"] = .string(version)
        let refused = try await client.execute(
          uri: resolve, method: .post, headers: town.admin, body: body(members))
        #expect(refused.status == .badRequest, "\(request)")
        guard case .object(let error)? = try json(refused.body)["error"] else { continue }
        #expect(error["code"] == .string(code), "\(request): \(error)")
      }
      let resolved = try await client.execute(
        uri: resolve, method: .post, headers: town.admin,
        body: body([
          "expect": .string(version), "field": .string("location"), "value": .string("渠中"),
          "coordinates": .string("31.2304,121.4737"),
        ]))
      #expect(resolved.status == .ok)
    }
    let state = try #require(try town.store.replica.report(town.report))
    #expect(!state.isConflicted)
    #expect(
      state.value(.location)
        == .location(Location(text: "渠中", latitudeE7: 312_304_000, longitudeE7: 1_214_737_000)))
  }
}

/// An answer that was not the shape the test needs.
private struct Unexpected: Error {}
