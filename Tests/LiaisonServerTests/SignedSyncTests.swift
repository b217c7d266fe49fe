import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import LiaisonCodec
import LiaisonMerge
import LiaisonServer
import LiaisonStore
import LiaisonSync
import LiaisonTestKit
import LiaisonTestScratch
import Testing

/// Signatures end to end, over a live server: what a device does with a change whose
/// signature does not hold, and what `township verify` finds in a log altered after signing.
@Suite(.scratch) struct SignedSyncTests {
  struct Township {
    let store: TownshipStore
    let application: Application<RouterResponder<TownshipContext>>
  }

  func township() throws -> Township {
    let (store, _) = try TownshipStore.create(
      in: ScratchDirectory.make("township"), administrator: "管理员", now: 0)
    return Township(
      store: store,
      application: Application(
        router: buildRouter(store: SQLiteTownshipStorage(store)),
        configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: quietLogger))
  }

  /// A device store enrolled at `township` and linked to `url`.
  func device(_ name: String, replica: UInt64, at township: Township, url: String) throws
    -> ReplicaStore
  {
    let device = try ReplicaStore.create(
      in: ScratchDirectory.make(name), author: name, villages: ["东村"],
      replica: Fixtures.replica(replica), now: 0)
    let code = try township.store.issueEnrollment(
      name: name, villages: ["东村"], lifetime: 3_600_000, by: "管理员", now: 0
    ).code
    let enrolled = try township.store.enroll(
      code: code, replica: Fixtures.replica(replica), key: device.signer.publicKey, now: 1)
    try device.link(
      toServer: url, token: enrolled.token, device: enrolled.device.id, villages: ["东村"],
      certificate: nil,
      serverKey: enrolled.serverKey)
    return device
  }

  /// A change altered in the server's log after its author signed it reaches no device: each
  /// keeps it as refused, applies the rest, and `township verify` names the change and the
  /// report whose state no longer matches its changes.
  @Test func aChangeAlteredAfterSigningIsRefusedByDevicesAndFoundByVerify() async throws {
    let township = try township()
    try await township.application.test(.live) { client in
      let url = "http://127.0.0.1:\(client.port!)"
      let writer = try device("李伟", replica: 0xd1, at: township, url: url)
      let reader = try device("王芳", replica: 0xd2, at: township, url: url)
      for (index, title) in ["水渠纠纷", "桥梁裂缝"].enumerated() {
        try writer.create(
          [.village: .text("东村"), .category: .category(.dispute), .title: .text(title)],
          id: Fixtures.report(index + 1), time: Int64(index + 1))
      }
      _ = try await Synchronizer(store: writer).run(now: { 3 })
      #expect(try township.store.verifyLog().holds)
      // Someone with the server's database rewrites a title in the log.
      try await DatabaseQueue(
        path: (township.store.replica.location as NSString).appendingPathComponent(
          ReplicaStore.fileName)
      ).write { db in
        try db.execute(
          sql: "UPDATE change SET body = CAST(replace(CAST(body AS TEXT), '水渠纠纷', '水渠已修') AS BLOB)")
      }
      let result = try await Synchronizer(store: reader).run(now: { 4 })
      #expect(result.received == 1 && result.unreadable == 1)
      #expect(try reader.report(Fixtures.report(1)) == nil)
      #expect(try reader.report(Fixtures.report(2)) != nil)
      let refused = try reader.unreadableChanges()
      #expect(refused.map(\.code) == ["bad_signature"])
      #expect(String(decoding: refused[0].body, as: UTF8.self).contains("水渠已修"))
      // Never a stall: the next sync goes on past it.
      #expect(try await Synchronizer(store: reader).run(now: { 5 }).unreadable == 0)

      let verification = try township.store.verifyLog()
      #expect(!verification.holds)
      #expect(verification.badChanges.map(\.code) == ["bad_signature"])
      #expect(verification.divergentReports == [Fixtures.report(1).description])
      #expect(verification.changes == 2 && verification.signed == 1)
    }
  }

  /// A binding the pinned server key did not sign vouches for nothing: a device whose pinned
  /// key is another's refuses every change of the page, keeps each, and never applies one.
  @Test func bindingsNotSignedByThePinnedServerKeyAreRefused() async throws {
    let township = try township()
    try await township.application.test(.live) { client in
      let url = "http://127.0.0.1:\(client.port!)"
      let writer = try device("李伟", replica: 0xd1, at: township, url: url)
      let reader = try device("王芳", replica: 0xd2, at: township, url: url)
      try reader.pinServerKey(TestKeys.key(0x42).publicKey)
      try writer.create(
        [.village: .text("东村"), .category: .category(.dispute), .title: .text("水渠纠纷")],
        id: Fixtures.report(1), time: 1)
      _ = try await Synchronizer(store: writer).run(now: { 2 })
      let result = try await Synchronizer(store: reader).run(now: { 3 })
      #expect(result.received == 0 && result.unreadable == 1)
      #expect(try reader.report(Fixtures.report(1)) == nil)
    }
  }

