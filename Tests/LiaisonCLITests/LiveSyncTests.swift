import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit
import LiaisonTestScratch
import Testing

/// Two devices and the real server, over loopback HTTPS, pinned at enrolment.
@Suite(.serialized, .scratch) struct LiveSyncTests {
  /// Every report's canonical state in a store, by id.
  func canonicalStates(_ directory: String) throws -> [String: [UInt8]] {
    let store = try ReplicaStore.open(in: directory)
    var states: [String: [UInt8]] = [:]
    try store.forEachReport(includeDeleted: true) { states[$0.id.description] = $0.canonicalBytes }
    return states
  }

  func enrolledDevice(_ server: TownshipProcess, name: String) throws -> CommandLineRunner {
    let device = CommandLineRunner()
    #expect(try device.run("init", "--name", name, "--village", "东村").succeeded)
    let link = try server.enrolmentLink(name: name, villages: ["东村"])
    let enrolled = try device.run("enroll", link)
    #expect(enrolled.succeeded, "\(enrolled.error)")
    return device
  }

  @Test func twoDevicesApartConvergeWithTheServerByteForByte() throws {
    let server = try TownshipProcess()
    let a = try enrolledDevice(server, name: "李伟")
    let b = try enrolledDevice(server, name: "王芳")
    let shared = try a.record("水渠纠纷")
    #expect(try a.run("sync").succeeded)
    #expect(try b.run("sync").succeeded)
    // Apart: both edit the same title, different fields, and each records reports of its own.
    #expect(try a.run("edit", shared, "--title", "水渠纠纷（甲）", "--urgency", "high").succeeded)
    #expect(try b.run("edit", shared, "--title", "水渠纠纷（乙）", "--status", "in_progress").succeeded)
    #expect(try b.run("note", shared, "双方同意调解").succeeded)
    for index in 0..<5 {
      _ = try a.record("甲记录 \(index)")
      _ = try b.record("乙记录 \(index)")
    }
    for device in [b, a, b, a] {
      let sync = try device.run("sync")
      #expect(sync.succeeded, "\(sync.error)")
    }
    let onA = try canonicalStates(a.home)
    #expect(onA.count == 11)
    #expect(try canonicalStates(b.home) == onA)
    #expect(try canonicalStates(server.home) == onA)
    let shown = try b.run("show", shared, "--format", "json").output
    #expect(shown.contains("\"conflicts\" : [\n    \"title\"\n  ]"), "\(shown)")
    #expect(shown.contains("\"urgency\" : \"high\""))
    #expect(try a.run("status").output.contains("0 not yet sent"))
    #expect(server.stop() == 0)
  }

