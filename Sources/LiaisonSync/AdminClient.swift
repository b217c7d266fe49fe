import AsyncHTTPClient
import Foundation
import LiaisonCodec
import LiaisonTransport
import LiaisonWire
import NIOHTTP1

/// The administrator's side of `protocol/sync.md` section 6: one method per endpoint under
/// `/v1/admin`, each returning the answer's JSON object for the command line to present.
public struct AdminClient: Sendable {
  let client: SyncClient

  /// A client of the server at `baseURL` that trusts as `trust` says (see ``SyncClient``);
  /// call ``shutdown()`` when done.
  public init(baseURL: String, token: String, trust: ServerTrust) throws(SyncError) {
    client = try SyncClient(baseURL: baseURL, token: token, trust: trust)
  }

  /// Closes the client's connections.
  public func shutdown() async {
    await client.shutdown()
  }

  /// `GET /v1/admin/conflicts`, optionally of one village or category.
  public func conflicts(village: String?, category: String?) async throws(SyncError)
    -> [String: JSONValue]
  {
    try await get("conflicts", ["village": village, "category": category])
  }

  /// `GET /v1/admin/reports/ID`: the whole state, its version and its writers' names.
  public func report(_ id: String) async throws(SyncError) -> [String: JSONValue] {
    try await get("reports/\(Self.escape(id))", [:])
  }

  /// `POST /v1/admin/reports/ID/resolve` with the version last shown.
  public func resolve(_ id: String, _ body: [String: JSONValue]) async throws(SyncError)
    -> [String: JSONValue]
  {
    try await send(
      "/v1/admin/reports/\(Self.escape(id))/resolve", method: .POST, body: .object(body))
  }

  /// `GET /v1/admin/reports` with the filters of `liaison list`.
  public func reports(_ filters: [String: String?]) async throws(SyncError) -> [String: JSONValue] {
    try await get("reports", filters)
  }

  /// `GET /v1/admin/export`: every report's state.
  public func export(includeDeleted: Bool) async throws(SyncError) -> [String: JSONValue] {
    try await get("export", ["all": includeDeleted ? "true" : nil])
  }

  /// `GET /v1/admin/devices`.
  public func devices() async throws(SyncError) -> [String: JSONValue] {
    try await get("devices", [:])
  }

  /// `POST /v1/admin/revocations`: refuse the device from its next request on.
  public func revoke(device: String, reason: String) async throws(SyncError)
    -> [String: JSONValue]
  {
    try await send(
      "/v1/admin/revocations", method: .POST,
      body: .object(["device": .string(device), "reason": .string(reason)]))
  }

  /// `GET /v1/admin/audit`, or `GET /v1/admin/reports/ID/audit` for one report.
  public func audit(report: String?) async throws(SyncError) -> [String: JSONValue] {
    if let report { return try await get("reports/\(Self.escape(report))/audit", [:]) }
    return try await get("audit", [:])
  }

  /// `POST /v1/admin/enrollments`: a one-time code for a liaison's device and its villages.
  public func issueEnrollment(name: String, villages: [String], expiresInSeconds: Int64)
    async throws(SyncError) -> EnrollmentAnswer
  {
    try await client.issueEnrollment(
      name: name, villages: villages, expiresInSeconds: expiresInSeconds)
  }

  /// `POST /v1/admin/administrators`: a new administrator credential.
  public func addAdministrator(name: String, reason: String = "") async throws(SyncError)
    -> [String: JSONValue]
  {
    try await send(
      "/v1/admin/administrators", method: .POST,
      body: .object(["name": .string(name), "reason": .string(reason)]))
  }

  /// `GET /v1/admin/summary`: the township at a glance (`township summary`).
  public func summary() async throws(SyncError) -> [String: JSONValue] {
    try await get("summary", [:])
  }

  private func get(_ path: String, _ query: [String: String?]) async throws(SyncError)
    -> [String: JSONValue]
  {
    let pairs = query.compactMap { key, value in value.map { "\(key)=\(Self.escape($0))" } }
    let suffix = pairs.isEmpty ? "" : "?" + pairs.sorted().joined(separator: "&")
    return try await send("/v1/admin/\(path)\(suffix)", method: .GET, body: nil)
  }

  /// One request whose answer, a JSON object, the command line presents member by member.
  private func send(_ path: String, method: HTTPMethod, body: JSONValue?) async throws(SyncError)
    -> [String: JSONValue]
  {
    guard case .object(let members) = try await client.send(path, method: method, body: body)
    else { throw .badAnswer("an answer that is not a JSON object") }
    return members
  }

  /// Percent-encodes everything but RFC 3986's unreserved characters, so village names in
  /// Chinese and ids typed by hand reach the server as they were written.
  static func escape(_ text: String) -> String {
    let unreserved = CharacterSet(
      charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
  }
}
