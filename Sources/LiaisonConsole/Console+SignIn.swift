import Hummingbird
import LiaisonTownship

extension Console {
  /// `GET /sign-in`: the token form, with a CSRF token in a cookie and in the form
  /// (double submit), since there is no session yet to bind it to.
  func signInForm(_ request: Request) async -> Response {
    let visit = Visit(request, session: nil)
    if await sessionExists(request) { return ConsoleResponse.redirect("/") }
    let existing = request.cookies[Visit.csrfCookie]?.value ?? ""
    let csrf = existing.count >= 40 ? existing : ConsoleSessions.newSecret()
    return signInPage(visit, csrf: csrf, error: nil, status: .ok)
  }

  /// `POST /sign-in`: an administrator's token starts a session; a device's token, an unknown
  /// or a revoked one is refused with 401 and no cookie.
  func signIn(_ request: Request) async -> Response {
    var visit = Visit(request, session: nil)
    do { visit.form = try await Visit.form(of: request) } catch { return forbidden(visit) }
    let cookie = request.cookies[Visit.csrfCookie]?.value ?? ""
    guard Self.same(visit.form["csrf"] ?? "", cookie) else { return forbidden(visit) }
    let token = visit.form["token"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    let principal: Principal
    do {
      principal = try await store.authenticate(token)
    } catch StoreError.access {
      return signInPage(
        visit, csrf: cookie, error: visit.localizer("console.sign_in.refused"),
        status: .unauthorized)
    } catch {
      return problem(error, visit)
    }
    guard case .administrator(let name) = principal else {
      return signInPage(
        visit, csrf: cookie, error: visit.localizer("console.sign_in.device"),
        status: .unauthorized)
    }
    let now = clock()
    do {
      try await store.recordSession(.signIn, administrator: name, now: now)
    } catch {
      return problem(error, visit)
    }
    let session = await sessions.start(administrator: name, now: now)
    return ConsoleResponse.redirect(
      "/",
      cookies: [
        ConsoleResponse.cookie(Visit.sessionCookie, session.id),
        ConsoleResponse.cookie(Visit.csrfCookie, "", maxAge: 0),
      ])
  }

  /// `POST /sign-out`: ends the session at the server, so its cookie is refused from now on.
  func signOut(_ visit: Visit) async throws -> Response {
    guard let session = visit.session else { return ConsoleResponse.redirect("/sign-in") }
    await sessions.end(session.id)
    try await store.recordSession(.signOut, administrator: session.administrator, now: clock())
    return ConsoleResponse.redirect(
      "/sign-in", cookies: [ConsoleResponse.cookie(Visit.sessionCookie, "", maxAge: 0)])
  }

  private func sessionExists(_ request: Request) async -> Bool {
    guard let id = request.cookies[Visit.sessionCookie]?.value, !id.isEmpty else { return false }
    return await sessions.session(id, now: clock()) != nil
  }

  private func signInPage(
    _ visit: Visit, csrf: String, error: String?, status: HTTPResponse.Status
  ) -> Response {
    var data: [String: Any] = ["csrf": csrf]
    if let error { data["error"] = error }
    let html = ConsoleView.page(
      "sign-in", data, visit: visit, title: visit.localizer("console.sign_in.title"))
    return ConsoleResponse.page(
      html, status: status, cookies: [ConsoleResponse.cookie(Visit.csrfCookie, csrf)])
  }
}
