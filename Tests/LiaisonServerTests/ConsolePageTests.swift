import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonMerge
import LiaisonStore
import LiaisonTestScratch
import Testing

/// What an office does in the console: decide a conflict, enrol and revoke a device, read in
/// Chinese, download the reports.
@Suite(.scratch) struct ConsolePageTests {
  let directory = ScratchDirectory.path("township")

  @Test func aDecisionNeedsAReasonAndNeverOverwritesOneMadeMeanwhile() async throws {
    let town = try ConsoleTownship(directory: directory)
    let shown = try #require(try town.store.replica.report(town.report)).version
    let uri = "/conflicts/\(town.report)"
    try await town.application.test(.router) { client in
      var first = ConsoleBrowser(client)
      var second = ConsoleBrowser(client)
      for browser in [0, 1] {
        if browser == 0 {
          try await first.signIn(town.adminToken)
          try await first.get(uri)
        } else {
          try await second.signIn(town.adminToken)
          try await second.get(uri)
        }
      }
      #expect(first.lastPage.contains(#"data-field="title""#))
      let noReason = try await first.post(
        uri, ["csrf": first.csrf, "field": "title", "choice": "1", "version": shown, "reason": ""])
      #expect(noReason.status == .unprocessableContent)
      #expect(first.lastPage.contains(#"class="error""#))
      #expect(try town.store.replica.report(town.report)?.isConflicted == true)
      let decided = try await first.post(
        uri,
        [
          "csrf": first.csrf, "field": "title", "choice": "custom", "value": "水渠纠纷（已核实）",
          "version": shown, "reason": "村委会核实",
        ])
      #expect(decided.status == .seeOther)
      #expect(decided.headers[.location] == "/reports/\(town.report)?decided=title")
      try await first.get("/reports/\(town.report)?decided=title")
      #expect(first.lastPage.contains(#"id="notice""#))
      let after = try #require(try town.store.replica.report(town.report))
      // The second administrator decides from the page shown before the first decision.
      let stale = try await second.post(
        uri,
        [
          "csrf": second.csrf, "field": "title", "choice": "1", "version": shown,
          "reason": "另一种看法",
        ])
      #expect(stale.status == .conflict)
      #expect(second.lastPage.contains(#"id="stale""#))
      #expect(second.lastPage.contains("水渠纠纷（已核实）"))
      #expect(try town.store.replica.report(town.report) == after)
    }
    #expect(try town.store.replica.report(town.report)?.value(.title) == .text("水渠纠纷（已核实）"))
    let resolutions = try town.store.auditTrail().filter { $0.action == "resolve conflict" }
    #expect(resolutions.map(\.reason) == ["村委会核实"])
  }

  @Test func aDeviceIsEnrolledWithItsLinkAndRevokedWithAReason() async throws {
    let town = try ConsoleTownship(directory: directory)
    try await town.application.test(.router) { client in
      var browser = ConsoleBrowser(client)
      try await browser.signIn(town.adminToken)
      try await browser.get("/devices")
      #expect(browser.lastPage.contains(#"data-device="李伟""#))
      let enrolled = try await browser.post(
        "/devices", ["csrf": browser.csrf, "name": "张三", "villages": "东村，西村"])
      #expect(enrolled.status == .ok)
      #expect(browser.lastPage.contains(#"<code id="enrolment-link">http://"#))
      let device = try #require(try town.store.devices().first { $0.device.name == "王芳" })
      try await browser.get("/devices")
      let noReason = try await browser.post(
        "/devices/\(device.device.id)/revoke", ["csrf": browser.csrf, "reason": ""])
      #expect(noReason.status == .unprocessableContent)
      #expect(try town.store.devices().allSatisfy { $0.revokedAt == nil })
      let revoked = try await browser.post(
        "/devices/\(device.device.id)/revoke", ["csrf": browser.csrf, "reason": "设备丢失"])
      #expect(revoked.status == .seeOther)
    }
    let trail = try town.store.auditTrail()
    #expect(trail.contains { $0.action == "issue enrolment code" && $0.subject == "张三" })
    #expect(trail.contains { $0.action == "revoke device" && $0.reason == "设备丢失" })
    #expect(try town.store.devices().filter { $0.revokedAt != nil }.map(\.device.name) == ["王芳"])
  }

  @Test func theConsoleSpeaksTheBrowsersLanguageUntilTheSwitchSaysOtherwise() async throws {
    let town = try ConsoleTownship(directory: directory)
    try await town.application.test(.router) { client in
      var browser = ConsoleBrowser(client, language: "zh-CN,zh;q=0.9,en;q=0.5")
      try await browser.signIn(town.adminToken)
      try await browser.get("/reports")
      #expect(browser.lastPage.contains(#"<html lang="zh-Hans">"#))
      #expect(browser.lastPage.contains("走访"))
      let switched = try await browser.get("/language?to=en&back=%2Freports")
      #expect(switched.status == .seeOther)
      #expect(switched.headers[.location] == "/reports")
      try await browser.get("/reports")
      #expect(browser.lastPage.contains(#"<html lang="en">"#))
      #expect(browser.lastPage.contains(">visit<"))
      // Only ever back to this server.
      let away = try await browser.get("/language?to=zh-Hans&back=//evil.example")
      #expect(away.headers[.location] == "/")
    }
  }

  @Test func theCSVOpensInASpreadsheetWithChineseIntactAndIsInTheTrail() async throws {
    let town = try ConsoleTownship(directory: directory)
    try await town.application.test(.router) { client in
      var browser = ConsoleBrowser(client)
      try await browser.signIn(town.adminToken)
      let csv = try await browser.get("/reports.csv?village=%E4%B8%9C%E6%9D%91")
      #expect(csv.status == .ok)
      #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
      #expect(csv.headers[.contentDisposition]?.hasPrefix("attachment") == true)
      let bytes = Array(csv.body.readableBytesView)
      #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
      #expect(browser.lastPage.contains("东村"))
      let none = try await browser.get("/reports.csv?village=%E8%A5%BF%E6%9D%91")
      #expect(!String(buffer: none.body).contains("东村"))
      #expect(try await browser.get("/reports?category=nonsense").status == .badRequest)
    }
    #expect(try town.store.auditTrail().contains { $0.action == "export reports" })
  }
}
