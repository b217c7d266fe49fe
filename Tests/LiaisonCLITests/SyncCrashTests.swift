import Foundation
import GRDB
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit
import LiaisonTestScratch
import Testing

/// A device loses power mid-sync: `liaison sync` killed with SIGKILL at random moments while it
/// pushes and while it pulls many changes must leave a sound store, and the next sync must
/// complete with nothing lost and nothing duplicated, as the server sees it.
@Suite(.serialized, .scratch) struct SyncCrashTests {
  let seed =
    UInt64(ProcessInfo.processInfo.environment["LIAISON_CRASH_SEED"] ?? "") ?? 20_261_121

  func enrolledDevice(_ server: TownshipProcess, name: String) throws -> CommandLineRunner {
    let device = CommandLineRunner()
    #expect(try device.run("init", "--name", name, "--village", "东村").succeeded)
    let link = try server.enrolmentLink(name: name, villages: ["东村"])
    let enrolled = try device.run("enroll", link)
    #expect(enrolled.succeeded, "\(enrolled.error)")
    return device
  }

  /// Writes `count` changes to the device's store in one transaction: new reports, then edits
  /// and notes on some of them. Returns how many changes were written.
  func write(_ count: Int, at device: CommandLineRunner, random: inout SeededGenerator) throws
    -> Int
  {
    let store = try ReplicaStore.open(in: device.home)
    var ids: [ReportID] = []
    try store.forEachReport(includeDeleted: true) { ids.append($0.id) }
    try store.transaction { transaction in
      for index in 0..<count {
        if ids.isEmpty || index % 3 == 0 {
          let id = ReportID.random(using: &random)
          try transaction.create(
            [
              .village: .text("东村"), .category: .category(.visit),
              .title: .text("断电同步 \(index)"),
            ], id: id, time: 1_772_323_200_000 + Int64(index))
          ids.append(id)
        } else if index % 3 == 1 {
          try transaction.edit(
            ids.randomElement(using: &random)!,
            ReportEdit(values: [.details: .text("第 \(index) 次补充")]), time: 1_772_323_300_000)
        } else {
          try transaction.edit(
            ids.randomElement(using: &random)!, .note("回访 \(index)"), time: 1_772_323_400_000)
        }
      }
    }
    return count
  }

  /// Starts `liaison sync` with small pages and kills it at a random moment; true if killed.
  func killedSync(_ device: CommandLineRunner, random: inout SeededGenerator) throws -> Bool {
    let batch = Int.random(in: 1...12, using: &random)
    let process = try device.start(["sync", "--batch-size", "\(batch)"])
    usleep(UInt32.random(in: 20_000...900_000, using: &random))
    let killed = process.isRunning
    if killed { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return killed
  }

  func integrity(_ device: CommandLineRunner) throws -> [String] {
    let file = (device.home as NSString).appendingPathComponent(ReplicaStore.fileName)
    return try DatabaseQueue(path: file).read { db in
      try String.fetchAll(db, sql: "PRAGMA integrity_check")
    }
  }

  func canonicalStates(_ directory: String) throws -> [String: [UInt8]] {
    let store = try ReplicaStore.open(in: directory)
    var states: [String: [UInt8]] = [:]
    try store.forEachReport(includeDeleted: true) { states[$0.id.description] = $0.canonicalBytes }
    return states
  }

  @Test func killingSyncWhilePushingAndPullingLosesAndDuplicatesNothing() throws {
    var random = SeededGenerator(seed: seed)
    let server = try TownshipProcess()
    let pusher = try enrolledDevice(server, name: "李伟")
    let puller = try enrolledDevice(server, name: "王芳")
    var written = 0
    var kills = 0
    for round in 0..<8 {
      written += try write(Int.random(in: 60...150, using: &random), at: pusher, random: &random)
      for device in [pusher, puller] {
        if try killedSync(device, random: &random) { kills += 1 }
        #expect(try integrity(device) == ["ok"], "seed \(seed), round \(round)")
      }
    }
    print("sync crash test: seed \(seed), \(written) changes, \(kills) of 16 syncs killed")
    // The test must have cut some syncs short, or it proved nothing.
    #expect(kills >= 4, "seed \(seed): only \(kills) syncs were killed")

    for device in [pusher, puller, pusher] {
      let sync = try device.run("sync")
      #expect(sync.succeeded, "seed \(seed): \(sync.error)")
    }
    let serverStore = try ReplicaStore.open(in: server.home)
    #expect(try serverStore.status().changes == written, "seed \(seed): server change count")
    #expect(try ReplicaStore.open(in: pusher.home).status().unsentChanges == 0, "seed \(seed)")
    for device in [pusher, puller] {
      #expect(try ReplicaStore.open(in: device.home).status().changes == written, "seed \(seed)")
    }
    let onServer = try canonicalStates(server.home)
    #expect(try canonicalStates(pusher.home) == onServer, "seed \(seed): pusher differs")
    #expect(try canonicalStates(puller.home) == onServer, "seed \(seed): puller differs")
    #expect(server.stop() == 0)
  }
}
