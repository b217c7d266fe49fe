import AsyncHTTPClient
import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonStore
import LiaisonTransport
import LiaisonWire
import NIOCore
import NIOHTTP1

/// The device's side of `protocol/sync.md`: one method per endpoint, JSON in and out, over
/// a connection that trusts exactly the pinned certificate (or plain HTTP to a server started
/// with `--insecure-http`).
public struct SyncClient: Sendable {
  public let baseURL: String
  public let trust: ServerTrust
  let token: String?
  let http: HTTPClient

  /// A client of the server at `baseURL`, which must agree with `trust`: `https://` with a
  /// pinned certificate, `http://` with ``ServerTrust/insecureHTTP``. Call ``shutdown()``
  /// when done, or use ``with(baseURL:token:trust:_:)``.
  public init(baseURL: String, token: String?, trust: ServerTrust) throws(SyncError) {
    do {
      self.baseURL = try EnrolmentLink.checkedServer(baseURL, pin: trust.pin)
    } catch {
      throw .badAddress(error.description)
    }
    self.token = token
    self.trust = trust
    // Fails fast when nothing listens, instead of retrying for seconds.
    var configuration = HTTPClient.Configuration(
      timeout: .init(connect: .seconds(5), read: .seconds(60)))
    configuration.connectionPool.retryConnectionEstablishment = false
    do {
      configuration.tlsConfiguration = try trust.clientConfiguration()
    } catch {
      throw .badAddress("the pinned certificate does not read (\(error)): enrol again")
    }
    http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
  }

  /// Runs `body` with a client, then closes its connections whatever happened.
  public static func with<T: Sendable>(
    baseURL: String, token: String?, trust: ServerTrust,
    _ body: (SyncClient) async throws -> T
  ) async throws -> T {
    let client = try SyncClient(baseURL: baseURL, token: token, trust: trust)
    do {
      let result = try await body(client)
      await client.shutdown()
      return result
    } catch {
      await client.shutdown()
      throw error
    }
  }

  /// Closes the client's connections.
  public func shutdown() async {
    try? await http.shutdown()
  }

  /// How many times a request is sent to a server that answers 503 with `Retry-After`.
  static let busyAttempts = 3

  /// What an enrolment returns: the device's credential and identity at the server.
  public typealias Enrolment = EnrollAnswer

  /// What a push returns, as the wire has it.
  public typealias PushAnswer = LiaisonWire.PushAnswer

  public struct PullAnswer: Sendable {
    public let changes: [Change]
    /// The page's changes that did not decode or validate: kept and shown, never applied,
    /// and never a reason to stop (`protocol/sync.md`, `GET /v1/pull`).
    public let unreadable: [UnreadableChange]
    public let cursor: Int64
    public let more: Bool
    /// The server-signed key bindings of the page's authors, not yet checked.
    public let keys: [KeyBinding]
  }

  /// Enrols the device, binding its signing key to its replica.
  public func enroll(code: String, replica: ReplicaID, key: PublicSigningKey)
    async throws(SyncError) -> Enrolment
  {
    let answer = try await send(
      "/v1/enroll", method: .POST,
      body: EnrollRequest(code: code, replica: replica, key: key).json)
    return try Self.read { () throws(WireShapeError) in try EnrollAnswer(json: answer) }
  }

  /// Sends the key of a device enrolled before changes were signed (`POST /v1/key`).
  public func bindKey(_ key: PublicSigningKey, unsignedThrough: Int64) async throws(SyncError)
    -> KeyBindAnswer
  {
    let answer = try await send(
      "/v1/key", method: .POST,
      body: KeyBindRequest(key: key, unsignedThrough: unsignedThrough).json)
    return try Self.read { () throws(WireShapeError) in try KeyBindAnswer(json: answer) }
  }

