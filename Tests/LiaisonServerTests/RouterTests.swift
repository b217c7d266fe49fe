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

/// The sync endpoints in process, through HummingbirdTesting's router mode.
@Suite(.scratch) struct RouterTests {
  let directory = ScratchDirectory.path("township")
  let deviceReplica = Fixtures.replica(0xd1)

  struct Server {
    let store: TownshipStore
    let adminToken: String
    let application: Application<RouterResponder<TownshipContext>>
  }

  func server() throws -> Server {
    let (store, token) = try TownshipStore.create(in: directory, administrator: "管理员", now: 0)
    return Server(
      store: store, adminToken: token,
      application: Application(router: buildRouter(store: store), logger: quietLogger))
  }

  func json(_ buffer: ByteBuffer) throws -> [String: JSONValue] {
    guard case .object(let members) = try JSONValue(parsing: buffer.readableBytesView) else {
      return [:]
    }
    return members
  }

  func body(_ value: JSONValue) -> ByteBuffer {
    ByteBuffer(bytes: CanonicalJSON.encode(value))
  }

  /// Issues a code as the administrator and enrols a device with it; returns the device token.
  func enrol(_ client: some TestClientProtocol, _ server: Server, villages: [String] = ["东村"])
    async throws -> String
  {
    let issued = try await client.execute(
      uri: "/v1/admin/enrollments", method: .post,
      headers: [.authorization: "Bearer \(server.adminToken)"],
      body: body(
        .object(["name": .string("李伟"), "villages": .array(villages.map { .string($0) })])))
    #expect(issued.status == .created)
    guard case .string(let code)? = try json(issued.body)["code"] else { throw TestFailure() }
    let enrolled = try await client.execute(
      uri: "/v1/enroll", method: .post,
      body: body(.object(["code": .string(code), "replica": .string(deviceReplica.description)])))
    #expect(enrolled.status == .ok)
    guard case .string(let token)? = try json(enrolled.body)["token"] else { throw TestFailure() }
    return token
  }

  func change(counter: UInt64, village: String = "东村", report: Int = 1) throws -> JSONValue {
    var state = ReportState(id: Fixtures.report(report))
    return try state.write(
      ReportEdit(values: [
        .village: .text(village), .category: .category(.visit), .title: .text("走访 \(counter)"),
      ]),
      dot: Dot(replica: deviceReplica, counter: counter), attribution: Fixtures.author("李伟")
    ).json
  }

  @Test func enrolPushAndPullRoundTrip() async throws {
    let server = try server()
    try await server.application.test(.router) { client in
      let token = try await enrol(client, server)
      let auth: HTTPFields = [.authorization: "Bearer \(token)"]
      let pushed = try await client.execute(
        uri: "/v1/push", method: .post, headers: auth,
        body: body(
          .object([
            "changes": .array([
              try change(counter: 1), try change(counter: 2, village: "西村", report: 2),
            ])
          ])))
      #expect(pushed.status == .ok)
      let outcome = try json(pushed.body)
      #expect(outcome["accepted"] == .integer(1))
      guard case .array(let rejected)? = outcome["rejected"],
        case .object(let first)? = rejected.first
      else {
        Issue.record("no rejection in \(outcome)")
        return
      }
      #expect(first["code"] == .string("out_of_scope"))
      #expect(first["index"] == .integer(1))
      #expect(try server.store.replica.report(Fixtures.report(1)) != nil)

      let pulled = try await client.execute(uri: "/v1/pull?limit=10", method: .get, headers: auth)
      #expect(pulled.status == .ok)
      #expect(try json(pulled.body)["more"] == .bool(false))
    }
  }

  @Test func everyBadRequestGetsA4xxJSONBodyAndChangesNothing() async throws {
    let server = try server()
    try await server.application.test(.router) { client in
      let token = try await enrol(client, server)
      let auth: HTTPFields = [.authorization: "Bearer \(token)"]
      let cases:
        [(String, HTTPRequest.Method, HTTPFields, ByteBuffer?, HTTPResponse.Status, String)] = [
          ("/v1/push", .post, auth, ByteBuffer(string: "{not json"), .badRequest, "malformed"),
          (
            "/v1/push", .post, auth, ByteBuffer(string: #"{"changes": 3}"#), .badRequest,
            "malformed"
          ),
          ("/v1/push", .post, auth, ByteBuffer(string: "[]"), .badRequest, "malformed"),
          (
            "/v1/push", .post, [:], body(.object(["changes": .array([])])), .unauthorized,
            "unauthenticated"
          ),
          (
            "/v1/push", .post, [.authorization: "Bearer lsn_nope"],
            body(.object(["changes": .array([])])), .unauthorized, "unauthenticated"
          ),
          ("/v1/pull?after=-4", .get, auth, nil, .badRequest, "malformed"),
          (
            "/v1/pull", .get,
            [.authorization: "Bearer \(token)", HTTPField.Name("Liaison-Protocol")!: "2"], nil,
            .badRequest, "unsupported_protocol"
          ),
          ("/v1/pull?limit=100000", .get, auth, nil, .badRequest, "malformed"),
          (
            "/v1/admin/enrollments", .post, auth,
            body(.object(["name": .string("x"), "villages": .array([.string("东村")])])), .forbidden,
            "forbidden"
          ),
          (
            "/v1/enroll", .post, [:],
            body(
              .object([
                "code": .string("wrong"), "replica": .string(Fixtures.replica(7).description),
              ])), .unauthorized, "invalid_code"
          ),
          (
            "/v1/enroll", .post, [:],
            body(.object(["code": .string("wrong"), "replica": .string("XYZ")])), .badRequest,
            "invalid_id"
          ),
          (
            "/v1/push", .post, auth,
            ByteBuffer(bytes: [UInt8](repeating: 0x20, count: SyncLimits.maximumBodyBytes + 1)),
            .contentTooLarge, "too_large"
          ),
        ]
      for (uri, method, headers, requestBody, status, code) in cases {
        let response = try await client.execute(
          uri: uri, method: method, headers: headers, body: requestBody)
        #expect(response.status == status, "\(method) \(uri)")
        guard case .object(let error)? = try json(response.body)["error"] else {
          Issue.record("\(method) \(uri): no JSON error body")
          continue
        }
        #expect(error["code"] == .string(code), "\(method) \(uri): \(error)")
      }
      #expect(try server.store.replica.status().changes == 0)
    }
  }

  @Test func invalidChangesAreRejectedAloneWithTheirReasons() async throws {
    let server = try server()
    try await server.application.test(.router) { client in
      let token = try await enrol(client, server)
      guard case .object(var bad) = try change(counter: 1) else { return }
      bad["dot"] = .array([.string(deviceReplica.description), .integer(-2)])
      let response = try await client.execute(
        uri: "/v1/push", method: .post, headers: [.authorization: "Bearer \(token)"],
        body: body(
          .object(["changes": .array([.object(bad), .string("nested"), try change(counter: 1)])])))
      let outcome = try json(response.body)
      #expect(outcome["accepted"] == .integer(1))
      guard case .array(let rejected)? = outcome["rejected"] else { return }
      #expect(rejected.count == 2)
    }
  }
}
struct TestFailure: Error {}
