import Foundation
import GRDB
import LiaisonCodec
import LiaisonTestScratch
import Testing

/// `township verify`, the auditor's check, through the real binary against a live township.
@Suite(.serialized, .scratch) struct VerifyCommandTests {
  @Test func verifyPassesOnAnHonestLogAndNamesWhatWasAlteredAfterSigning() throws {
    let town = try AdministratorTests().township()
    let store = ["--store", town.server.home]
    #expect(try town.b.run("edit", town.report, "--status", "in_progress").succeeded)
    try town.syncAll()
    let clean = try town.server.run(["verify"] + store, environment: [:])
    #expect(clean.status == 0, "\(clean.output) \(clean.error)")
    #expect(clean.output.contains("OK: every signature holds"), "\(clean.output)")
    let json = try town.server.run(["verify", "--format", "json"] + store, environment: [:])
    guard case .object(let summary) = try JSONValue(parsing: Array(json.output.utf8)) else {
      Issue.record("not JSON: \(json.output)")
      return
    }
    #expect(summary["holds"] == .bool(true) && summary["changes"] == .integer(2), "\(summary)")
    #expect(summary["signed"] == .integer(2), "\(summary)")

    // The server's database is altered behind its back: a logged title is rewritten.
    let file = (town.server.home as NSString).appendingPathComponent("liaison.sqlite")
    try DatabaseQueue(path: file).write { db in
      try db.execute(
        sql: "UPDATE change SET body = CAST(replace(CAST(body AS TEXT), '水渠纠纷', '水渠无事') AS BLOB)")
    }
    let tampered = try town.server.run(["verify"] + store, environment: [:])
    #expect(tampered.status == 1, "\(tampered.output) \(tampered.error)")
    #expect(tampered.output.contains("bad_signature"), "\(tampered.output)")
    #expect(tampered.output.contains("its stored state differs"), "\(tampered.output)")
    #expect(tampered.output.contains("FAILED"), "\(tampered.output)")

    let missing = try town.server.run(
      ["verify", "--store", ScratchDirectory.path("none")], environment: [:])
    #expect(missing.status == 2, "\(missing.output) \(missing.error)")
    #expect(missing.error.contains("township verify:"), "\(missing.error)")
  }
}
