import Foundation
import LiaisonPostgresTesting
import LiaisonTestKit
import LiaisonTestScratch
import Testing

/// The real `township serve --database` binary on PostgreSQL, two devices syncing through it.
@Suite(.serialized, .scratch, .postgresScratch, .enabled(if: PostgresTestServer.runs))
struct PostgresLiveTests {
  @Test func devicesEnrolPushAndPullThroughTheServerOnPostgres() async throws {
    let database = try await PostgresTestServer.freshDatabase()
    let server = try TownshipProcess(database: "\(database)")
    var devices: [CommandLineRunner] = []
    for name in ["李伟", "王芳"] {
      let device = CommandLineRunner()
      #expect(try device.run("init", "--name", name, "--village", "东村").succeeded)
      let enrolled = try device.run(
        "enroll", try server.enrolmentLink(name: name, villages: ["东村"]))
      #expect(enrolled.succeeded, "\(enrolled.error)")
      devices.append(device)
    }
    let report = try devices[0].record("水渠纠纷")
    let pushed = try devices[0].run("sync")
    #expect(pushed.succeeded, "\(pushed.error)")
    let pulled = try devices[1].run("sync")
    #expect(pulled.succeeded, "\(pulled.error)")
    #expect(try devices[1].run("show", report).output.contains("水渠纠纷"))
    // The server's own view, from the database: the report and both enrolments.
    #expect(try server.run("reports").output.contains("水渠纠纷"))
    #expect(try server.run("devices").output.contains("王芳"))
    #expect(server.stop() == 0)
  }

  /// `township migrate` through the real binary: a SQLite township that devices synced with,
  /// copied and verified, then `township verify --database` holds on the copy; a second copy
  /// into the same database is refused.
  @Test func migrateCopiesASQLiteTownshipAndVerifyHoldsOnTheCopy() async throws {
    let server = try TownshipProcess()
    let device = CommandLineRunner()
    #expect(try device.run("init", "--name", "李伟", "--village", "东村").succeeded)
    let link = try server.enrolmentLink(name: "李伟", villages: ["东村"])
    #expect(try device.run("enroll", link).succeeded)
    _ = try device.record("水渠纠纷")
    let synced = try device.run("sync")
    #expect(synced.succeeded, "\(synced.error)")
    #expect(server.stop() == 0)

    let database = try await PostgresTestServer.freshDatabase()
    let migrated = try TownshipProcess.run(
      ["migrate", "--from", server.home, "--to", "\(database)"], environment: [:])
    #expect(migrated.succeeded, "\(migrated.error)")
    #expect(migrated.output.contains("1 reports, 1 changes, 1 devices"), "\(migrated.output)")
    #expect(migrated.output.contains("Verified"))
    let verified = try TownshipProcess.run(
      ["verify", "--store", server.home, "--database", "\(database)"], environment: [:])
    #expect(verified.succeeded, "\(verified.output)\(verified.error)")
    #expect(verified.output.contains("1 changes in 1 reports"), "\(verified.output)")
    let again = try TownshipProcess.run(
      ["migrate", "--from", server.home, "--to", "\(database)", "--format", "json"],
      environment: [:])
    #expect(!again.succeeded && again.error.contains("already exists"), "\(again.error)")
  }

  /// Opening the store starts postgres-nio's pool before its first query: before, about two
  /// runs in five logged "PostgresClient.run() hasn't been called yet" on standard error.
  @Test func openingTheStoreLogsNoWarningFromThePool() async throws {
    let database = try await PostgresTestServer.freshDatabase()
    let home = FileManager.default.temporaryDirectory
      .appendingPathComponent("township-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: home) }
    let created = try TownshipProcess.run(
      ["init", "--store", home, "--database", "\(database)"], environment: [:])
    #expect(created.succeeded, "\(created.error)")
    for _ in 0..<10 {
      let verified = try TownshipProcess.run(
        ["verify", "--store", home, "--database", "\(database)"], environment: [:])
      #expect(verified.succeeded, "\(verified.error)")
      #expect(!verified.error.contains("warning"), "\(verified.error)")
    }
  }
}
