import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCodec
import LiaisonMerge
import LiaisonPostgres
import LiaisonPostgresTesting
import LiaisonServer
import LiaisonTestKit
import LiaisonTestScratch
import LiaisonTownship
import Testing

/// The sync endpoints in process over the PostgreSQL backend: the server depends on the
/// storage contract alone, so one round trip shows the wiring (the conformance suite shows
/// the rest).
@Suite(.scratch, .postgresScratch, .enabled(if: PostgresTestServer.runs))
struct PostgresRouterTests {
  @Test func enrolPushAndPullRoundTrip() async throws {
    let (storage, adminToken) = try await PostgresTownshipStorage.create(
      try await PostgresTestServer.freshDatabase(), signingKey: SigningKey(),
      administrator: "管理员", now: 0)
    PostgresTestServer.adopt(storage)
    let routes = RouterTests()
    let application = Application(router: buildRouter(store: storage), logger: quietLogger)
    try await application.test(.router) { client in
      func enrol(_ replica: ReplicaID) async throws -> String {
        let issued = try await client.execute(
          uri: "/v1/admin/enrollments", method: .post,
          headers: [.authorization: "Bearer \(adminToken)"],
          body: routes.body(.object(["name": .string("李伟"), "villages": .array([.string("东村")])])))
        #expect(issued.status == .created)
        guard case .string(let code)? = try routes.json(issued.body)["code"] else {
          throw TestFailure()
        }
        let enrolled = try await client.execute(
          uri: "/v1/enroll", method: .post,
          body: routes.body(
            .object([
              "code": .string(code), "key": .string(RouterTests.key(of: replica).publicKey.base64),
              "replica": .string(replica.description),
            ])))
        #expect(enrolled.status == .ok)
        guard case .string(let token)? = try routes.json(enrolled.body)["token"] else {
          throw TestFailure()
        }
        return token
      }
      let token = try await enrol(routes.deviceReplica)
      let other = try await enrol(Fixtures.replica(0xd2))
      let accepted = try routes.change(counter: 1)
      let pushed = try await client.execute(
        uri: "/v1/push", method: .post, headers: [.authorization: "Bearer \(token)"],
        body: routes.body(
          .object([
            "changes": .array([accepted, try routes.change(counter: 2, village: "西村", report: 2)])
          ])))
      #expect(pushed.status == .ok)
      let outcome = try routes.json(pushed.body)
      #expect(outcome["accepted"] == .integer(1))
      #expect(outcome["rejected"]?.arrayValue?.count == 1)
      let pulled = try await client.execute(
        uri: "/v1/pull?limit=10", method: .get, headers: [.authorization: "Bearer \(other)"])
      #expect(pulled.status == .ok)
      let page = try routes.json(pulled.body)
      let changes = try #require(page["changes"]?.arrayValue)
      #expect(changes.map(CanonicalJSON.encode) == [CanonicalJSON.encode(accepted)])
      #expect(page["more"] == .bool(false))
    }
    let trail = try await storage.auditTrail(subject: nil).map(\.action)
    #expect(trail.contains("refused change"), "\(trail)")
  }

  /// Two processes on one database meet one limit on guessing: 6 failed authentications
  /// through one and 5 through the other refuse the address at the other, even with a good
  /// token, and the first refuses it from its next failure on. With each process counting
  /// alone, both would still serve it.
  @Test func guessesSpreadOverTwoProcessesMeetOneLimit() async throws {
    let (first, second, adminToken) = try await Self.twoProcesses()
    let one = Application(router: buildRouter(store: first), logger: quietLogger)
    let two = Application(router: buildRouter(store: second), logger: quietLogger)
    try await one.test(.router) { a in
      try await two.test(.router) { b in try await Self.guessOverTwo(a, b, adminToken) }
    }
  }

  /// The township logs an address going over the limit once, whichever process counted
  /// it: 10 guesses through one process and the 11th through the other, then one more
  /// through the first, whose own count also passes 10.
  @Test func goingOverTheLimitIsLoggedOnceAcrossProcesses() async throws {
    let (first, second, _) = try await Self.twoProcesses()
    let log = RecordedLog()
    let one = Application(router: buildRouter(store: first), logger: log.logger)
    let two = Application(router: buildRouter(store: second), logger: log.logger)
    try await one.test(.router) { a in
      try await two.test(.router) { b in
        for client in Array(repeating: a, count: 10) + [b, a] {
          let answer = try await client.execute(
            uri: "/v1/pull", method: .get, headers: [.authorization: "Bearer lsn_guess"])
          #expect(answer.status == .unauthorized)
        }
      }
    }
    let notices = log.lines.withLock { lines in
      lines.filter { $0.0 == .notice && $0.1.hasPrefix("too many failed attempts") }.count
    }
    #expect(notices == 1)
  }

  /// A township in a fresh database opened by two storages, as two processes would, and
  /// its administrator's token.
  private static func twoProcesses() async throws -> (
    PostgresTownshipStorage, PostgresTownshipStorage, String
  ) {
    let location = try await PostgresTestServer.freshDatabase()
    let key = SigningKey()
    let (first, adminToken) = try await PostgresTownshipStorage.create(
      location, signingKey: key, administrator: "管理员", now: 0)
    PostgresTestServer.adopt(first)
    let second = try await PostgresTownshipStorage.open(location, signingKey: key)
    PostgresTestServer.adopt(second)
    return (first, second, adminToken)
  }

  private static func guessOverTwo(
    _ a: any TestClientProtocol, _ b: any TestClientProtocol, _ adminToken: String
  ) async throws {
    func guess(_ client: any TestClientProtocol) async throws -> HTTPResponse.Status {
      try await client.execute(
        uri: "/v1/pull", method: .get, headers: [.authorization: "Bearer lsn_guess"]
      ).status
    }
    func summary(_ client: any TestClientProtocol) async throws -> HTTPResponse.Status {
      try await client.execute(
        uri: "/v1/admin/summary", method: .get, headers: [.authorization: "Bearer \(adminToken)"]
      ).status
    }
    #expect(try await summary(a) == .ok)
    for _ in 1...6 { #expect(try await guess(a) == .unauthorized) }
    for _ in 1...5 { #expect(try await guess(b) == .unauthorized) }
    #expect(try await summary(b) == .tooManyRequests)
    #expect(try await summary(a) == .ok)
    #expect(try await guess(a) == .unauthorized)
    #expect(try await summary(a) == .tooManyRequests)
  }
}
