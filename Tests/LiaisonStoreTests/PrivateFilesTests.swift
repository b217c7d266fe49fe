import Foundation
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit
import LiaisonTestScratch
import Testing

/// Stores and the administrator's file are readable by their owner only.
@Suite(.scratch) struct PrivateFilesTests {
  func mode(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
  }

  @Test func aNewStoreAndItsJournalAreReadableByTheOwnerOnly() throws {
    let directory = (ScratchDirectory.make("store") as NSString).appendingPathComponent("new/store")
    let store = try ReplicaStore.create(
      in: directory, author: "李伟", villages: ["东村"], replica: Fixtures.replica(1), now: 0)
    try store.create(newReport(), id: Fixtures.report(1), time: 1)
    #expect(mode(directory) == 0o700)
    for name in ["liaison.sqlite", "liaison.sqlite-wal", "liaison.sqlite-shm"] {
      let file = (directory as NSString).appendingPathComponent(name)
      #expect(mode(file) == 0o600, "\(name)")
    }
  }

  @Test func aSavedFileIsReplacedWholeAndReadableByTheOwnerOnly() throws {
    let directory = (ScratchDirectory.make("store") as NSString).appendingPathComponent(
      "home/.township")
    let file = (directory as NSString).appendingPathComponent("admin.json")
    try PrivateFiles.save(Array("first".utf8), to: file)
    try PrivateFiles.save(Array("second".utf8), to: file)
    #expect(mode(directory) == 0o700)
    #expect(mode(file) == 0o600)
    #expect(FileManager.default.contents(atPath: file) == Data("second".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["admin.json"])
    #expect(throws: PrivateFiles.Failure.self) {
      try PrivateFiles.save([], to: (file as NSString).appendingPathComponent("below-a-file"))
    }
  }
}
