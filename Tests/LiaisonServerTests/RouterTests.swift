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
      application: Application(
        router: buildRouter(store: SQLiteTownshipStorage(store)), logger: quietLogger))
  }

  func json(_ buffer: ByteBuffer) throws -> [String: JSONValue] {
    guard case .object(let members) = try JSONValue(parsing: buffer.readableBytesView) else {
      throw TestFailure("not a JSON object: \(String(buffer: buffer))")
    }
    return members
  }

  func body(_ value: JSONValue) -> ByteBuffer {
    ByteBuffer(bytes: CanonicalJSON.encode(value))
  }

  /// Issues a code as the administrator and enrols a device with it; returns the device token.
  func enrol(
    _ client: some TestClientProtocol, _ server: Server, villages: [String] = ["东村"],
    replica: ReplicaID? = nil
  ) async throws -> String {
    let replica = replica ?? deviceReplica
    let code = try await issueCode(client, server, villages: villages)
    let enrolled = try await postEnroll(
      client, code: code, key: Self.key(of: replica).publicKey.base64, replica: replica)
    #expect(enrolled.status == .ok)
    guard case .string(let token)? = try json(enrolled.body)["token"] else { throw TestFailure() }
    return token
  }

  /// Issues an enrolment code as the administrator.
  func issueCode(
    _ client: some TestClientProtocol, _ server: Server, name: String = "李伟",
    villages: [String] = ["东村"]
  ) async throws -> String {
    let issued = try await client.execute(
      uri: "/v1/admin/enrollments", method: .post,
      headers: [.authorization: "Bearer \(server.adminToken)"],
      body: body(
        .object(["name": .string(name), "villages": .array(villages.map { .string($0) })])))
    #expect(issued.status == .created)
    guard case .string(let code)? = try json(issued.body)["code"] else { throw TestFailure() }
    return code
  }

  /// `POST /v1/enroll` with `code`, the base64 `key` and `replica`.
  func postEnroll(
    _ client: some TestClientProtocol, code: String, key: String, replica: ReplicaID
  ) async throws -> TestResponse {
    try await client.execute(
      uri: "/v1/enroll", method: .post,
      body: body(
        .object([
          "code": .string(code), "key": .string(key), "replica": .string(replica.description),
        ])))
  }

  /// A change by the test device, signed with its key.
  func change(counter: UInt64, village: String = "东村", report: Int = 1) throws -> JSONValue {
    var state = ReportState(id: Fixtures.report(report))
    let change = try state.write(
      ReportEdit(values: [
        .village: .text(village), .category: .category(.visit), .title: .text("走访 \(counter)"),
      ]),
      dot: Dot(replica: deviceReplica, counter: counter), attribution: Fixtures.author("李伟"))
    return Self.key(of: deviceReplica).sign(change).json
  }

  /// Each test device's key: fixed by its replica id, so signatures repeat from run to run.
  static func key(of replica: ReplicaID) -> SigningKey {
    TestKeys.key(UInt8(truncatingIfNeeded: replica.low))
  }

  /// One device pushes, another pulls: the second receives exactly the first's accepted
  /// change, byte for byte, and the first's refused one nowhere.
  @Test func enrolPushAndPullRoundTrip() async throws {
    let server = try server()
    try await server.application.test(.router) { client in
      let token = try await enrol(client, server)
      let other = try await enrol(client, server, replica: Fixtures.replica(0xd2))
      let accepted = try change(counter: 1)
      let pushed = try await client.execute(
        uri: "/v1/push", method: .post, headers: [.authorization: "Bearer \(token)"],
        body: body(
          .object([
            "changes": .array([accepted, try change(counter: 2, village: "西村", report: 2)])
          ])))
      #expect(pushed.status == .ok)
      let outcome = try json(pushed.body)
      #expect(outcome["accepted"] == .integer(1))
      #expect(outcome["duplicates"] == .integer(0))
      let rejected = try #require(outcome["rejected"]?.arrayValue)
      #expect(rejected.count == 1)
      let first = try #require(rejected.first?.objectValue)
      #expect(first["code"] == .string("out_of_scope"))
      #expect(first["index"] == .integer(1))
      #expect(try server.store.replica.report(Fixtures.report(1)) != nil)

      let pulled = try await client.execute(
        uri: "/v1/pull?limit=10", method: .get, headers: [.authorization: "Bearer \(other)"])
      #expect(pulled.status == .ok)
      let page = try json(pulled.body)
      #expect(page["more"] == .bool(false))
      let changes = try #require(page["changes"]?.arrayValue)
      #expect(changes.map(CanonicalJSON.encode) == [CanonicalJSON.encode(accepted)])
      guard case .string(let cursor)? = page["cursor"] else {
        throw TestFailure("no cursor in \(page)")
      }
      let again = try await client.execute(
        uri: "/v1/pull?after=\(cursor)", method: .get,
        headers: [.authorization: "Bearer \(other)"])
      #expect(try json(again.body)["changes"] == .array([]))
    }
  }

  /// sync.md section 3: every change judged moves the device's counter on, refused or not. A
  /// device does not send a refused change again, so a refusal that did not count made its
  /// next change a "skip" and refused every later write of that liaison, for good.
  @Test func aRefusedChangeDoesNotBlockTheDevicesLaterChanges() async throws {
    let server = try server()
    try await server.application.test(.router) { client in
      let auth: HTTPFields = [.authorization: "Bearer \(try await enrol(client, server))"]
      guard case .object(var tooLong) = try change(counter: 1),
        case .object(var fields)? = tooLong["fields"]
      else { throw TestFailure("a change is an object") }
      fields["title"] = .object([
        "seen": .object([:]), "value": .string(String(repeating: "长", count: 300)),
      ])
      tooLong["fields"] = .object(fields)
      // A client of another version: a member this server does not define.
      guard case .object(var newer) = try change(counter: 3, report: 3) else {
        throw TestFailure("a change is an object")
      }
      newer["attachments"] = .array([])
      let batches: [[JSONValue]] = [
        [.object(tooLong)], [try change(counter: 2, report: 2)], [.object(newer)],
        [try change(counter: 4, report: 4)],
      ]
      var codes: [String] = []
      for batch in batches {
        let response = try await client.execute(
          uri: "/v1/push", method: .post, headers: auth,
          body: body(.object(["changes": .array(batch)])))
        let outcome = try json(response.body)
        let rejected = try #require(outcome["rejected"]?.arrayValue)
        codes += try rejected.map { try #require($0.objectValue?["code"]?.stringValue) }
        if let dot = rejected.first?.objectValue?["dot"] {
          #expect(dot == batch[0].objectValue?["dot"])
        }
      }
      #expect(codes == ["too_long", "unknown_field"])
      #expect(try server.store.replica.report(Fixtures.report(2)) != nil)
      #expect(try server.store.replica.report(Fixtures.report(4)) != nil)
      #expect(try server.store.replica.status().changes == 2)
    }
  }

  /// merge.md section 1: a report begins with its village, category and title.
  @Test func aNewReportMustSetVillageCategoryAndTitle() async throws {
    let server = try server()
    try await server.application.test(.router) { client in
      let auth: HTTPFields = [.authorization: "Bearer \(try await enrol(client, server))"]
      var state = ReportState(id: Fixtures.report(9))
      let villageOnly = try state.write(
        ReportEdit(values: [.village: .text("东村")]),
        dot: Dot(replica: deviceReplica, counter: 1), attribution: Fixtures.author("李伟"))
      var other = ReportState(id: Fixtures.report(10))
      let noTitle = try other.write(
        ReportEdit(values: [.village: .text("东村"), .category: .category(.hazard)]),
        dot: Dot(replica: deviceReplica, counter: 2), attribution: Fixtures.author("李伟"))
      let response = try await client.execute(
        uri: "/v1/push", method: .post, headers: auth,
        body: body(
          .object([
            "changes": .array([
              Self.key(of: deviceReplica).sign(villageOnly).json,
              Self.key(of: deviceReplica).sign(noTitle).json,
            ])
          ])))
      let rejected = try #require(try json(response.body)["rejected"]?.arrayValue)
      #expect(
        rejected.map { [$0.objectValue?["code"], $0.objectValue?["field"]] } == [
          [.string("required"), .string("fields.category")],
          [.string("required"), .string("fields.title")],
        ])
      #expect(try server.store.replica.status().changes == 0)
    }
  }

  /// sync.md section 2: an unknown path is `404 not_found` as JSON, and one under
  /// `/v1/admin/` is refused for its credential first, so it tells a stranger nothing.
  @Test func unknownPathsAnswerNotFoundAsJSONAndAdministratorPathsAskForACredential()
    async throws
  {
    let server = try server()
    try await server.application.test(.router) { client in
      let device: HTTPFields = [.authorization: "Bearer \(try await enrol(client, server))"]
      let admin: HTTPFields = [.authorization: "Bearer \(server.adminToken)"]
      let cases: [(String, HTTPRequest.Method, HTTPFields, HTTPResponse.Status, String)] = [
        // `/` itself is the web console's, which sends a stranger to its sign-in page.
        ("/nothing", .get, [:], .notFound, "not_found"),
        ("/v1/nothing", .get, [:], .notFound, "not_found"),
        ("/v2/pull", .get, device, .notFound, "not_found"),
        ("/v1/admin/nothing", .get, [:], .unauthorized, "unauthenticated"),
        ("/v1/admin/nothing", .post, device, .forbidden, "forbidden"),
        (
          "/v1/admin/nothing", .get, [.authorization: "Bearer lsn_x"], .unauthorized,
          "unauthenticated"
        ),
        ("/v1/admin/nothing", .get, admin, .notFound, "not_found"),
        ("/v1/admin", .get, admin, .notFound, "not_found"),
      ]
      for (uri, method, headers, status, code) in cases {
        let response = try await client.execute(uri: uri, method: method, headers: headers)
        #expect(response.status == status, "\(method) \(uri)")
        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        let error = try #require(try json(response.body)["error"]?.objectValue, "\(uri)")
        #expect(error["code"] == .string(code), "\(method) \(uri)")
      }
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
          // A cursor past the log's end was never given out (sync.md section 3).
          ("/v1/pull?after=99999999999", .get, auth, nil, .badRequest, "malformed"),
          (
            "/v1/push", .post, auth, ByteBuffer(string: #"{"changes": [], "extra": 1}"#),
            .badRequest, "malformed"
          ),
          // Over the batch limit: refused whole, though the first 1,000 were read already.
          (
            "/v1/push", .post, auth,
            ByteBuffer(
              string: #"{"changes": ["# + Array(repeating: "1", count: 1_001).joined(separator: ",")
                + "]}"), .contentTooLarge, "too_large"
          ),
          // A valid change, then the body breaks: nothing of it is kept (the store is
          // checked empty below), though the change was applied before the fault was read.
          (
            "/v1/push", .post, auth,
            ByteBuffer(
              string: #"{"changes": ["#
                + String(decoding: CanonicalJSON.encode(try change(counter: 1)), as: UTF8.self)
                + #", {"#), .badRequest, "malformed"
          ),
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
                "code": .string("wrong"), "key": .string(TestKeys.key(7).publicKey.base64),
                "replica": .string(Fixtures.replica(7).description),
              ])), .unauthorized, "invalid_code"
          ),
          (
            "/v1/enroll", .post, [:],
            body(
              .object([
                "code": .string("wrong"), "key": .string(TestKeys.key(7).publicKey.base64),
                "replica": .string("XYZ"),
              ])), .badRequest, "invalid_id"
          ),
          (
            "/v1/enroll", .post, [:],
            body(
              .object([
                "code": .string("wrong"), "key": .string("AAAA"),
                "replica": .string(Fixtures.replica(7).description),
              ])), .badRequest, "malformed"
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

  /// sync.md section 3, "Earlier forms": a point written without words as `"text": ""` by a
  /// device of an earlier version is taken, and logged without the empty text.
  @Test func aPointWithEmptyTextFromAnEarlierVersionIsTakenWithoutIt() async throws {
    let server = try server()
    try await server.application.test(.router) { client in
      let auth: HTTPFields = [.authorization: "Bearer \(try await enrol(client, server))"]
      var state = ReportState(id: Fixtures.report(5))
      // Signed as the server reads it: the signature covers the canonical bytes, which have
      // no empty text.
      let current = Self.key(of: deviceReplica).sign(
        try state.write(
          ReportEdit(values: [
            .village: .text("东村"), .category: .category(.hazard), .title: .text("塌方"),
            .location: .location(
              Location(text: "", latitudeE7: 312_304_000, longitudeE7: 1_214_737_000)),
          ]), dot: Dot(replica: deviceReplica, counter: 1), attribution: Fixtures.author("李伟")))
      let earlier = String(decoding: current.canonicalBytes, as: UTF8.self)
        .replacingOccurrences(
          of: #""longitude_e7":1214737000}"#, with: #""longitude_e7":1214737000,"text":""}"#)
      #expect(earlier.contains(#""text":"""#))
      let response = try await client.execute(
        uri: "/v1/push", method: .post, headers: auth,
        body: ByteBuffer(string: #"{"changes":["# + earlier + "]}"))
      #expect(try json(response.body)["accepted"] == .integer(1))
      #expect(try server.store.replica.report(Fixtures.report(5)) == state)
    }
  }
}

struct TestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String = "the test could not go on") { self.description = description }
}