  @Test func aRefusedChangeIsKeptOnTheDeviceAndListedWithTheServersReason() throws {
    let server = try TownshipProcess()
    // The liaison records a report for 西村 before the township enrols the device, for 东村 only.
    let b = CommandLineRunner()
    #expect(try b.run("init", "--name", "王芳", "--village", "东村", "--village", "西村").succeeded)
    let outcome = try b.run("new", "--village", "西村", "--category", "visit", "--title", "走访记录")
    #expect(outcome.succeeded, "\(outcome.error)")
    let report = outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
    _ = try b.record("水渠纠纷")
    let code = try server.enrollmentCode(name: "王芳", villages: ["东村"])
    #expect(
      try b.run("enroll", "--server", server.url, "--code", code, "--pin", server.pin).succeeded)
    let sync = try b.run("sync")
    #expect(sync.succeeded, "\(sync.error)")
    #expect(sync.output.contains("sent 1") && sync.output.contains("1 refused by the server"))
    #expect(try b.run("status").output.contains("Refused:      1 changes the server refused"))
    let listed = try b.run("status", "--refused", "--format", "json").output
    #expect(listed.contains("\"code\" : \"out_of_scope\""), "\(listed)")
    #expect(listed.contains(report.prefix(8)), "\(listed)")
    // Kept here: the liaison's words are not lost, only not accepted by the township.
    #expect(try b.run("show", report).output.contains("走访记录"))
    #expect(try b.run("sync").output.contains("sent 0"))
    #expect(server.stop() == 0)
  }

  /// sync.md, `GET /v1/pull`: a pulled change the device cannot read is kept and shown, never
  /// applied, and the sync goes on past it: it used to fail every sync from then on.
  @Test func aPulledChangeTheDeviceCannotReadIsKeptShownAndPassed() throws {
    let server = try TownshipProcess()
    let a = try enrolledDevice(server, name: "李伟")
    let b = try enrolledDevice(server, name: "王芳")
    let report = try a.record("水渠纠纷")
    #expect(try a.run("sync").succeeded)
    // A change from a newer version, with a member this one does not define, as the server's
    // log might hold after a downgrade.
    let stranger = Fixtures.replica(0x5e).description
    let body =
      #"{"attachments":[],"author":"张三","dot":[""# + stranger
      + #"",1],"fields":{"title":{"seen":{},"value":"新标题"}},"report":""# + report
      + #"","time":1772323200000}"#
    try DatabaseQueue(path: server.home + "/" + ReplicaStore.fileName).write { db in
      try db.execute(
        sql: """
          INSERT INTO change (report, replica, counter, author, time, body, report_key)
          SELECT id, ?, 1, '张三', 0, ?, key FROM report WHERE id = ?
          """, arguments: [stranger, Data(body.utf8), report])
    }
    #expect(try a.run("edit", String(report.prefix(8)), "--urgency", "high").succeeded)
    #expect(try a.run("sync").succeeded)

    let sync = try b.run("sync")
    #expect(sync.succeeded, "\(sync.error)")
    #expect(sync.output.contains("1 received that this device could not accept"), "\(sync.output)")
    #expect(try b.run("status").output.contains("Unreadable:   1"))
    let listed = try b.run("status", "--refused", "--format", "json").output
    #expect(listed.contains("\"code\" : \"unknown_field\""), "\(listed)")
    #expect(listed.contains("attachments"), "\(listed)")
    // Everything around it arrived, and the bad change was not applied.
    let shown = try b.run("show", String(report.prefix(8)), "--format", "json").output
    #expect(shown.contains("\"urgency\" : \"high\""), "\(shown)")
    #expect(!shown.contains("新标题"))
    // The cursor moved past it: the next sync is quiet, and keeps it once.
    #expect(try b.run("sync").output.contains("received 0"))
    #expect(try ReplicaStore.open(in: b.home).unreadableChanges().count == 1)
    #expect(server.stop() == 0)
  }

  @Test func theServerLogsEachRequestWithItsStatusWhenItEnds() throws {
    let log = ScratchDirectory.path("township-log")
    let server = try TownshipProcess(log: log)
    let device = CommandLineRunner()
    #expect(try device.run("init", "--name", "李伟", "--village", "东村").succeeded)
    #expect(
      !(try device.run(
        "enroll", "--server", server.url, "--code", "WRONGCODE0000000", "--pin", server.pin
      ).succeeded))
    let code = try server.enrollmentCode(name: "李伟", villages: ["东村"])
    #expect(
      try device.run("enroll", "--server", server.url, "--code", code, "--pin", server.pin)
        .succeeded)
    #expect(try device.run("sync").succeeded)
    #expect(server.stop() == 0)
    let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
    let requests = lines.filter { $0.contains("[LiaisonServer] request") }
    // A refused enrolment is a notice naming its status and code; a served pull is info.
    #expect(
      requests.contains {
        $0.contains("notice") && $0.contains("path=/v1/enroll") && $0.contains("status=401")
          && $0.contains("error=invalid_code")
      }, "\(requests)")
    #expect(
      requests.contains {
        $0.contains("info") && $0.contains("path=/v1/pull") && $0.contains("status=200")
      },
      "\(requests)")
    #expect(requests.allSatisfy { $0.contains("hb.request.id=") && $0.contains("ms=") })
    #expect(!lines.contains { $0.contains("lsn_") }, "a token reached the log")
  }

  @Test func aSyncCutMidwayResumesWithNothingLostOrDuplicated() throws {
    let server = try TownshipProcess()
    let a = try enrolledDevice(server, name: "李伟")
    let b = try enrolledDevice(server, name: "王芳")
    for index in 0..<60 { _ = try a.record("批量 \(index)") }
    // Kill the first sync partway through its pages of one change each.
    let cut = try a.start(["sync", "--batch-size", "1"])
    usleep(150_000)
    kill(cut.processIdentifier, SIGKILL)
    cut.waitUntilExit()
    let resumed = try a.run("sync", "--batch-size", "7")
    #expect(resumed.succeeded, "\(resumed.error)")
    #expect(try b.run("sync", "--batch-size", "7").succeeded)
    let onA = try canonicalStates(a.home)
    #expect(onA.count == 60)
    #expect(try canonicalStates(b.home) == onA)
    #expect(try canonicalStates(server.home) == onA)
    #expect(try ReplicaStore.open(in: server.home).status().changes == 60)
    #expect(server.stop() == 0)
  }

  @Test func anUnreachableServerOrARevokedDeviceIsAClearFailure() throws {
    let server = try TownshipProcess()
    let a = try enrolledDevice(server, name: "李伟")
    let revoked = try enrolledDevice(server, name: "王芳")
    let device = try #require(try ReplicaStore.open(in: revoked.home).serverLink()).device
    try TownshipStore.open(in: server.home).revoke(
      device: device, by: "管理员", reason: "lost", now: 0)
    let refused = try revoked.run("sync")
    #expect(!refused.succeeded)
    #expect(refused.errorLines.count == 1, "\(refused.error)")
    #expect(refused.error.contains("revoked"), "\(refused.error)")

    _ = try a.record()
    #expect(server.stop() == 0)
    let unreachable = try a.run("sync")
    #expect(!unreachable.succeeded)
    #expect(unreachable.errorLines.count == 1, "\(unreachable.error)")
    #expect(unreachable.error.contains("cannot reach the server"), "\(unreachable.error)")
    #expect(try a.run("status").output.contains("1 not yet sent"))

    let never = CommandLineRunner()
    #expect(try never.run("init", "--name", "x", "--village", "东村").succeeded)
    let notEnrolled = try never.run("sync")
    #expect(notEnrolled.error.contains("not enrolled"), "\(notEnrolled.error)")
  }

  /// A cursor the server never gave out (its log was restored from an older backup) is
  /// refused, and the device pulls from the start instead of stalling or missing changes.
  @Test func aCursorTheServerDoesNotKnowIsGivenUpForTheStart() throws {
    let server = try TownshipProcess()
    let a = try enrolledDevice(server, name: "李伟")
    let b = try enrolledDevice(server, name: "王芳")
    _ = try a.record("水渠纠纷")
    #expect(try a.run("sync").succeeded)
    try DatabaseQueue(path: b.home + "/" + ReplicaStore.fileName).write { db in
      try db.execute(sql: "UPDATE peer SET received_cursor = '99999'")
    }
    let sync = try b.run("sync")
    #expect(sync.succeeded, "\(sync.error)")
    #expect(sync.output.contains("received 1"), "\(sync.output)")
    #expect(try canonicalStates(b.home) == canonicalStates(a.home))
    #expect(server.stop() == 0)
  }
}
