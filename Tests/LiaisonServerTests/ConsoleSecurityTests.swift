import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit
import LiaisonTestScratch
import Testing

/// The console's promises against a hostile page or text: sessions, CSRF, headers, escaping.
@Suite(.scratch) struct ConsoleSecurityTests {
  let directory = ScratchDirectory.path("township")

  func pages(_ town: ConsoleTownship) -> [String] {
    let id = town.report.description
    return [
      "/", "/reports", "/reports?sort=urgency&conflicted=1", "/reports/\(id)", "/conflicts",
      "/conflicts/\(id)", "/devices", "/audit", "/reports.csv",
    ]
  }

  /// Every form's action, with fields an administrator could send (CSRF aside).
  func actions(_ town: ConsoleTownship) throws -> [(String, [String: String])] {
    let device = try #require(try town.store.devices().first).device.id
    let version = try #require(try town.store.replica.report(town.report)).version
    return [
      (
        "/conflicts/\(town.report)",
        ["field": "title", "choice": "1", "version": version, "reason": "核实过"]
      ),
      ("/devices", ["name": "张三", "villages": "东村"]),
      ("/devices/\(device)/revoke", ["reason": "丢失"]), ("/sign-out", [:]),
    ]
  }

  @Test func everyPageAndActionNeedsASession() async throws {
    let town = try ConsoleTownship(directory: directory)
    let before = try town.store.auditTrail()
    try await town.application.test(.router) { client in
      var browser = ConsoleBrowser(client)
      for page in pages(town) {
        let response = try await browser.get(page)
        #expect(response.status == .seeOther, "\(page)")
        #expect(response.headers[.location] == "/sign-in", "\(page)")
      }
      for (action, fields) in try actions(town) {
        let response = try await browser.post(action, fields)
        #expect(response.status == .seeOther, "\(action)")
        #expect(response.headers[.location] == "/sign-in", "\(action)")
      }
    }
    #expect(try town.store.auditTrail() == before)
    #expect(try town.store.replica.report(town.report)?.isConflicted == true)
  }

  @Test func aFormWithoutItsCSRFTokenOrWithAnotherIsRefusedWith403() async throws {
    let town = try ConsoleTownship(directory: directory)
    try await town.application.test(.router) { client in
      // Before sign-in: the token must match the cookie the form came with.
      var stranger = ConsoleBrowser(client)
      try await stranger.get("/sign-in")
      for csrf in [nil, "forged"] {
        var fields = ["token": town.adminToken]
        fields["csrf"] = csrf
        #expect(try await stranger.post("/sign-in", fields).status == .forbidden)
      }
      #expect(stranger.cookies["liaison_session"] == nil)
      var browser = ConsoleBrowser(client)
      try await browser.signIn(town.adminToken)
      try await browser.get("/")
      let good = browser.csrf
      #expect(!good.isEmpty)
      let before = try town.store.auditTrail()
      for (action, fields) in try actions(town) {
        for csrf in [nil, "forged", String(good.dropLast()) + "x"] {
          var sent = fields
          sent["csrf"] = csrf
          let response = try await browser.post(action, sent)
          #expect(response.status == .forbidden, "\(action) csrf \(csrf ?? "missing")")
        }
      }
      #expect(try town.store.auditTrail() == before)
      #expect(try await browser.get("/").status == .ok)
    }
    #expect(try town.store.replica.report(town.report)?.isConflicted == true)
    #expect(try town.store.devices().allSatisfy { $0.revokedAt == nil })
  }

  @Test func everyResponseCarriesTheSecurityHeaders() async throws {
    let town = try ConsoleTownship(directory: directory)
    let policy =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    try await town.application.test(.router) { client in
      var browser = ConsoleBrowser(client)
      var responses = [("/sign-in", try await browser.get("/sign-in"))]
      try await browser.signIn(town.adminToken)
      for page in pages(town) + ["/assets/console.css", "/reports/0000"] {
        responses.append((page, try await browser.get(page)))
      }
      for (page, response) in responses {
        #expect(response.headers[HTTPField.Name("Content-Security-Policy")!] == policy, "\(page)")
        #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
        if !page.hasPrefix("/assets") {
          #expect(response.headers[.cacheControl] == "no-store", "\(page)")
        }
      }
    }
  }

  @Test func textResidentsWroteIsShownAsTextOnEveryPage() async throws {
    let town = try ConsoleTownship(directory: directory)
    try await town.application.test(.router) { client in
      var browser = ConsoleBrowser(client)
      try await browser.signIn(town.adminToken)
      let id = town.report.description
      let alone = Fixtures.report(99).description
      for page in [
        "/", "/reports", "/reports/\(id)", "/reports/\(alone)", "/conflicts/\(id)",
        "/audit?administrator=%3Cscript%3E", "/reports?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      ] {
        #expect(try await browser.get(page).status == .ok, "\(page)")
        #expect(!browser.lastPage.contains("<script"), "\(page)")
        #expect(browser.lastPage.contains("&lt;script&gt;"), "\(page)")
      }
    }
  }
}
