import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import LiaisonMerge
import LiaisonServer
import LiaisonStore
import LiaisonSync
import LiaisonTestKit
import LiaisonTestScratch
import Testing

/// A township server restored from an older backup has lost changes it once acknowledged.
/// Its devices must send them again rather than be refused as skipping counters for good.
@Suite(.scratch) struct RestoredServerTests {
  /// Runs `body` against a live server over `store`, with the device linked to it.
  func serving(
    _ store: TownshipStore, device: ReplicaStore, token: String, deviceID: String,
    _ body: @Sendable () async throws -> Void
  ) async throws {
    let application = Application(
      router: buildRouter(store: SQLiteTownshipStorage(store)),
      configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: quietLogger)
    try await application.test(.live) { client in
      let url = "http://127.0.0.1:\(client.port!)"
      if try device.serverLink() == nil {
        try device.link(
          toServer: url, token: token, device: deviceID, villages: ["东村"], certificate: nil,
          serverKey: store.serverKey)
      } else {
        // The same server at a new port: only the address changes, not the checkpoints.
        try await DatabaseQueue(
          path: (device.location as NSString).appendingPathComponent(
            ReplicaStore.fileName)
        ).write { db in try db.execute(sql: "UPDATE peer SET url = ?", arguments: [url]) }
      }
      try await body()
    }
  }

  func record(_ title: String, at device: ReplicaStore, time: Int64) throws {
    try device.create(
      [.village: .text("东村"), .category: .category(.visit), .title: .text(title)],
      id: Fixtures.report(Int(time)), time: time)
  }

  @Test func aDeviceSendsAgainWhatARestoredServerLost() async throws {
    let live = ScratchDirectory.make("township")
    let (store, _) = try TownshipStore.create(in: live, administrator: "管理员", now: 0)
    let code = try store.issueEnrollment(
      name: "李伟", villages: ["东村"], lifetime: 3_600_000, by: "管理员", now: 0
    ).code
    let device = try ReplicaStore.create(
      in: ScratchDirectory.make("device"), author: "李伟", villages: ["东村"],
      replica: Fixtures.replica(0xd1), now: 0)
    let enrolled = try store.enroll(
      code: code, replica: Fixtures.replica(0xd1), key: device.signer.publicKey, now: 1)
    try record("第一", at: device, time: 1)
    try await serving(store, device: device, token: enrolled.token, deviceID: enrolled.device.id) {
      _ = try await Synchronizer(store: device).run(now: { 2 })
    }
    // The backup: taken now, with the first report only.
    let backup = ScratchDirectory.make("backup")
    let file = (live as NSString).appendingPathComponent(ReplicaStore.fileName)
    try DatabaseQueue(path: file).backup(
      to: DatabaseQueue(path: (backup as NSString).appendingPathComponent(ReplicaStore.fileName)))
    try record("第二", at: device, time: 3)
    try await serving(store, device: device, token: enrolled.token, deviceID: enrolled.device.id) {
      _ = try await Synchronizer(store: device).run(now: { 4 })
    }
    #expect(try store.replica.status().changes == 2)

    // The township's disk fails; the office restores last night's backup.
    let restored = try TownshipStore.open(in: backup)
    try record("第三", at: device, time: 5)
    try await serving(restored, device: device, token: enrolled.token, deviceID: enrolled.device.id)
    {
      let progress = try await Synchronizer(store: device).run(now: { 6 })
      #expect(progress.rejected == 0)
    }
    #expect(try restored.replica.status().changes == 3)
    #expect(try device.refusedChanges().isEmpty)
    #expect(try device.status().unsentChanges == 0)
  }
}
