import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonMerge
import LiaisonServer
import LiaisonStore
import LiaisonTestKit

/// A township for the console's tests: two devices wrote a conflicting title to one report,
/// one of them `<script>alert(1)</script>` (the one every list shows until someone decides),
/// and the app that serves it.
struct ConsoleTownship {
  static let script = "<script>alert(1)</script>"

  let store: TownshipStore
  let adminToken: String
  let deviceToken: String
  let report: ReportID
  let application: Application<RouterResponder<TownshipContext>>

  init(directory: String, clock: @escaping @Sendable () -> Int64 = { 1_000 }) throws {
    let made = try ConflictedStore(
      in: directory, editA: ReportEdit(values: [.title: .text("水渠纠纷")]),
      editB: ReportEdit(values: [.title: .text(Self.script)]))
    let (store, token, enrolled, scenario) =
      (made.store, made.adminToken, made.devices, made.scenario)
    // And a report of A's alone with that title, which every list shows as it is.
    var alone = ReportState(id: Fixtures.report(99))
    let creation = try alone.write(
      ReportEdit(values: [
        .village: .text("东村"), .category: .category(.dispute), .title: .text(Self.script),
        .urgency: .urgency(.urgent), .due: .date(CalendarDate("2026-01-01")!),
      ]),
      dot: Dot(replica: enrolled[0].device.replica, counter: UInt64(scenario.fromA.count + 1)),
      attribution: Fixtures.author("李伟"))
    _ = try store.push([creation.json], from: enrolled[0].device, now: 4)
    self.store = store
    adminToken = token
    deviceToken = enrolled[0].token
    report = scenario.report
    application = Application(
      router: buildRouter(store: SQLiteTownshipStorage(store), clock: clock), logger: quietLogger)
  }
}

/// A browser's part in the console's tests: it keeps the cookies the server sets, sends them
/// back, and reads the CSRF token from the last page's forms.
struct ConsoleBrowser {
  let client: any TestClientProtocol
  var cookies: [String: String] = [:]
  var lastPage = ""
  var language: String?

  init(_ client: any TestClientProtocol, language: String? = nil) {
    self.client = client
    self.language = language
  }

  /// The `csrf` field of the last page's first form.
  var csrf: String {
    guard let range = lastPage.range(of: #"name="csrf" value=""#) else { return "" }
    return String(lastPage[range.upperBound...].prefix { $0 != "\"" })
  }

  @discardableResult
  mutating func get(_ uri: String) async throws -> TestResponse {
    try await send(uri, method: .get, body: nil)
  }

  /// Posts a form, `csrf` included unless `fields` says otherwise.
  @discardableResult
  mutating func post(_ uri: String, _ fields: [String: String]) async throws -> TestResponse {
    let allowed = CharacterSet.alphanumerics.subtracting(.nonBaseCharacters)
    let body = fields.map { name, value in
      "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
    }.joined(separator: "&")
    return try await send(uri, method: .post, body: ByteBuffer(string: body))
  }

  /// Signs in with `token` through the sign-in form.
  @discardableResult
  mutating func signIn(_ token: String) async throws -> TestResponse {
    try await get("/sign-in")
    return try await post("/sign-in", ["csrf": csrf, "token": token])
  }

  private mutating func send(_ uri: String, method: HTTPRequest.Method, body: ByteBuffer?)
    async throws -> TestResponse
  {
    var headers: HTTPFields = [:]
    if !cookies.isEmpty {
      headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }
    if let language { headers[.acceptLanguage] = language }
    if method == .post { headers[.contentType] = "application/x-www-form-urlencoded" }
    let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
    for field in response.headers[values: .setCookie] {
      let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
      let name = String(pair[0])
      let value = pair.count > 1 ? String(pair[1]) : ""
      if value.isEmpty || field.contains("Max-Age=0") {
        cookies[name] = nil
      } else {
        cookies[name] = value
      }
    }
    lastPage = String(buffer: response.body)
    return response
  }
}
