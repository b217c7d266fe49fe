import Foundation
import LiaisonTestKit
import Testing

/// The merge properties of protocol/merge.md, each over many seeded random schedules.
///
/// `LIAISON_PROPERTY_SCHEDULES` sets how many (default 2,000) and `LIAISON_PROPERTY_SEED` the
/// first seed; a failure prints its seed and the command that replays it.
@Suite struct PropertyTests {
  static let environment = ProcessInfo.processInfo.environment
  static let schedules = environment["LIAISON_PROPERTY_SCHEDULES"].flatMap(UInt64.init) ?? 2_000
  static let firstSeed = environment["LIAISON_PROPERTY_SEED"].flatMap(UInt64.init) ?? 1

  @Test("merge is commutative, associative and idempotent")
  func algebra() {
    check([.algebra])
  }

  /// The seeds split into interleaved shares, so the shares run on every core.
  @Test("replicas converge with no lost update, one winner and bounded values", arguments: 0..<4)
  func schedules(share: UInt64) {
    check([.convergence, .noLostUpdate, .sameWinner, .boundedValues], share: share, of: 4)
  }

  private func check(
    _ properties: [MergeProperties.Property], share: UInt64 = 0, of shares: UInt64 = 1
  ) {
    let seeds = Self.firstSeed..<(Self.firstSeed + Self.schedules)
    for seed in seeds where seed % shares == share {
      if let failure = MergeProperties.check(properties, seed: seed) {
        Issue.record("\(failure)")
        return
      }
    }
  }
}
