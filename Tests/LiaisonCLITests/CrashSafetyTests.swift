import Foundation
import GRDB
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit
import LiaisonTestScratch
import Testing

/// A device loses power: `liaison new` killed at random moments must leave a sound store in
/// which every report whose id was printed is present and whole.
@Suite(.scratch) struct CrashSafetyTests {
  @Test func killingNewAtRandomMomentsLosesNothingAcknowledged() throws {
    let seed = UInt64(ProcessInfo.processInfo.environment["LIAISON_CRASH_SEED"] ?? "") ?? 20_261_121
    var random = SeededGenerator(seed: seed)
    let cli = CommandLineRunner()
    try cli.initialize()
    // Time one uninterrupted write, so the kills land before, during and after the commit.
    let started = Date()
    _ = try cli.record("计时")
    let typical = Date().timeIntervalSince(started)
    var acknowledged: [String: String] = [:]
    var killed = 0
    for attempt in 0..<40 {
      let title = "断电测试 \(attempt)"
      let process = try cli.start([
        "new", "--village", "东村", "--category", "hazard", "--title", title,
      ])
      // Kill somewhere between start-up and a little after a typical write completes.
      usleep(UInt32(Double.random(in: 0...1.5, using: &random) * typical * 1_000_000))
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        killed += 1
      }
      process.waitUntilExit()
      let printed = (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
      let id = String(decoding: printed, as: UTF8.self).trimmingCharacters(
        in: .whitespacesAndNewlines)
      if !id.isEmpty { acknowledged[id] = title }
    }

    let file = (cli.home as NSString).appendingPathComponent(ReplicaStore.fileName)
    let integrity = try DatabaseQueue(path: file).read { db in
      try String.fetchAll(db, sql: "PRAGMA integrity_check")
    }
    #expect(integrity == ["ok"], "seed \(seed)")
    let store = try ReplicaStore.open(in: cli.home)
    for (id, title) in acknowledged {
      let state = try store.report(try #require(ReportID(id), "seed \(seed)"))
      #expect(state?.value(.title) == .text(title), "seed \(seed): report \(id) lost or damaged")
      #expect(state?.value(.category) == .category(.hazard), "seed \(seed)")
    }
    #expect(try store.status().changes >= acknowledged.count, "seed \(seed)")
    // The test must have interrupted some writes, or it proved nothing.
    #expect(killed > 0, "seed \(seed): no process was killed")
    #expect(!acknowledged.isEmpty, "seed \(seed): no write completed")
  }
}
