import GRDB
import LiaisonMerge
import LiaisonTestKit
import LiaisonTestScratch
import Testing

@testable import LiaisonStore

/// What a power cut may not take: no public call shows it, so this reads the writer's own
/// setting.
@Suite(.scratch) struct DurabilityTests {
  @Test func theWritingConnectionSyncsEveryCommit() throws {
    let directory = ScratchDirectory.make("store")
    let created = try ReplicaStore.create(
      in: directory, author: "李伟", villages: ["东村"], replica: Fixtures.replica(1), now: 0)
    for store in [created, try ReplicaStore.open(in: directory)] {
      let mode = try store.database.writeWithoutTransaction { db in
        try Int.fetchOne(db, sql: "PRAGMA synchronous")
      }
      #expect(mode == 2, "synchronous is \(String(describing: mode)), not FULL (2)")
    }
  }
}
