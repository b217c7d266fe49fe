import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonTestKit
import LiaisonTownship
import LiaisonWire
import Testing

/// The wire types read back what they write, refuse other shapes by name, and name every
/// code the specification lists.
@Suite struct WireTypesTests {
  let replica = ReplicaID("0123456789abcdef0123456789abcdef")!

  @Test func everyTypeReadsBackWhatItWrites() throws {
    let enrollment = EnrollmentRequest(name: "李伟", villages: ["东村", "西村"], expiresInSeconds: 60)
    #expect(try EnrollmentRequest(json: enrollment.json) == enrollment)
    let enrollment9 = Enrollment(code: "abcd", name: "李伟", villages: ["东村"], expiresAt: 9)
    let issued = EnrollmentAnswer(enrollment9, pin: CertificatePin(certificateDER: [1, 2, 3]))
    #expect(try EnrollmentAnswer(json: issued.json) == issued)
    let plain = EnrollmentAnswer(enrollment9, pin: nil)
    #expect(try EnrollmentAnswer(json: plain.json) == plain)
    let enroll = EnrollRequest(code: "abcd", replica: replica, key: TestKeys.key(1).publicKey)
    #expect(try EnrollRequest(json: enroll.json) == enroll)
    let enrolled = EnrollAnswer(
      device: "d", token: "lsn_x", name: "李伟", villages: ["东村"], server: replica,
      serverKey: TestKeys.key(2).publicKey)
    #expect(try EnrollAnswer(json: enrolled.json) == enrolled)
    let bind = KeyBindRequest(key: TestKeys.key(1).publicKey, unsignedThrough: 12)
    #expect(try KeyBindRequest(json: bind.json) == bind)
    let bound = KeyBindAnswer(server: replica, serverKey: TestKeys.key(2).publicKey)
    #expect(try KeyBindAnswer(json: bound.json) == bound)
    let health = HealthAnswer(server: replica)
    #expect(try HealthAnswer(json: health.json) == health)
    let push = PushAnswer(
      accepted: 3, duplicates: 1,
      rejected: [
        .init(
          index: 2, dot: Dot(replica: replica, counter: 7), code: .outOfScope,
          field: "fields.village.value", message: "不在本村"),
        .init(
          index: 3, dot: nil, code: RefusalCode("from_a_newer_server"), field: nil, message: "?"),
      ])
    #expect(try PushAnswer(json: push.json) == push)
    let error = ErrorAnswer(code: .busy, message: "try again", field: nil)
    #expect(try ErrorAnswer(json: error.json) == error)
  }

  @Test func aPullAnswerIsSplicedFromCanonicalBodiesAndReadsBack() throws {
    let bodies = [Array(#"{"a":1}"#.utf8), Array(#"{"b":"东"}"#.utf8)]
    let binding = KeyBinding(
      replica: replica, key: TestKeys.key(1).publicKey, unsignedThrough: 3, revokedAfter: 9
    ).signed(by: TestKeys.key(2))
    let bytes = PullAnswer.encode(bodies: bodies, cursor: "48213", more: true, keys: [binding])
    let answer = try PullAnswer(json: JSONValue(parsing: bytes))
    #expect(answer.cursor == "48213" && answer.more)
    #expect(answer.changes.map(CanonicalJSON.encode) == bodies)
    #expect(answer.keys == [binding] && answer.keys[0].isSigned(by: TestKeys.key(2).publicKey))
    // The splice writes members in canonical order, as the server's other answers do.
    #expect(CanonicalJSON.encode(try JSONValue(parsing: bytes)) == bytes)
    #expect(
      try PullAnswer(
        json: JSONValue(parsing: PullAnswer.encode(bodies: [], cursor: "0", more: false)))
        == PullAnswer(changes: [], cursor: "0", more: false))
  }

  @Test func anotherShapeIsRefusedNamingTheMember() throws {
    #expect(throws: WireShapeError("villages must be an array", field: "villages")) {
      try EnrollmentRequest(json: .object(["name": .string("x"), "villages": .string("东村")]))
    }
    #expect(
      throws: WireShapeError(
        "replica must be 32 lowercase hexadecimal digits", field: "replica", code: .invalidID)
    ) {
      try EnrollRequest(
        json: .object([
          "code": .string("x"), "key": .string(TestKeys.key(1).publicKey.base64),
          "replica": .string("XYZ"),
        ]))
    }
    #expect(
      throws: WireShapeError(
        "key must be an Ed25519 public key: the standard base64 of 32 bytes encoding a point of its prime-order group",
        field: "key")
    ) {
      try EnrollRequest(
        json: .object([
          "code": .string("x"), "key": .string("AAAA"),
          "replica": .string("0123456789abcdef0123456789abcdef"),
        ]))
    }
    #expect(throws: WireShapeError.self) { try PushAnswer(json: .array([])) }
  }

  /// sync.md section 4 lists every code the server answers; each has its constant here, and
  /// each constant is in the specification.
  @Test func theCodesAreTheSpecificationsCodes() throws {
    let spec = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../protocol/sync.md"), encoding: .utf8)
    let section = spec.components(separatedBy: "## 4 Errors")[1]
      .components(separatedBy: "## 5")[0]
    let rows = section.split(separator: "\n").filter { $0.hasPrefix("|") }.joined(separator: "\n")
    let perChange = section.components(separatedBy: "Inside a push answer")[1]
    let named = Set(
      (rows + perChange).matches(of: /`([a-z_]+)`/).map { String($0.output.1) })
    let listed = Set(RefusalCode.protocolCodes.map(\.rawValue))
    let administrative: Set = ["stale", "deletion_undecided", "already_revoked", "name_taken"]
    #expect(listed.subtracting(named).isEmpty, "not in sync.md: \(listed.subtracting(named))")
    #expect(
      named.subtracting(listed).subtracting(administrative).isEmpty,
      "no constant: \(named.subtracting(listed).subtracting(administrative))")
  }
}
