import AsyncHTTPClient
import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonStore
import NIOCore
import NIOHTTP1

/// The device's side of `protocol/sync.md`: one method per endpoint, JSON in and out.
public struct SyncClient: Sendable {
  public let baseURL: String
  let token: String?
  let http: HTTPClient

  /// `http` belongs to the caller, who shuts it down.
  public init(baseURL: String, token: String?, http: HTTPClient) {
    self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    self.token = token
    self.http = http
  }

  /// An HTTP client that fails fast when nothing listens, instead of retrying for seconds.
  public static func makeHTTPClient() -> HTTPClient {
    var configuration = HTTPClient.Configuration(
      timeout: .init(connect: .seconds(5), read: .seconds(60)))
    configuration.connectionPool.retryConnectionEstablishment = false
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
  }

  public struct Enrolment: Sendable {
    public let device: String
    public let token: String
    public let name: String
    public let villages: [String]
  }

  public struct PushAnswer: Sendable {
    public let accepted: Int
    public let duplicates: Int
    public let rejected: [(index: Int, code: String, message: String)]
  }

  public struct PullAnswer: Sendable {
    public let changes: [Change]
    /// The page's changes that did not decode or validate: kept and shown, never applied,
    /// and never a reason to stop (`protocol/sync.md`, `GET /v1/pull`).
    public let unreadable: [UnreadableChange]
    public let cursor: Int64
    public let more: Bool
  }

  public func enroll(code: String, replica: ReplicaID) async throws(SyncError) -> Enrolment {
    let answer = try await send(
      "/v1/enroll", method: .POST,
      body: .object(["code": .string(code), "replica": .string(replica.description)]))
    guard case .string(let device)? = answer["device"], case .string(let token)? = answer["token"],
      case .string(let name)? = answer["name"], case .array(let villages)? = answer["villages"]
    else { throw .badAnswer("an enrolment answer without device, token, name and villages") }
    return Enrolment(
      device: device, token: token, name: name,
      villages: villages.compactMap { if case .string(let text) = $0 { text } else { nil } })
  }

  /// An administrator's request for a one-time enrolment code.
  public func issueEnrollment(
    name: String, villages: [String], expiresInSeconds: Int64
  ) async throws(SyncError) -> (code: String, expiresAt: Int64) {
    let answer = try await send(
      "/v1/admin/enrollments", method: .POST,
      body: .object([
        "name": .string(name), "villages": .array(villages.map { .string($0) }),
        "expires_in_seconds": .integer(expiresInSeconds),
      ]))
    guard case .string(let code)? = answer["code"],
      case .integer(let expiresAt)? = answer["expires_at"]
    else {
      throw .badAnswer("an enrolment answer without code and expires_at")
    }
    return (code, expiresAt)
  }

  /// Pushes changes given as their JSON, as the device's log holds them: the request is
  /// spliced from those bytes, with nothing decoded or encoded again.
  public func push(encoded changes: [[UInt8]]) async throws(SyncError) -> PushAnswer {
    var body: [UInt8] = []
    body.reserveCapacity(changes.reduce(16) { $0 + $1.count + 1 })
    body.append(contentsOf: #"{"changes":["#.utf8)
    for (index, change) in changes.enumerated() {
      if index > 0 { body.append(UInt8(ascii: ",")) }
      body.append(contentsOf: change)
    }
    body.append(contentsOf: "]}".utf8)
    let answer = try await send("/v1/push", method: .POST, body: body)
    return try Self.pushAnswer(answer)
  }

  /// Pushes changes; ``push(encoded:)`` sends a device's logged changes without re-encoding.
  public func push(_ changes: [Change]) async throws(SyncError) -> PushAnswer {
    try await push(encoded: changes.map(\.canonicalBytes))
  }

  private static func pushAnswer(_ answer: [String: JSONValue]) throws(SyncError) -> PushAnswer {
    guard case .integer(let accepted)? = answer["accepted"],
      case .integer(let duplicates)? = answer["duplicates"],
      case .array(let rejected)? = answer["rejected"]
    else { throw .badAnswer("a push answer without accepted, duplicates and rejected") }
    return PushAnswer(
      accepted: Int(accepted), duplicates: Int(duplicates),
      rejected: rejected.compactMap { item in
        guard case .object(let members) = item, case .integer(let index)? = members["index"],
          case .string(let code)? = members["code"], case .string(let message)? = members["message"]
        else { return nil }
        return (Int(index), code, message)
      })
  }

  public func pull(after cursor: Int64, limit: Int) async throws(SyncError) -> PullAnswer {
    let answer = try await send(
      "/v1/pull?after=\(cursor)&limit=\(limit)", method: .GET, body: nil as [UInt8]?)
    guard case .array(let items)? = answer["changes"], case .string(let next)? = answer["cursor"],
      let nextCursor = Int64(next), case .bool(let more)? = answer["more"]
    else { throw .badAnswer("a pull answer without changes, cursor and more") }
    var changes: [Change] = []
    var unreadable: [UnreadableChange] = []
    for item in items {
      do { changes.append(try Change(json: item)) } catch {
        unreadable.append(
          UnreadableChange(
            body: CanonicalJSON.encode(item), code: error.problem.code, field: error.field,
            message: error.description))
      }
    }
    return PullAnswer(changes: changes, unreadable: unreadable, cursor: nextCursor, more: more)
  }

  func send(_ path: String, method: HTTPMethod, body: JSONValue?) async throws(SyncError)
    -> [String: JSONValue]
  {
    try await send(path, method: method, body: body.map(CanonicalJSON.encode))
  }

  /// Sends one request and returns the answer's JSON object, or throws the server's refusal.
  private func send(_ path: String, method: HTTPMethod, body: [UInt8]?) async throws(SyncError)
    -> [String: JSONValue]
  {
    var request = HTTPClientRequest(url: baseURL + path)
    request.method = method
    request.headers.add(name: "Content-Type", value: "application/json")
    request.headers.add(name: "Liaison-Protocol", value: "1")
    if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
    if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
    let status: Int
    let bytes: ByteBuffer
    do {
      let response = try await http.execute(request, timeout: .seconds(120))
      status = Int(response.status.code)
      bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
    } catch {
      throw .unreachable(url: baseURL, reason: Self.reason(error))
    }
    guard case .object(let members) = try? JSONValue(parsing: bytes.readableBytesView) else {
      throw .badAnswer("HTTP \(status) without a JSON object")
    }
    guard (200..<300).contains(status) else {
      guard case .object(let error)? = members["error"], case .string(let code)? = error["code"],
        case .string(let message)? = error["message"]
      else { throw .badAnswer("HTTP \(status) without an error body") }
      throw .refused(status: status, code: code, message: message)
    }
    return members
  }

  private static func reason(_ error: any Error) -> String {
    let text = String(describing: error)
    if text.contains("connectionRefused") || text.contains("ECONNREFUSED")
      || text.contains("Connection refused")
    {
      return "connection refused"
    }
    if let error = error as? HTTPClientError, error == .connectTimeout || error == .deadlineExceeded
    {
      return "timed out"
    }
    return text
  }
}