  /// An administrator's request for a one-time enrolment code.
  public func issueEnrollment(
    name: String, villages: [String], expiresInSeconds: Int64
  ) async throws(SyncError) -> EnrollmentAnswer {
    let answer = try await send(
      "/v1/admin/enrollments", method: .POST,
      body: EnrollmentRequest(name: name, villages: villages, expiresInSeconds: expiresInSeconds)
        .json)
    return try Self.read { () throws(WireShapeError) in try EnrollmentAnswer(json: answer) }
  }

  /// Reads an answer as a wire type; one of another shape is a ``SyncError/badAnswer(_:)``.
  static func read<T>(_ body: () throws(WireShapeError) -> T) throws(SyncError) -> T {
    do { return try body() } catch { throw .badAnswer(error.message) }
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
    return try Self.read { () throws(WireShapeError) in try PushAnswer(json: answer) }
  }

  /// Pushes changes; ``push(encoded:)`` sends a device's logged changes without re-encoding.
  public func push(_ changes: [Change]) async throws(SyncError) -> PushAnswer {
    try await push(encoded: changes.map(\.canonicalBytes))
  }

  public func pull(after cursor: Int64, limit: Int) async throws(SyncError) -> PullAnswer {
    let answer = try await send(
      "/v1/pull?after=\(cursor)&limit=\(limit)", method: .GET, body: nil as [UInt8]?)
    let page = try Self.read { () throws(WireShapeError) in try LiaisonWire.PullAnswer(json: answer)
    }
    guard let nextCursor = Int64(page.cursor) else {
      throw .badAnswer("a pull answer whose cursor is not one this client sends back")
    }
    var changes: [Change] = []
    var unreadable: [UnreadableChange] = []
    for item in page.changes {
      do { changes.append(try Change(json: EarlierForms.upgrade(item))) } catch {
        unreadable.append(
          UnreadableChange(
            body: CanonicalJSON.encode(item), code: error.problem.code, field: error.field,
            message: error.description))
      }
    }
    return PullAnswer(
      changes: changes, unreadable: unreadable, cursor: nextCursor, more: page.more,
      keys: page.keys)
  }

  func send(_ path: String, method: HTTPMethod, body: JSONValue?) async throws(SyncError)
    -> JSONValue
  {
    try await send(path, method: method, body: body.map(CanonicalJSON.encode))
  }

  /// Sends one request and returns the answer's JSON, or throws the server's refusal.
  private func send(_ path: String, method: HTTPMethod, body: [UInt8]?) async throws(SyncError)
    -> JSONValue
  {
    var request = HTTPClientRequest(url: baseURL + path)
    request.method = method
    request.headers.add(name: "Content-Type", value: "application/json")
    request.headers.add(name: "Liaison-Protocol", value: "1")
    if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
    if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
    var status = 0
    var bytes = ByteBuffer()
    // A busy server says when to come back; every request of the protocol may be sent again
    // (a push's repeat counts as duplicates), so a few waits spare the liaison a failed sync.
    for attempt in 1...Self.busyAttempts {
      let retryAfter: Int?
      do {
        let response = try await http.execute(request, timeout: .seconds(120))
        status = Int(response.status.code)
        bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
        retryAfter = response.headers.first(name: "Retry-After").flatMap { Int($0) }
      } catch {
        throw await diagnose(error)
      }
      guard status == 503, attempt < Self.busyAttempts, let retryAfter else { break }
      do { try await Task.sleep(for: .seconds(min(max(retryAfter, 0), 5))) } catch { break }
    }
    guard let answer = try? JSONValue(parsing: bytes.readableBytesView),
      case .object = answer
    else {
      throw .badAnswer("HTTP \(status) without a JSON object")
    }
    guard (200..<300).contains(status) else {
      let error = try Self.read { () throws(WireShapeError) in try ErrorAnswer(json: answer) }
      if path.hasPrefix("/v1/pull"), error.field == "after" {
        throw .cursorRefused(error.message)
      }
      throw .refused(status: status, code: error.code.rawValue, message: error.message)
    }
    return answer
  }

  static func reason(_ error: any Error) -> String {
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
