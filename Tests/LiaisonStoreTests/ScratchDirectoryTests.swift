import Foundation
import LiaisonTestScratch
import Synchronization
import Testing

/// The `.scratch` trait that every suite making stores on disk relies on to clean up.
@Suite struct ScratchDirectoryTests {
  @Test func aTestsFoldersAreRemovedWhenItEnds() async throws {
    let made = Mutex<[String]>([])
    try await ScratchDirectory(keepingFiles: false).provideScope(
      for: try #require(Test.current), testCase: nil
    ) {
      let store = ScratchDirectory.make("store")
      #expect(
        FileManager.default.createFile(
          atPath: (store as NSString).appendingPathComponent("liaison.sqlite"),
          contents: Data("x".utf8)))
      made.withLock { $0 = [store, ScratchDirectory.path("home")] }
    }
    let (store, home) = made.withLock { ($0[0], $0[1]) }
    #expect(
      (store as NSString).deletingLastPathComponent == (home as NSString).deletingLastPathComponent)
    #expect(!FileManager.default.fileExists(atPath: store))
    #expect(
      !FileManager.default.fileExists(
        atPath: (store as NSString).deletingLastPathComponent))
  }

  @Test func aKeptFolderStaysAndIsNamedAfterItsTest() async throws {
    let made = Mutex("")
    try await ScratchDirectory(keepingFiles: true).provideScope(
      for: try #require(Test.current), testCase: nil
    ) {
      made.withLock { $0 = ScratchDirectory.make("store") }
    }
    let root = (made.withLock { $0 } as NSString).deletingLastPathComponent
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(FileManager.default.fileExists(atPath: made.withLock { $0 }))
    #expect(
      (root as NSString).lastPathComponent.hasPrefix(
        "liaison-scratch-aKeptFolderStaysAndIsNamedAfterItsTest-"))
  }

  @Test func twoPathsForOnePurposeDiffer() async throws {
    try await ScratchDirectory(keepingFiles: false).provideScope(
      for: try #require(Test.current), testCase: nil
    ) {
      #expect(ScratchDirectory.path("store") != ScratchDirectory.path("store"))
    }
  }
}
