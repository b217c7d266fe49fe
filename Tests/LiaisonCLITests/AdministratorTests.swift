import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonStore
import LiaisonTestScratch
import LiaisonText
import Testing

/// The administrator's workflow end to end: two real devices, the real server and the
/// `township` commands, as README's "Administrators" section walks through it.
@Suite(.serialized, .scratch) struct AdministratorTests {
  /// A server with two devices for 东村, and one report both have synced.
  struct Township {
    let server: TownshipProcess
    let a: CommandLineRunner
    let b: CommandLineRunner
    let report: String

    /// Syncs the devices in an order after which each has everything the other sent.
    func syncAll() throws {
      for device in [a, b, a] {
        let sync = try device.run("sync")
        #expect(sync.succeeded, "\(sync.error)")
      }
    }
  }

  func township(title: String = "水渠纠纷") throws -> Township {
    let server = try TownshipProcess()
    let a = try LiveSyncTests().enrolledDevice(server, name: "李伟")
    let b = try LiveSyncTests().enrolledDevice(server, name: "王芳")
    let report = try a.record(title)
    let town = Township(server: server, a: a, b: b, report: report)
    try town.syncAll()
    return town
  }

  /// The report as a device shows it to scripts.
  func shown(_ device: CommandLineRunner, _ id: String) throws -> [String: JSONValue] {
    let outcome = try device.run("show", id, "--format", "json")
    #expect(outcome.succeeded, "\(outcome.error)")
    guard case .object(let members) = try JSONValue(parsing: Array(outcome.output.utf8)) else {
      Issue.record("not a JSON object: \(outcome.output)")
      return [:]
    }
    return members
  }

  func json(_ outcome: CommandLineRunner.Outcome) throws -> JSONValue {
    #expect(outcome.succeeded, "\(outcome.error)")
    return try JSONValue(parsing: Array(outcome.output.utf8))
  }

  /// `township conflict show ID --format json`: the numbered values of `field`.
  func choices(_ town: Township, _ field: String) throws -> [[String: JSONValue]] {
    guard
      case .object(let view) = try json(
        town.server.run("conflict", "show", String(town.report.prefix(6)), "--format", "json")),
      case .array(let conflicts)? = view["conflicts"]
    else { return [] }
    for case .object(let conflict) in conflicts where conflict["field"] == .string(field) {
      guard case .array(let values)? = conflict["values"] else { return [] }
      return values.compactMap { if case .object(let value) = $0 { value } else { nil } }
    }
    return []
  }

  func expectNoConflict(_ town: Township, title: String? = nil) throws {
    for device in [town.a, town.b] {
      let report = try shown(device, town.report)
      #expect(report["conflicts"] == .array([]), "\(report)")
      if let title { #expect(report["title"] == .string(title), "\(report)") }
      #expect(try json(device.run("list", "--conflicted", "--format", "json")) == .array([]))
    }
    #expect(try town.server.run("conflicts").output.contains("No report is in conflict"))
  }

  /// Terminal tables fit 80 columns, Chinese counted two columns a character.
  func expectFits(_ outcome: CommandLineRunner.Outcome) {
    #expect(!outcome.output.isEmpty)
    for line in outcome.output.split(separator: "\n") {
      #expect(DisplayWidth.of(line) <= 80, "\(line)")
    }
  }

  @Test func aSameFieldConflictIsListedShownAndResolvedByPick() throws {
    let town = try township()
    #expect(try town.a.run("edit", town.report, "--title", "水渠纠纷（甲）").succeeded)
    #expect(try town.b.run("edit", town.report, "--title", "水渠纠纷（乙）").succeeded)
    try town.syncAll()

    let listed = try town.server.run("conflicts")
    #expect(listed.succeeded, "\(listed.error)")
    #expect(listed.output.contains(String(town.report.prefix(8))), "\(listed.output)")
    #expect(listed.output.contains("title") && listed.output.contains("李伟"))
    #expect(listed.output.contains("王芳"), "both devices are named: \(listed.output)")
    expectFits(listed)
    guard case .array(let conflicts) = try json(town.server.run("conflicts", "--format", "json"))
    else { throw Unexpected() }
    #expect(conflicts.count == 1)

    let show = try town.server.run("conflict", "show", String(town.report.prefix(6)))
    #expect(show.succeeded, "\(show.error)")
    expectFits(show)
    #expect(show.output.contains("水渠纠纷（甲）") && show.output.contains("水渠纠纷（乙）"))
    #expect(show.output.contains("Merged cleanly") && show.output.contains("dispute"))
    #expect(show.output.contains("*1"), "the provisional winner is marked: \(show.output)")
    // Pick the value that is not the provisional winner, so the decision is visible.
    let values = try choices(town, "title")
    #expect(values.count == 2)
    let loser = try #require(values.first { $0["provisional"] == .bool(false) })
    guard case .integer(let number)? = loser["number"], case .string(let chosen)? = loser["value"]
    else { throw Unexpected() }

    // A second administrator, created from the command line, makes the decision.
    let added = try town.server.run("admin", "add", "王主任")
    #expect(added.succeeded, "\(added.error)")
    let second = added.output.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(second.hasPrefix("lsn_"))
    let resolved = try town.server.run(
      [
        "resolve", String(town.report.prefix(6)), "--field", "title", "--pick", "\(number)",
        "--reason", "乙方核实", "--server", town.server.url,
      ], environment: ["TOWNSHIP_TOKEN": second])
    #expect(resolved.succeeded, "\(resolved.error)")

    // Before they sync, the devices are behind; afterwards both show the decision.
    guard case .array(let before) = try json(town.server.run("devices", "--format", "json"))
    else { throw Unexpected() }
    #expect(
      before.allSatisfy {
        if case .object(let d) = $0 { d["pending"] != .integer(0) } else { false }
      })
    try town.syncAll()
    try expectNoConflict(town, title: chosen)
    guard case .array(let after) = try json(town.server.run("devices", "--format", "json"))
    else { throw Unexpected() }
    #expect(after.count == 2)
    #expect(
      after.allSatisfy {
        if case .object(let d) = $0 { d["pending"] == .integer(0) } else { false }
      })

