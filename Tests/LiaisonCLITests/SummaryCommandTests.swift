import Foundation
import LiaisonCodec
import LiaisonTestScratch
import Testing

/// `township summary` against the real server: the dashboard's figures on the command line,
/// the same JSON whatever the language.
@Suite(.serialized, .scratch) struct SummaryCommandTests {
  @Test func theSummaryCountsWhatADeviceSyncedAndSpeaksTheLocaleButNotInJSON() throws {
    let server = try TownshipProcess()
    let device = try LiveSyncTests().enrolledDevice(server, name: "李伟")
    _ = try device.record("水渠纠纷", "--urgency", "urgent")
    let sync = try device.run("sync")
    #expect(sync.succeeded, "\(sync.error)")
    let json = try server.run("summary", "--format", "json")
    #expect(json.succeeded, "\(json.error)")
    guard case .object(let summary) = try JSONValue(parsing: Array(json.output.utf8)),
      case .array(let weeks)? = summary["weeks"], case .object(let urgent)? = summary["urgent"]
    else {
      Issue.record("not the summary's shape: \(json.output)")
      return
    }
    #expect(weeks.count == 12)
    #expect(urgent["total"] == .integer(1))
    #expect(
      summary["open"]
        == .array([
          .object([
            "village": .string("东村"), "category": .string("dispute"), "count": .integer(1),
          ])
        ]))
    let english = try server.run(
      ["summary", "--server", server.url],
      environment: ["TOWNSHIP_TOKEN": server.server.adminToken, "LIAISON_LANG": "en"])
    #expect(english.output.contains("Urgent and open (1)"), "\(english.output)")
    #expect(english.output.contains("水渠纠纷"))
    let chinese = try server.run(
      ["summary", "--server", server.url],
      environment: ["TOWNSHIP_TOKEN": server.server.adminToken, "LIAISON_LANG": "zh-Hans"])
    #expect(chinese.output.contains("紧急待办（1）"), "\(chinese.output)")
    #expect(chinese.output.contains("纠纷"))
    let chineseJSON = try server.run(
      ["summary", "--format", "json", "--server", server.url],
      environment: ["TOWNSHIP_TOKEN": server.server.adminToken, "LIAISON_LANG": "zh-Hans"])
    // Only the clock moves between the two runs (`now`, and the weeks that end at it):
    // everything else a script reads is the same in either language.
    guard case .object(var again) = try JSONValue(parsing: Array(chineseJSON.output.utf8)) else {
      Issue.record("not JSON: \(chineseJSON.output)")
      return
    }
    var first = summary
    for moving in ["now", "weeks"] {
      first[moving] = nil
      again[moving] = nil
    }
    #expect(again == first)
  }
}
