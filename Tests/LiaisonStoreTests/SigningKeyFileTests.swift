import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit
import LiaisonTestScratch
import Testing

/// A replica's key on disk, and stores made before changes were signed.
@Suite(.scratch) struct SigningKeyFileTests {
  @Test func aNewStoreSignsWithAKeyOnlyItsOwnerReadsAndKeepsAcrossOpening() throws {
    let directory = ScratchDirectory.make("device")
    let store = try ReplicaStore.create(
      in: directory, author: "李伟", villages: ["东村"], replica: Fixtures.replica(1), now: 0)
    let path = (directory as NSString).appendingPathComponent(SigningKeyFile.fileName)
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
    try store.create(
      [.village: .text("东村"), .category: .category(.visit), .title: .text("走访")],
      id: Fixtures.report(1), time: 1)
    let reopened = try ReplicaStore.open(in: directory)
    #expect(reopened.signer.publicKey == store.signer.publicKey)
    let change = try #require(try reopened.unsentChanges(limit: 1).first)
    let decoded = try Change(json: JSONValue(parsing: change.body))
    #expect(
      SignatureCheck.check(
        decoded,
        binding: KeyBinding(
          replica: Fixtures.replica(1), key: store.signer.publicKey, unsignedThrough: 0))
        == .signed)
  }

  @Test func aKeyFileOthersMayReadOrThatIsNotAKeyIsRefused() throws {
    let directory = ScratchDirectory.make("device")
    _ = try ReplicaStore.create(
      in: directory, author: "李伟", villages: ["东村"], replica: Fixtures.replica(1), now: 0)
    let path = (directory as NSString).appendingPathComponent(SigningKeyFile.fileName)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
    #expect {
      _ = try ReplicaStore.open(in: directory)
    } throws: { error in
      guard case .signingKey(let message) = error as? StoreError else { return false }
      return message.contains(path) && message.contains("640") && message.contains("chmod 600")
    }
    try PrivateFiles.save(Array("not a key\n".utf8), to: path)
    #expect {
      _ = try ReplicaStore.open(in: directory)
    } throws: { error in
      guard case .signingKey(let message) = error as? StoreError else { return false }
      return message.contains("not an Ed25519 private key")
    }
  }

  /// A store from before signed changes gets a key when it is opened; its changes so far stay
  /// unsigned, and shown so, and its next write is signed.
  @Test func aStoreFromBeforeSigningKeepsItsChangesUnsignedAndSignsTheNext() throws {
    let directory = try UpgradeTests.copyOfVersion6Store()
    let store = try ReplicaStore.open(in: directory)
    let counter = try store.info().counter
    #expect(try store.unsignedThrough() == Int64(counter))
    #expect(try store.history(UpgradeTests.untouched).allSatisfy { !$0.signed })
    try store.edit(UpgradeTests.untouched, .note("升级之后"), time: 1)
    #expect(try store.history(UpgradeTests.untouched).last?.signed == true)
  }
}
