import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonConsole
import LiaisonStore
import LiaisonTestScratch
import Testing

/// Signing in and out of the console, its cookies and its idle limit.
@Suite(.scratch) struct ConsoleSessionTests {
  let directory = ScratchDirectory.path("township")

  @Test func anAdministratorSignsInWithAStrictSecureHttpOnlyCookieAndTheTrailSaysSo()
    async throws
  {
    let town = try ConsoleTownship(directory: directory)
    try await town.application.test(.router) { client in
      var browser = ConsoleBrowser(client)
      let form = try await browser.get("/sign-in")
      #expect(form.status == .ok)
      #expect(browser.lastPage.contains(#"<input name="token" id="token" type="password""#))
      let signedIn = try await browser.signIn(town.adminToken)
      #expect(signedIn.status == .seeOther)
      #expect(signedIn.headers[.location] == "/")
      let cookie = try #require(
        signedIn.headers[values: .setCookie].first { $0.hasPrefix("liaison_session=") })
      for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] {
        #expect(cookie.contains(attribute), "\(cookie)")
      }
      let dashboard = try await browser.get("/")
      #expect(dashboard.status == .ok)
      #expect(browser.lastPage.contains(#"id="weekly-chart""#))
    }
    let trail = try town.store.auditTrail()
    #expect(trail.contains { $0.action == "sign in" && $0.actor == "管理员" })
  }

  @Test func aDeviceTokenOrAWrongOneCannotSignIn() async throws {
    let town = try ConsoleTownship(directory: directory)
    try await town.application.test(.router) { client in
      for token in [town.deviceToken, "lsn_" + String(repeating: "0", count: 64), ""] {
        var browser = ConsoleBrowser(client)
        let refused = try await browser.signIn(token)
        #expect(refused.status == .unauthorized)
        #expect(browser.lastPage.contains(#"class="error""#))
        #expect(browser.cookies["liaison_session"] == nil)
        #expect(try await browser.get("/").status == .seeOther)
      }
    }
    #expect(try town.store.auditTrail().allSatisfy { $0.action != "sign in" })
  }

  @Test func guessingTokensAtTheSignInIsLimitedLikeTheProtocol() async throws {
    let town = try ConsoleTownship(directory: directory)
    try await town.application.test(.router) { client in
      for _ in 1...11 {
        var guesser = ConsoleBrowser(client)
        #expect(try await guesser.signIn("lsn_guess").status == .unauthorized)
      }
      var administrator = ConsoleBrowser(client)
      let limited = try await administrator.signIn(town.adminToken)
      #expect(limited.status == .tooManyRequests)
      #expect(administrator.cookies["liaison_session"] == nil)
    }
  }

  @Test func signingOutEndsTheSessionAtTheServer() async throws {
    let town = try ConsoleTownship(directory: directory)
    try await town.application.test(.router) { client in
      var browser = ConsoleBrowser(client)
      try await browser.signIn(town.adminToken)
      try await browser.get("/")
      let kept = browser.cookies
      let signedOut = try await browser.post("/sign-out", ["csrf": browser.csrf])
      #expect(signedOut.status == .seeOther)
      #expect(signedOut.headers[.location] == "/sign-in")
      // The old cookie, sent again as a thief would, no longer opens anything.
      var thief = ConsoleBrowser(client)
      thief.cookies = kept
      let refused = try await thief.get("/reports")
      #expect(refused.status == .seeOther)
      #expect(refused.headers[.location] == "/sign-in")
    }
    #expect(try town.store.auditTrail().contains { $0.action == "sign out" })
  }

  @Test func aSessionEndsAfterThirtyMinutesWithoutARequest() async {
    let sessions = ConsoleSessions()
    let session = await sessions.start(administrator: "管理员", now: 0)
    #expect(await sessions.session(session.id, now: ConsoleSessions.idleLimit) != nil)
    // Each request restarts the idle time.
    let later = ConsoleSessions.idleLimit * 2
    #expect(await sessions.session(session.id, now: later) != nil)
    #expect(await sessions.session(session.id, now: later + ConsoleSessions.idleLimit + 1) == nil)
    #expect(ConsoleSessions.idleLimit == 30 * 60 * 1000)
  }
}
