import Foundation
import LiaisonTestScratch
import LiaisonText
import Testing

/// The README's walk-through, run against the real binary.
@Suite(.scratch) struct WalkthroughTests {
  let cli = CommandLineRunner()

  @Test func recordEditListShowAndExportWithChineseText() throws {
    try cli.initialize()
    let canal = try cli.record("水渠纠纷", "--details", "两户争用水渠，已多次争吵")
    #expect(canal.count == 36)
    let bridge = try cli.record(
      "Broken bridge 桥梁裂缝", "--urgency", "high", "--coordinates", "31.2304,121.4737")

    let edit = try cli.run(
      "edit", String(bridge.prefix(8)), "--status", "in_progress", "--assignee", "张主任")
    #expect(edit.succeeded, "\(edit.error)")
    #expect(try cli.run("note", String(bridge.prefix(6)), "已电话联系双方").succeeded)

    let list = try cli.run("list")
    let lines = list.output.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines[2].contains("Broken bridge 桥梁裂缝"))  // newest first
    #expect(lines[3].contains("水渠纠纷"))
    // Every row's title starts at the same terminal column, whatever the Chinese before it.
    let titleColumns = [(lines[0], "TITLE"), (lines[2], "Broken bridge"), (lines[3], "水渠纠纷")].map {
      line, title in
      line.range(of: title).map { DisplayWidth.of(line[..<$0.lowerBound]) }
    }
    #expect(Set(titleColumns).count == 1 && titleColumns[0] != nil, "\(list.output)")

    let json =
      try JSONSerialization.jsonObject(
        with: Data(try cli.run("list", "--format", "json").output.utf8)) as? [[String: Any]]
    #expect(json?.first?["status"] as? String == "in_progress")
    #expect(json?.last?["title"] as? String == "水渠纠纷")

    let show = try cli.run("show", String(bridge.prefix(5)))
    #expect(show.output.contains("assignee: 张主任"))
    #expect(show.output.contains("(31.2304,121.4737)"))
    #expect(show.output.contains("李伟: 已电话联系双方"))

    let history = try cli.run("show", String(bridge.prefix(5)), "--history")
    #expect(history.output.contains("status: open → in_progress"))
    #expect(history.output.contains("title: (none) → Broken bridge 桥梁裂缝"))

    let status = try cli.run("status")
    #expect(status.output.contains("Reports:      2"))
    #expect(status.output.contains("4 not yet sent"))
  }

  @Test func csvExportOpensInASpreadsheetWithTheChineseIntact() throws {
    try cli.initialize()
    _ = try cli.record("水渠纠纷, \"东西\"两户", "--details", "第一行\n第二行")
    _ = try cli.record("=1+2 公式")
    let file = (cli.home as NSString).appendingPathComponent("out.csv")
    let export = try cli.run("export", "--format", "csv", "--output", file)
    #expect(export.succeeded, "\(export.error)")
    let bytes = try #require(FileManager.default.contents(atPath: file))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(String(decoding: bytes, as: UTF8.self).contains("\r\n"))
    let rows = try CSV.parse(Array(bytes))
    #expect(rows.count == 3)
    #expect(rows[0].first == "id")
    #expect(rows.contains { $0[3] == "水渠纠纷, \"东西\"两户" && $0[4] == "第一行\n第二行" })
    #expect(rows.contains { $0[3] == "'=1+2 公式" })
  }

  @Test func jsonExportHoldsEveryReport() throws {
    try cli.initialize()
    let id = try cli.record()
    let export = try cli.run("export", "--format", "json")
    let reports =
      try JSONSerialization.jsonObject(with: Data(export.output.utf8)) as? [[String: Any]]
    #expect(reports?.map { $0["id"] as? String } == [id])
  }

  @Test func theStoreFollowsLiaisonHomeOrTheStoreOption() throws {
    let elsewhere = (cli.home as NSString).appendingPathComponent("other")
    #expect(try cli.run("init", "--store", elsewhere, "--name", "王芳", "--village", "南湾").succeeded)
    #expect(
      FileManager.default.fileExists(
        atPath: (elsewhere as NSString).appendingPathComponent("liaison.sqlite")))
    #expect(try cli.run("status", "--store", elsewhere).output.contains("王芳"))
    #expect(!(try cli.run("status").succeeded))
  }

  @Test func withoutLiaisonHomeTheStoreIsInHomeAndOnlyItsOwnerReadsIt() throws {
    let home = (cli.home as NSString).appendingPathComponent("user")
    let created = try cli.run(
      ["init", "--name", "王芳", "--village", "南湾"], environment: ["LIAISON_HOME": "", "HOME": home])
    #expect(created.succeeded, "\(created.error)")
    let store = (home as NSString).appendingPathComponent(".liaison")
    let file = (store as NSString).appendingPathComponent("liaison.sqlite")
    let attributes = FileManager.default.attributesOfItem
    #expect(try attributes(store)[.posixPermissions] as? Int == 0o700)
    #expect(try attributes(file)[.posixPermissions] as? Int == 0o600)
  }
}
