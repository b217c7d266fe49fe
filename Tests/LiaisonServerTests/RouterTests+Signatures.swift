import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCodec
import LiaisonMerge
import LiaisonServer
import LiaisonStore
import LiaisonTestKit
import Testing

/// Signed changes through the sync endpoints (`protocol/sync.md` sections 3 and 7).
extension RouterTests {
  /// Each change with a broken signature is refused alone as `bad_signature`, and nothing of
  /// it is stored; the good change between them is applied.
  @Test func changesWhoseSignaturesDoNotHoldAreRefusedAloneAndStoreNothing() async throws {
    let server = try server()
    try await server.application.test(.router) { client in
      let auth: HTTPFields = [.authorization: "Bearer \(try await enrol(client, server))"]
      guard case .object(var flipped) = try change(counter: 1, report: 1),
        case .object(var fields) = flipped["fields"], case .object(var title) = fields["title"]
      else { throw TestFailure() }
      // One character of the title changed after signing: a flipped byte.
      title["value"] = .string("走访 X")
      fields["title"] = .object(title)
      flipped["fields"] = .object(fields)
      var state = ReportState(id: Fixtures.report(2))
      let otherKey = TestKeys.key(0x77).sign(
        try state.write(
          Fixtures.newReport(title: "桥梁裂缝"), dot: Dot(replica: deviceReplica, counter: 2),
          attribution: Fixtures.author("李伟")))
      var third = ReportState(id: Fixtures.report(3))
      let unsigned = try third.write(
        Fixtures.newReport(title: "道路塌方"), dot: Dot(replica: deviceReplica, counter: 3),
        attribution: Fixtures.author("李伟"))
      guard case .object(var truncated) = try change(counter: 4, report: 4),
        case .string(let signature)? = truncated["signature"]
      else { throw TestFailure() }
      truncated["signature"] = .string(String(signature.prefix(56)))
      let good = try change(counter: 5, report: 5)
      let response = try await client.execute(
        uri: "/v1/push", method: .post, headers: auth,
        body: body(
          .object([
            "changes": .array([
              .object(flipped), otherKey.json, unsigned.json, .object(truncated), good,
            ])
          ])))
      #expect(response.status == .ok)
      let outcome = try json(response.body)
      #expect(outcome["accepted"] == .integer(1))
      let rejected = try #require(outcome["rejected"]?.arrayValue).map {
        [$0.objectValue?["index"], $0.objectValue?["code"], $0.objectValue?["field"]]
      }
      #expect(
        rejected
          == [0, 1, 2, 3].map { index in
            [.integer(Int64(index)), .string("bad_signature"), .string("signature")]
          })
      #expect(try server.store.replica.status().changes == 1)
      #expect(try server.store.replica.report(Fixtures.report(5)) != nil)
      #expect(try server.store.replica.report(Fixtures.report(1)) == nil)
    }
  }

  /// A key names one author: a second device offering a key bound already is refused, and
  /// nothing of it is stored.
  @Test func aKeyAlreadyBoundToAnotherReplicaIsRefused() async throws {
    let server = try server()
    try await server.application.test(.router) { client in
      _ = try await enrol(client, server)
      let code = try await issueCode(client, server, name: "王芳")
      let enrolled = try await postEnroll(
        client, code: code, key: Self.key(of: deviceReplica).publicKey.base64,
        replica: Fixtures.replica(0xd2))
      #expect(enrolled.status == .conflict)
      #expect(try json(enrolled.body)["error"]?.objectValue?["code"] == .string("key_in_use"))
      #expect(try server.store.devices().count == 1)
    }
  }

  /// 32 bytes are a key only when they encode a point of the prime-order subgroup
  /// (`protocol/sync.md`, `POST /v1/enroll`): each of these is refused as malformed, naming
  /// `key`, and nothing is stored; the code still works for a real key after.
  @Test(arguments: [
    // Not on the curve: no x makes y = 2 a point.
    "AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    // The neutral point, of order 1.
    "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    // A point of order 4 (y = 0).
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    // y = p + 3: the point y = 3 spelled past the field's prime, so not canonically.
    "8P///////////////////////////////////////38=",
    // The key of seed 0x01 plus the point of order 4: on the curve, not of small order,
    // outside the prime-order subgroup (tools/vectors/signature_vectors.py's arithmetic).
    "l0v3VYzS1K658TFuLadsUNy/uLlmR0dbqNR8IMqrosI=",
  ])
  func aKeyThatIsNotAPointOfThePrimeOrderGroupIsRefused(key: String) async throws {
    let server = try server()
    try await server.application.test(.router) { client in
      let code = try await issueCode(client, server, name: "王芳")
      let refused = try await postEnroll(client, code: code, key: key, replica: deviceReplica)
      #expect(refused.status == .badRequest)
      let error = try json(refused.body)["error"]?.objectValue
      #expect(error?["code"] == .string("malformed"))
      #expect(error?["field"] == .string("key"))
      #expect(try server.store.devices().isEmpty)
      let enrolled = try await postEnroll(
        client, code: code, key: Self.key(of: deviceReplica).publicKey.base64,
        replica: deviceReplica)
      #expect(enrolled.status == .ok)
    }
  }

  /// A pull page carries the server-signed binding of every author in it, and the enrolment
  /// answer the server key that checks them.
  @Test func aPullPageCarriesItsAuthorsBindingsSignedByTheServer() async throws {
    let server = try server()
    try await server.application.test(.router) { client in
      let token = try await enrol(client, server)
      let other = try await enrol(client, server, replica: Fixtures.replica(0xd2))
      _ = try await client.execute(
        uri: "/v1/push", method: .post, headers: [.authorization: "Bearer \(token)"],
        body: body(.object(["changes": .array([try change(counter: 1)])])))
      let pulled = try await client.execute(
        uri: "/v1/pull", method: .get, headers: [.authorization: "Bearer \(other)"])
      let keys = try #require(try json(pulled.body)["keys"]?.arrayValue)
      let bindings = try keys.map { try KeyBinding(json: $0) }
      #expect(bindings.map(\.replica) == [deviceReplica])
      #expect(bindings[0].key == Self.key(of: deviceReplica).publicKey)
      #expect(bindings[0].isSigned(by: server.store.serverKey))
    }
  }

  /// A device enrolled before signed changes sends its key once; from then on its changes
  /// above the counter it named must be signed. Another key is refused.
  @Test func aDeviceEnrolledBeforeSigningBindsItsKeyOnce() async throws {
    let server = try server()
    try await server.application.test(.router) { client in
      let token = try await enrol(client, server)
      // As the v12 upgrade leaves a device enrolled before it: no key.
      try server.store.replica.forgetKeys()
      let auth: HTTPFields = [.authorization: "Bearer \(token)"]
      var state = ReportState(id: Fixtures.report(1))
      let legacy = try state.write(
        Fixtures.newReport(), dot: Dot(replica: deviceReplica, counter: 1),
        attribution: Fixtures.author("李伟"))
      let unsignedPush = try await client.execute(
        uri: "/v1/push", method: .post, headers: auth,
        body: body(.object(["changes": .array([legacy.json])])))
      #expect(try json(unsignedPush.body)["accepted"] == .integer(1))
      // Another device's key is refused: a key names one author.
      _ = try await enrol(client, server, replica: Fixtures.replica(0xd2))
      let taken = try await client.execute(
        uri: "/v1/key", method: .post, headers: auth,
        body: body(
          .object([
            "key": .string(Self.key(of: Fixtures.replica(0xd2)).publicKey.base64),
            "unsigned_through": .integer(1),
          ])))
      #expect(taken.status == .conflict)
      #expect(try json(taken.body)["error"]?.objectValue?["code"] == .string("key_in_use"))
      let key = Self.key(of: deviceReplica).publicKey
      let bind = try await client.execute(
        uri: "/v1/key", method: .post, headers: auth,
        body: body(.object(["key": .string(key.base64), "unsigned_through": .integer(1)])))
      #expect(bind.status == .ok)
      #expect(try json(bind.body)["server_key"] == .string(server.store.serverKey.base64))
      let again = try await client.execute(
        uri: "/v1/key", method: .post, headers: auth,
        body: body(.object(["key": .string(key.base64), "unsigned_through": .integer(1)])))
      #expect(again.status == .ok)
      let another = try await client.execute(
        uri: "/v1/key", method: .post, headers: auth,
        body: body(
          .object([
            "key": .string(TestKeys.key(0x78).publicKey.base64), "unsigned_through": .integer(1),
          ])))
      #expect(another.status == .conflict)
      #expect(try json(another.body)["error"]?.objectValue?["code"] == .string("key_bound"))
      let later = try state.write(
        .note("后续"), dot: Dot(replica: deviceReplica, counter: 2),
        attribution: Fixtures.author("李伟"))
      let laterPush = try await client.execute(
        uri: "/v1/push", method: .post, headers: auth,
        body: body(
          .object([
            "changes": .array([later.json, Self.key(of: deviceReplica).sign(later).json])
          ])))
      let outcome = try json(laterPush.body)
      #expect(outcome["accepted"] == .integer(1), "\(outcome)")
      #expect(
        outcome["rejected"]?.arrayValue?.first?.objectValue?["code"] == .string("bad_signature"))
    }
  }

  /// Guessing is slowed: past ten failed authentications a minute, an address is answered
  /// 429 with Retry-After, even with a good token, and the township logs it.
  @Test func failedAuthenticationsFromOneAddressAreLimited() async throws {
    let server = try server()
    try await server.application.test(.router) { client in
      let token = try await enrol(client, server)
      for _ in 1...10 {
        let guess = try await client.execute(
          uri: "/v1/pull", method: .get, headers: [.authorization: "Bearer lsn_guess"])
        #expect(guess.status == .unauthorized)
      }
      let eleventh = try await client.execute(
        uri: "/v1/pull", method: .get, headers: [.authorization: "Bearer lsn_guess"])
      #expect(eleventh.status == .unauthorized)
      let limited = try await client.execute(
        uri: "/v1/pull", method: .get, headers: [.authorization: "Bearer \(token)"])
      #expect(limited.status == .tooManyRequests)
      #expect(limited.headers[.retryAfter].flatMap { Int($0) }.map { $0 > 0 && $0 <= 60 } == true)
      #expect(try json(limited.body)["error"]?.objectValue?["code"] == .string("too_many_attempts"))
      let enrolment = try await client.execute(
        uri: "/v1/enroll", method: .post,
        body: body(.object(["code": .string("guess"), "replica": .string("x")])))
      #expect(enrolment.status == .tooManyRequests)
    }
  }
}