    let audit = try town.server.run("audit", String(town.report.prefix(8)))
    #expect(audit.succeeded, "\(audit.error)")
    expectFits(audit)
    expectFits(try town.server.run("devices"))
    expectFits(try town.server.run("audit"))
    #expect(audit.output.contains("王主任") && audit.output.contains("resolve conflict"))
    #expect(audit.output.contains("乙方核实"), "\(audit.output)")
    let trail = try town.server.run("audit", "--format", "json").output
    #expect(trail.contains("\"reason\" : \"乙方核实\"") && trail.contains("add administrator"))
    #expect(town.server.stop() == 0)
  }

  @Test func differentFieldsMergeCleanlyAndAValueResolvesAConflict() throws {
    let town = try township()
    #expect(try town.a.run("edit", town.report, "--urgency", "high").succeeded)
    #expect(try town.b.run("edit", town.report, "--status", "in_progress").succeeded)
    try town.syncAll()
    try expectNoConflict(town)
    for device in [town.a, town.b] {
      let report = try shown(device, town.report)
      #expect(report["urgency"] == .string("high") && report["status"] == .string("in_progress"))
    }

    #expect(try town.a.run("edit", town.report, "--assignee", "张三").succeeded)
    #expect(try town.b.run("edit", town.report, "--assignee", "李四").succeeded)
    try town.syncAll()
    #expect(try town.server.run("conflicts", "--village", "东村").output.contains("assignee"))
    #expect(try town.server.run("conflicts", "--category", "hazard").output.contains("No report"))
    #expect(try town.server.run("conflict", "show", town.report).succeeded)
    let resolved = try town.server.run(
      "resolve", town.report, "--field", "assignee", "--value", "王五", "--reason", "改派")
    #expect(resolved.succeeded, "\(resolved.error)")
    try town.syncAll()
    try expectNoConflict(town)
    for device in [town.a, town.b] {
      #expect(try shown(device, town.report)["assignee"] == .string("王五"))
    }

    // A location is decided with its coordinates, as `liaison edit` would write them.
    #expect(try town.a.run("edit", town.report, "--location", "渠首").succeeded)
    #expect(try town.b.run("edit", town.report, "--location", "渠尾").succeeded)
    try town.syncAll()
    #expect(try town.server.run("conflict", "show", town.report).succeeded)
    let located = try town.server.run(
      "resolve", town.report, "--field", "location", "--value", "渠中", "--coordinates",
      "31.2304,121.4737")
    #expect(located.succeeded, "\(located.error)")
    try town.syncAll()
    try expectNoConflict(town)
    let location = try shown(town.b, town.report)["location"]
    #expect("\(location ?? .null)".contains("31.2304"), "\(location ?? .null)")

    // The township-wide list and export see the same report.
    guard case .array(let reports) = try json(town.server.run("reports", "--format", "json"))
    else { throw Unexpected() }
    #expect(reports.count == 1)
    let csv = try town.server.run("export", "--format", "csv")
    #expect(csv.succeeded && csv.output.contains("王五") && csv.output.contains("assignee"))
    let trail = try town.server.run("audit", "--format", "json").output
    #expect(trail.contains("\"action\" : \"export reports\""), "\(trail)")
    #expect(trail.contains("\"detail\" : \"1 reports\""), "\(trail)")
    #expect(town.server.stop() == 0)
  }

  @Test func aDeleteAgainstAnEditIsAConflictResolvedEitherWay() throws {
    let town = try township()
    let restored = try town.a.record("道路塌方")
    try town.syncAll()
    for id in [town.report, restored] {
      #expect(try town.a.run("delete", id).succeeded)
      #expect(try town.b.run("edit", id, "--details", "仍需处理").succeeded)
    }
    try town.syncAll()
    let listed = try town.server.run("conflicts", "--format", "json").output
    #expect(listed.components(separatedBy: "\"deleted\"").count == 3, "\(listed)")

    // Keep the first deleted.
    #expect(try town.server.run("conflict", "show", town.report).succeeded)
    let kept = try town.server.run(
      "resolve", town.report, "--field", "deleted", "--pick", "2", "--reason", "重复报告")
    #expect(kept.succeeded, "\(kept.error)")
    // Restore the second, with the edit made meanwhile.
    #expect(try town.server.run("conflict", "show", restored).output.contains("restored"))
    let back = try town.server.run("resolve", restored, "--field", "deleted", "--value", "no")
    #expect(back.succeeded, "\(back.error)")
    try town.syncAll()
    for device in [town.a, town.b] {
      let gone = try shown(device, town.report)
      #expect(gone["deleted"] == .bool(true) && gone["conflicts"] == .array([]), "\(gone)")
      let again = try shown(device, restored)
      #expect(again["deleted"] == .bool(false) && again["conflicts"] == .array([]), "\(again)")
      #expect(again["details"] == .string("仍需处理"))
      #expect(!(try device.run("list").output.contains(String(town.report.prefix(8)))))
    }
    #expect(try town.server.run("conflicts").output.contains("No report is in conflict"))
    #expect(town.server.stop() == 0)
  }

  @Test func cutValuesAreShownInFullAndDevicesByTheirReplica() throws {
    let town = try township()
    let long = String(repeating: "水渠", count: 30) + "末尾"
    #expect(try town.a.run("edit", town.report, "--details", "第一行\n第二行").succeeded)
    #expect(try town.b.run("edit", town.report, "--details", long).succeeded)
    try town.syncAll()
    let show = try town.server.run("conflict", "show", town.report)
    expectFits(show)
    #expect(show.output.contains("In full:"), "\(show.output)")
    #expect(show.output.contains("    第一行\n    第二行\n"), "\(show.output)")
    #expect(show.output.contains("末尾"), "\(show.output)")
    // Each device by name and replica id, which --all-from takes.
    let replica = try ReplicaStore.open(in: town.b.home).info().id.description.prefix(8)
    #expect(show.output.contains("王芳 (\(replica))"), "\(show.output)")
    let resolved = try town.server.run("resolve", town.report, "--all-from", String(replica))
    #expect(resolved.succeeded, "\(resolved.error)")
    try town.syncAll()
    try expectNoConflict(town)
    #expect(try shown(town.a, town.report)["details"] == .string(long))
    #expect(town.server.stop() == 0)
  }

  /// One id per device: `devices`, `conflict show`, `audit` and `revoke` all name a device by
  /// its replica id's first 8 digits, so an administrator can match them.
  @Test func everyCommandNamesADeviceByTheSameId() throws {
    let town = try township()
    #expect(try town.a.run("edit", town.report, "--title", "甲").succeeded)
    #expect(try town.b.run("edit", town.report, "--title", "乙").succeeded)
    try town.syncAll()
    let replica = String(try ReplicaStore.open(in: town.b.home).info().id.description.prefix(8))
    let devices = try town.server.run("devices")
    #expect(devices.output.contains(replica), "\(devices.output)")
    #expect(devices.output.contains("DEVICE"), "\(devices.output)")
    #expect(try town.server.run("conflict", "show", town.report).output.contains("王芳 (\(replica))"))
    let audit = try town.server.run("audit", town.report)
    #expect(audit.output.contains("王芳 (\(replica))"), "\(audit.output)")
    let revoked = try town.server.run("revoke", replica, "--reason", "设备丢失")
    #expect(revoked.succeeded, "\(revoked.error)")
    #expect(revoked.output.contains(replica), "\(revoked.output)")
    #expect(try town.server.run("audit").output.contains("revoke device \(replica)"))
    #expect(town.server.stop() == 0)
  }

  /// An audit trail's reasons and names are its point: shown whole, wrapped, even in a pipe.
  @Test func theAuditTrailShowsReasonsAndNamesWhole() throws {
    let town = try township()
    let name = "Township office duty administrator"
    let added = try town.server.run("admin", "add", name)
    #expect(added.succeeded, "\(added.error)")
    let token = added.output.trimmingCharacters(in: .whitespacesAndNewlines)
    let reason =
      "checked with both households on site; the east family keeps the channel on weekdays "
      + "and the west family at weekends until the harvest ends, as agreed in the village office"
    let revoked = try town.server.run(
      ["revoke", "王芳", "--reason", reason, "--server", town.server.url],
      environment: ["TOWNSHIP_TOKEN": token])
    #expect(revoked.succeeded, "\(revoked.error)")
    let audit = try town.server.run("audit")
    expectFits(audit)
    #expect(!audit.output.contains("…"), "\(audit.output)")
    let words = audit.output.split(whereSeparator: \.isWhitespace)
    var rest = words[...]
    // Every word of the reason and the name, in order.
    for word in (name + " " + reason).split(separator: " ") {
      guard let found = rest.firstIndex(of: word) else {
        Issue.record("\"\(word)\" is missing from\n\(audit.output)")
        break
      }
      rest = rest[found...]
    }
    #expect(town.server.stop() == 0)
  }

  @Test func enrollPrintsItsCodeAsJSONForScripts() throws {
    let server = try TownshipProcess()
    let outcome = try server.run(
      "enroll", "--name", "李伟", "--village", "东村", "--village", "西村", "--format", "json")
    guard case .object(let members) = try json(outcome) else { throw Unexpected() }
    #expect(members["name"] == .string("李伟"))
    #expect(members["villages"] == .array([.string("东村"), .string("西村")]))
    guard case .string(let code)? = members["code"],
      case .string(let link)? = members["link"],
      case .string(let expiry)? = members["expires_at"]
    else { throw Unexpected() }
    #expect(code.count == 16)
    #expect(link == "\(server.url)/enrol#code=\(code)&pin=\(server.pin)")
    #expect(expiry.hasSuffix("Z"), "\(expiry)")
    // The link works.
    let device = CommandLineRunner()
    #expect(try device.run("init", "--name", "李伟", "--village", "东村").succeeded)
    #expect(try device.run("enroll", link).succeeded)
    #expect(server.stop() == 0)
  }

  @Test func aResolutionAgainstAReportChangedSinceItWasShownIsRefused() throws {
    let town = try township()
    #expect(try town.a.run("edit", town.report, "--title", "甲").succeeded)
    #expect(try town.b.run("edit", town.report, "--title", "乙").succeeded)
    try town.syncAll()

    let blind = try town.server.run("resolve", town.report, "--field", "title", "--pick", "1")
    #expect(!blind.succeeded && blind.error.contains("township conflict show"), "\(blind.error)")

    #expect(try town.server.run("conflict", "show", town.report).succeeded)
    #expect(try town.a.run("edit", town.report, "--details", "新情况").succeeded)
    #expect(try town.a.run("sync").succeeded)
    let stale = try town.server.run("resolve", town.report, "--field", "title", "--pick", "2")
    #expect(!stale.succeeded)
    #expect(stale.errorLines.count == 1, "\(stale.error)")
    #expect(stale.error.contains("report changed since you looked"), "\(stale.error)")
    #expect(try town.server.run("conflicts").output.contains("title"), "nothing was written")

    #expect(try town.server.run("conflict", "show", town.report).output.contains("新情况"))
    let fresh = try town.server.run("resolve", town.report, "--all-from", "王芳")
    #expect(fresh.succeeded, "\(fresh.error)")
    try town.syncAll()
    try expectNoConflict(town, title: "乙")
    #expect(town.server.stop() == 0)
  }

  @Test func aLiaisonCredentialIsRefusedByEveryAdministratorCommand() throws {
    let town = try township()
    let token = try #require(try ReplicaStore.open(in: town.a.home).serverLink()).token
    let commands: [[String]] = [
      ["conflicts"], ["conflict", "show", town.report],
      ["resolve", town.report, "--field", "title", "--pick", "1", "--expect", "000000000000"],
      ["reports"], ["export", "--format", "json"], ["devices"], ["revoke", "王芳"], ["audit"],
      ["audit", town.report], ["admin", "add", "冒充者"],
      ["enroll", "--name", "x", "--village", "东村"],
      ["login"],
    ]
    for command in commands {
      let refused = try town.server.run(
        command + ["--server", town.server.url, "--token", token], environment: [:])
      #expect(!refused.succeeded, "\(command)")
      #expect(refused.error.contains("administrator"), "\(command): \(refused.error)")
    }
    #expect(try town.b.run("sync").succeeded, "nothing was revoked")
    // `township enroll` speaks to the administrator like the other commands, not as a device
    // whose changes wait for the next sync.
    let forbidden = try town.server.run(
      ["enroll", "--name", "x", "--village", "东村", "--server", town.server.url, "--token", token],
      environment: [:])
    #expect(forbidden.error.contains("this token is not an administrator's"), "\(forbidden.error)")
    let unreachable = try town.server.run(
      ["enroll", "--name", "x", "--village", "东村", "--server", "https://127.0.0.1:9"],
      environment: ["TOWNSHIP_TOKEN": town.server.server.adminToken])
    #expect(!unreachable.succeeded && unreachable.errorLines.count == 1, "\(unreachable.error)")
    #expect(unreachable.error.contains("check --server"), "\(unreachable.error)")
    #expect(!unreachable.error.contains("your changes"), "\(unreachable.error)")

    // `township login` saves a working administrator's credential and the pinned certificate,
    // readable by its owner only; later commands trust that certificate without a pin.
    let login = try town.server.run(
      [
        "login", "--server", town.server.url, "--pin", town.server.pin, "--token",
        town.server.server.adminToken,
      ], environment: ["TOWNSHIP_PIN": ""])
    #expect(login.succeeded, "\(login.error)")
    let file = (town.server.adminHome as NSString).appendingPathComponent("admin.json")
    let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let saved = try #require(FileManager.default.contents(atPath: file))
    #expect(String(decoding: saved, as: UTF8.self).contains("\"certificate\":"))
    #expect(
      try town.server.run(["devices"], environment: ["TOWNSHIP_PIN": ""]).output.contains("王芳"))
    // Without $TOWNSHIP_HOME the file goes in $HOME/.township, which only its owner opens;
    // the server's store, created on its first run, is as private.
    let home = (town.server.adminHome as NSString).appendingPathComponent("user")
    // The token read from standard input (`--token -`) stays out of history and `ps`.
    let elsewhere = try town.server.run(
      ["login", "--server", town.server.url, "--token", "-"],
      environment: ["TOWNSHIP_HOME": "", "HOME": home],
      input: town.server.server.adminToken + "\n")
    #expect(elsewhere.succeeded, "\(elsewhere.error)")
    let attributes = FileManager.default.attributesOfItem
    let userHome = (home as NSString).appendingPathComponent(".township")
    #expect(try attributes(userHome)[.posixPermissions] as? Int == 0o700)
    #expect(try attributes(userHome + "/admin.json")[.posixPermissions] as? Int == 0o600)
    #expect(try attributes(town.server.home)[.posixPermissions] as? Int == 0o700)
    #expect(
      try attributes(town.server.home + "/liaison.sqlite")[.posixPermissions] as? Int == 0o600)

    // Revoked by name: the device is refused from its next sync, and the trail says why.
    let revoked = try town.server.run(["revoke", "王芳", "--reason", "设备丢失"], environment: [:])
    #expect(revoked.succeeded, "\(revoked.error)")
    let refused = try town.b.run("sync")
    #expect(!refused.succeeded && refused.error.contains("revoked"), "\(refused.error)")
    let twice = try town.server.run(["revoke", "王芳"], environment: [:])
    #expect(!twice.succeeded && twice.errorLines.count == 1, "\(twice.error)")
    #expect(twice.error.contains("revoked already"), "\(twice.error)")
    let taken = try town.server.run(["admin", "add", "administrator"], environment: [:])
    #expect(!taken.succeeded && taken.errorLines.count == 1, "\(taken.error)")
    #expect(taken.error.contains("already called"), "\(taken.error)")
    guard case .array(let devices) = try json(town.server.run("devices", "--format", "json"))
    else { throw Unexpected() }
    let revokedNames = devices.compactMap { device -> JSONValue? in
      guard case .object(let members) = device, members["revoked"] != .null else { return nil }
      return members["name"]
    }
    #expect(revokedNames == [.string("王芳")])
    #expect(try town.server.run("audit").output.contains("设备丢失"))
    #expect(town.server.stop() == 0)
  }
}

/// An answer that was not the shape the test needs.
private struct Unexpected: Error {}
