import Foundation
import Hummingbird
import LiaisonLocalization
import LiaisonTownship
import LiaisonWire

/// The township office's web console, served by `township serve` at `/` beside the sync
/// protocol's `/v1/...` (`docs/console.md`).
///
/// Every page and action needs a session, which only an administrator's token starts; every
/// form carries the session's CSRF token; every response carries the security headers of
/// ``ConsoleResponse``.
public struct Console: Sendable {
  let store: any TownshipStorage
  let clock: @Sendable () -> Int64
  /// The pin of the certificate the server serves with, which enrolment links carry; nil
  /// for a plain-HTTP trial server.
  let pin: CertificatePin?
  let sessions: ConsoleSessions

  public init(
    store: any TownshipStorage, clock: @escaping @Sendable () -> Int64, pin: CertificatePin?,
    sessions: ConsoleSessions = ConsoleSessions()
  ) {
    self.store = store
    self.clock = clock
    self.pin = pin
    self.sessions = sessions
  }

  /// Adds the console's routes to a router whose other routes live under `/v1`.
  public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
    router.get("assets/console.css") { _, _ in
      Self.asset(ConsoleStyle.css, contentType: "text/css; charset=utf-8")
    }
    router.get("assets/icon.svg") { _, _ in
      Self.asset(ConsoleStyle.icon, contentType: "image/svg+xml")
    }
    router.get("sign-in") { request, _ in await signInForm(request) }
    router.post("sign-in") { request, _ in await signIn(request) }
    router.post("sign-out") { request, _ in
      await action(request) { visit in try await signOut(visit) }
    }
    router.get("language") { request, _ in Self.language(request) }
    router.get("/") { request, _ in
      await page(request) { visit in try await dashboard(visit) }
    }
    addReportRoutes(to: router)
    addOfficeRoutes(to: router)
  }

  // MARK: Pages and actions

  /// Runs a page for a signed-in administrator; without a session, to the sign-in page.
  func page(_ request: Request, _ body: (Visit) async throws -> Response) async -> Response {
    guard let session = await session(of: request) else {
      return ConsoleResponse.redirect("/sign-in")
    }
    let visit = Visit(request, session: session)
    do { return try await body(visit) } catch { return problem(error, visit) }
  }

  /// Runs a form's action: without a session, to the sign-in page; with a missing or wrong
  /// CSRF token, 403 and nothing done.
  func action(_ request: Request, _ body: (Visit) async throws -> Response) async -> Response {
    let session = await session(of: request)
    var visit = Visit(request, session: session)
    guard let session else { return ConsoleResponse.redirect("/sign-in") }
    do { visit.form = try await Visit.form(of: request) } catch {
      return problem(
        visit, status: .contentTooLarge, message: visit.localizer("console.error.form"))
    }
    guard Self.same(visit.form["csrf"] ?? "", session.csrf) else { return forbidden(visit) }
    do { return try await body(visit) } catch { return problem(error, visit) }
  }

  private func session(of request: Request) async -> ConsoleSessions.Session? {
    guard let id = request.cookies[Visit.sessionCookie]?.value, !id.isEmpty else { return nil }
    return await sessions.session(id, now: clock())
  }

  func forbidden(_ visit: Visit) -> Response {
    problem(visit, status: .forbidden, message: visit.localizer("console.error.csrf"))
  }

  /// A page that says what went wrong, in the reader's language.
  func problem(_ visit: Visit, status: HTTPResponse.Status, message: String) -> Response {
    let heading = visit.localizer("console.error.title")
    let html = ConsoleView.page(
      "problem", ["heading": heading, "message": message], visit: visit, title: heading)
    return ConsoleResponse.page(html, status: status)
  }

  func problem(_ error: any Error, _ visit: Visit) -> Response {
    switch error {
    case StoreError.unknownReport, StoreError.malformedReportID, StoreError.ambiguousReport:
      problem(visit, status: .notFound, message: visit.localizer("console.error.no_report"))
    case StoreError.admin(.unknownDevice), StoreError.admin(.ambiguousDevice):
      problem(visit, status: .notFound, message: visit.localizer("console.error.no_device"))
    case let error as StoreError:
      problem(
        visit, status: .internalServerError,
        message: visit.localizer("console.error.store", ["message": error.description]))
    default:
      problem(
        visit, status: .internalServerError,
        message: visit.localizer("console.error.store", ["message": "\(error)"]))
    }
  }

  /// Compares secrets in time that does not depend on where they differ.
  static func same(_ given: String, _ expected: String) -> Bool {
    let (a, b) = (Array(given.utf8), Array(expected.utf8))
    guard a.count == b.count, !b.isEmpty else { return false }
    return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
  }

  private static func asset(_ text: String, contentType: String) -> Response {
    Response(
      status: .ok, headers: ConsoleResponse.headers(contentType: contentType, cache: true),
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  /// `GET /language?to=zh-Hans&back=/path`: remembers the reader's choice in a cookie and goes
  /// back, only ever to a path of this server.
  static func language(_ request: Request) -> Response {
    let parameters = request.uri.queryParameters
    let back = parameters["back"].map(String.init) ?? "/"
    let safe = back.hasPrefix("/") && !back.hasPrefix("//") && !back.contains("\\") ? back : "/"
    guard let language = parameters["to"].flatMap({ Language(rawValue: String($0)) }) else {
      return ConsoleResponse.redirect(safe)
    }
    return ConsoleResponse.redirect(
      safe,
      cookies: [
        ConsoleResponse.cookie(Visit.languageCookie, language.rawValue, maxAge: 365 * 24 * 3600)
      ])
  }

  private func dashboard(_ visit: Visit) async throws -> Response {
    let summary = try await store.summary(SummaryRequest(now: clock()))
    return ConsoleResponse.page(DashboardPage(summary: summary, visit: visit).render())
  }
}
