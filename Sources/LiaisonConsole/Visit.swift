import Foundation
import Hummingbird
import LiaisonLocalization

/// One request to the console as its pages see it: the reader's language, the signed-in
/// session if any, and the form's fields for a `POST`.
struct Visit: Sendable {
  static let sessionCookie = "liaison_session"
  static let csrfCookie = "liaison_csrf"
  static let languageCookie = "liaison_lang"

  let localizer: Localizer
  let session: ConsoleSessions.Session?
  /// The path and query asked for, for the language switch to come back to.
  let path: String
  let query: [String: String]
  var form: [String: String] = [:]

  init(_ request: Request, session: ConsoleSessions.Session?) {
    let cookies = request.cookies
    let chosen = cookies[Self.languageCookie].flatMap { Language(rawValue: $0.value) }
    localizer = Localizer(
      chosen ?? Language.from(acceptLanguage: request.headers[.acceptLanguage]))
    self.session = session
    path = request.uri.description
    var query: [String: String] = [:]
    for (key, value) in request.uri.queryParameters {
      query[String(key)] = String(value)
    }
    self.query = query
  }

  /// The administrator signed in; empty before sign-in.
  var administrator: String { session?.administrator ?? "" }

  /// A query parameter, nil when missing or empty.
  func parameter(_ name: String) -> String? {
    guard let value = query[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
      return nil
    }
    return value
  }

  /// A form field, trimmed and in NFC, empty when missing.
  func field(_ name: String) -> String {
    (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
      .precomposedStringWithCanonicalMapping
  }

  /// The fields of a `application/x-www-form-urlencoded` body of at most 64 KiB.
  static func form(of request: Request) async throws -> [String: String] {
    let buffer = try await request.body.collect(upTo: 64 * 1024)
    var fields: [String: String] = [:]
    for pair in String(buffer: buffer).split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      func decoded(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
      }
      guard let name = parts.first else { continue }
      fields[decoded(name)] = parts.count > 1 ? decoded(parts[1]) : ""
    }
    return fields
  }

  /// `value` percent-encoded for a query string.
  static func encoded(_ value: String) -> String {
    let allowed = CharacterSet(
      charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }
}
