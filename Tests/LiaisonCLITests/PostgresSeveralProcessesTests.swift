import Foundation
import GRDB
import LiaisonCodec
import LiaisonPostgresTesting
import LiaisonStore
import LiaisonTestKit
import LiaisonTestScratch
import Testing

/// Two `township serve` processes on one PostgreSQL database (issue 15): one is killed with
/// SIGKILL while a device pushes to it, and the device's retry against the other loses no
/// acknowledged change and applies none twice.
@Suite(.serialized, .scratch, .postgresScratch, .enabled(if: PostgresTestServer.runs))
struct PostgresSeveralProcessesTests {
  @Test func aPushCutByAKilledProcessIsFinishedByAnotherWithNothingLostOrTwice() async throws {
    let seed = UInt64(ProcessInfo.processInfo.environment["LIAISON_CRASH_SEED"] ?? "") ?? 15
    print("several processes: seed \(seed) (LIAISON_CRASH_SEED replays)")
    var random = SeededGenerator(seed: seed)
    let database = "\(try await PostgresTestServer.freshDatabase())"
    let first = try TownshipProcess(database: database)
    // The second process shares the first's store directory (its certificate and signing
    // key) and database, as two processes of one township behind a load balancer do.
    let second = try ServeLaunch.start(
      binary: TownshipProcess.binary, directory: first.home, arguments: ["--database", database])
    defer {
      if second.process.isRunning { second.process.terminate() }
      second.process.waitUntilExit()
    }
    #expect(second.pin == first.pin)

    let writer = try SyncCrashTests().enrolledDevice(first, name: "李伟")
    let written = try SyncCrashTests().write(6_000, at: writer, random: &random)
    let sync = try writer.start(["sync", "--batch-size", "100"])
    usleep(UInt32.random(in: 200_000...900_000, using: &random))
    kill(first.server.process.processIdentifier, SIGKILL)
    sync.waitUntilExit()
    // Else the test would test nothing: the kill must cut the push.
    #expect(sync.terminationStatus != 0, "the sync finished before the kill; write more")

    // The device's next sync goes to the other process (a load balancer's choice).
    try await DatabaseQueue(
      path: (writer.home as NSString).appendingPathComponent(ReplicaStore.fileName)
    )
    .write { db in try db.execute(sql: "UPDATE peer SET url = ?", arguments: [second.url]) }
    let retried = try writer.run("sync")
    #expect(retried.succeeded, "\(retried.error)")
    #expect(try writer.run("status").output.contains("0 not yet sent"))

    // Every change the device wrote is in the township's log exactly once, and every
    // signature and report holds.
    let verified = try first.run(
      ["verify", "--store", first.home, "--database", database, "--format", "json"],
      environment: [:])
    #expect(verified.status == 0, "\(verified.output) \(verified.error)")
    guard case .object(let summary) = try JSONValue(parsing: Array(verified.output.utf8)) else {
      Issue.record("not JSON: \(verified.output)")
      return
    }
    #expect(summary["changes"] == .integer(Int64(written)), "\(summary)")
    #expect(summary["signed"] == .integer(Int64(written)), "\(summary)")

    // A second device pulling from the surviving process receives exactly the writer's reports.
    let reader = CommandLineRunner()
    #expect(try reader.run("init", "--name", "王芳", "--village", "东村").succeeded)
    let issued = try first.run(
      ["enroll", "--name", "王芳", "--village", "东村", "--format", "link", "--server", second.url],
      environment: ["TOWNSHIP_TOKEN": first.server.adminToken, "TOWNSHIP_PIN": first.pin])
    #expect(issued.succeeded, "\(issued.error)")
    let enrolled = try reader.run(
      "enroll", issued.output.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(enrolled.succeeded, "\(enrolled.error)")
    #expect(try reader.run("sync").succeeded)
    #expect(
      try SyncCrashTests().canonicalStates(reader.home)
        == SyncCrashTests().canonicalStates(writer.home))
  }
}