  /// A device and its enrolment from before signed changes: its sync sends its key once,
  /// pins the server's, keeps its earlier changes unsigned and signs its later ones, and the
  /// server's log verifies.
  @Test func aDeviceFromBeforeSigningSendsItsKeyAtItsNextSync() async throws {
    let township = try township()
    try await township.application.test(.live) { client in
      let url = "http://127.0.0.1:\(client.port!)"
      let writer = try device("李伟", replica: 0xd1, at: township, url: url)
      // As the v12 upgrade leaves them: no key at the server, none pinned on the device, and
      // a change written before.
      try township.store.replica.forgetKeys()
      let file = (writer.location as NSString).appendingPathComponent(ReplicaStore.fileName)
      try await DatabaseQueue(path: file).write { db in
        try db.execute(sql: "UPDATE peer SET server_key = NULL")
      }
      try writer.create(
        [.village: .text("东村"), .category: .category(.dispute), .title: .text("水渠纠纷")],
        id: Fixtures.report(1), time: 1)
      // The first change as a version before signing logged it: without its signature.
      let logged = try #require(try writer.unsentChanges(limit: 1).first?.body)
      let unsigned = try Change(json: JSONValue(parsing: logged)).signed(nil).canonicalBytes
      try await DatabaseQueue(path: file).write { db in
        try db.execute(sql: "UPDATE replica SET unsigned_through = 1")
        try db.execute(
          sql: "UPDATE change SET body = ? WHERE counter = 1", arguments: [Data(unsigned)])
      }
      try writer.edit(Fixtures.report(1), .note("升级之后"), time: 2)
      let result = try await Synchronizer(store: writer).run(now: { 3 })
      #expect(result.sent == 2 && result.rejected == 0)
      #expect(try writer.serverLink()?.serverKey == township.store.serverKey)
      #expect(try township.store.findDevice("李伟").key == writer.signer.publicKey)
      let history = try township.store.replica.history(Fixtures.report(1))
      #expect(history.map(\.signed) == [false, true])
      let verification = try township.store.verifyLog()
      #expect(verification.holds && verification.unsigned == 1 && verification.signed == 1)
    }
  }

  /// A change logged under a replica that is neither the server's nor an enrolled device's
  /// (written into the store behind the server's back) fails `township verify`, and no pull
  /// vouches for it.
  @Test func aChangeUnderAReplicaNoOneEnrolledFailsVerification() throws {
    let township = try township()
    let ghost = Device(
      id: "ghost", name: "无名", replica: Fixtures.replica(0x99), villages: ["东村"])
    var state = ReportState(id: Fixtures.report(1))
    let change = TestKeys.key(0x99).sign(
      try state.write(
        Fixtures.newReport(), dot: Dot(replica: ghost.replica, counter: 1),
        attribution: Fixtures.author("无名")))
    #expect(try township.store.push([change.json], from: ghost, now: 1).accepted == 1)
    let verification = try township.store.verifyLog()
    #expect(!verification.holds)
    #expect(verification.badChanges.map(\.dot) == [change.dot.description])
    #expect(try township.store.keyBindings(for: [ghost.replica]).isEmpty)
  }

  /// A revoked device's changes above the counter it had reached are refused wherever they
  /// arrive from: its binding says so, and the rule applies it.
  @Test func aRevokedReplicasLaterChangesAreRefusedByItsBinding() throws {
    let key = TestKeys.key(0xd1)
    var state = ReportState(id: Fixtures.report(1))
    let early = key.sign(
      try state.write(
        Fixtures.newReport(), dot: Dot(replica: Fixtures.replica(0xd1), counter: 3),
        attribution: Fixtures.author("李伟")))
    let late = key.sign(
      try state.write(
        .note("吊销之后"), dot: Dot(replica: Fixtures.replica(0xd1), counter: 4),
        attribution: Fixtures.author("李伟")))
    let binding = KeyBinding(
      replica: Fixtures.replica(0xd1), key: key.publicKey, unsignedThrough: 0, revokedAfter: 3)
    #expect(SignatureCheck.check(early, binding: binding) == .signed)
    guard case .refused(let code, _) = SignatureCheck.check(late, binding: binding) else {
      Issue.record("a change after revocation was taken")
      return
    }
    #expect(code == "revoked")
  }

  /// Revoking a device records the highest counter the server had from it, and the binding
  /// a pull hands out carries it.
  @Test func revocationIsCarriedByTheDevicesBinding() throws {
    let township = try township()
    let writer = try device("李伟", replica: 0xd1, at: township, url: "http://127.0.0.1:1")
    try writer.create(
      [.village: .text("东村"), .category: .category(.dispute), .title: .text("水渠纠纷")],
      id: Fixtures.report(1), time: 1)
    let device = try township.store.findDevice("李伟")
    let pushed = try writer.unsentChanges(limit: 10).map { try JSONValue(parsing: $0.body) }
    #expect(
      try township.store.push(pushed, from: device, now: 2, checkingSignatures: true).accepted == 1)
    try township.store.revoke(device: device.id, by: "管理员", reason: "设备丢失", now: 3)
    let binding = try #require(try township.store.keyBindings(for: [device.replica]).first)
    #expect(binding.revokedAfter == 1)
    #expect(binding.isSigned(by: township.store.serverKey))
  }
}
