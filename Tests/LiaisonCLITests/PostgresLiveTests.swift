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
}
