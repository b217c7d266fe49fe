import Foundation
import LiaisonTestScratch
import Testing

/// A device store made by an older `liaison`, opened by this one.
@Suite(.scratch) struct UpgradeCommandTests {
  let cli = CommandLineRunner()

  /// `Tests/LiaisonStoreTests/Fixtures/device-store-v6.sqlite`: made by `liaison` at 92d5d9f,
  /// three reports, one deleted.
  static let version6Store = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("LiaisonStoreTests/Fixtures/device-store-v6.sqlite").path

  @Test func theFirstCommandSaysItIsUpgradingTheStoreAndTheNextDoesNot() throws {
    try FileManager.default.createDirectory(atPath: cli.home, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Self.version6Store,
      toPath: (cli.home as NSString).appendingPathComponent("liaison.sqlite"))

    let first = try cli.run("list")
    #expect(first.succeeded, "\(first.error)")
    #expect(
      first.errorLines == [
        "Upgrading the store at \(cli.home) for this version of liaison (once; 7 changes)...",
        "Upgraded.",
      ])
    #expect(first.output.split(separator: "\n").count == 4)  // header, rule, two reports

    let second = try cli.run("list")
    #expect(second.succeeded)
    #expect(second.error.isEmpty)
    #expect(second.output == first.output)
  }
}
