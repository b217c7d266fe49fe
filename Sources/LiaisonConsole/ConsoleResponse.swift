import Foundation
import HTTPTypes
import Hummingbird

/// The console's responses: HTML pages, redirects and downloads, each with the security
/// headers every console response carries.
enum ConsoleResponse {
  /// No script but the console's own files, no inline script or style, no framing, forms
  /// only to this server: text a resident wrote can never run as script.
  static let contentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"

  static let contentSecurityPolicyHeader = HTTPField.Name("Content-Security-Policy")!
  static let contentTypeOptionsHeader = HTTPField.Name("X-Content-Type-Options")!
  static let referrerPolicyHeader = HTTPField.Name("Referrer-Policy")!
  static let frameOptionsHeader = HTTPField.Name("X-Frame-Options")!

  /// The headers of every console response; pages are never cached, since they name people.
  static func headers(contentType: String, cache: Bool = false) -> HTTPFields {
    var fields = HTTPFields()
    fields[.contentType] = contentType
    fields[contentSecurityPolicyHeader] = contentSecurityPolicy
    fields[contentTypeOptionsHeader] = "nosniff"
    fields[referrerPolicyHeader] = "no-referrer"
    fields[frameOptionsHeader] = "DENY"
    fields[.cacheControl] = cache ? "public, max-age=3600" : "no-store"
    return fields
  }

  /// An HTML page.
  static func page(_ html: String, status: HTTPResponse.Status = .ok, cookies: [Cookie] = [])
    -> Response
  {
    var response = Response(
      status: status, headers: headers(contentType: "text/html; charset=utf-8"),
      body: .init(byteBuffer: ByteBuffer(string: html)))
    for cookie in cookies { response.setCookie(cookie) }
    return response
  }

  /// A `303 See Other` to a path of the console.
  static func redirect(_ location: String, cookies: [Cookie] = []) -> Response {
    var fields = headers(contentType: "text/plain; charset=utf-8")
    fields[.location] = location
    var response = Response(status: .seeOther, headers: fields)
    for cookie in cookies { response.setCookie(cookie) }
    return response
  }

  /// A file to download, named `filename`.
  static func download(_ bytes: [UInt8], contentType: String, filename: String) -> Response {
    var fields = headers(contentType: contentType)
    fields[.contentDisposition] = "attachment; filename=\"\(filename)\""
    return Response(
      status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  /// A cookie only this server's pages send back, never script: `HttpOnly`, `Secure`,
  /// `SameSite=Strict`, for the whole console. `maxAge` 0 deletes it.
  static func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> Cookie {
    Cookie(
      name: name, value: value, maxAge: maxAge, path: "/", secure: true, httpOnly: true,
      sameSite: .strict)
  }
}
