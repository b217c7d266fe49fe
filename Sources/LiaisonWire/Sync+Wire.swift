import LiaisonCodec
import LiaisonMerge
import LiaisonTownship

/// `GET /v1/health`.
public struct HealthAnswer: Sendable, Equatable {
  /// The protocol versions the server speaks.
  public let protocols: [Int64]
  public let server: ReplicaID

  public init(protocols: [Int64] = [1], server: ReplicaID) {
    self.protocols = protocols
    self.server = server
  }

  public var json: JSONValue {
    .object([
      "status": .string("ok"), "protocol": .array(protocols.map { .integer($0) }),
      "server": .string(server.description),
    ])
  }

  public init(json: JSONValue) throws(WireShapeError) {
    let object = try JSONObject(json, what: "a health answer")
    protocols = try object.array("protocol").compactMap { item in
      if case .integer(let version) = item { version } else { nil }
    }
    guard let server = ReplicaID(try object.string("server")) else {
      throw WireShapeError("server must be a replica id", field: "server")
    }
    self.server = server
  }
}

/// The answer to `POST /v1/push`: counts, and each refused change with why; the storage's
/// outcome as it travels.
public typealias PushAnswer = PushOutcome

extension PushOutcome.Rejection {
  public var json: JSONValue {
    var members: [String: JSONValue] = [
      "index": .integer(Int64(index)), "code": .string(code.rawValue),
      "message": .string(message),
    ]
    if let dot { members["dot"] = dot.json }
    if let field { members["field"] = .string(field) }
    return .object(members)
  }

  init(json: JSONValue) throws(WireShapeError) {
    let object = try JSONObject(json, what: "a rejection")
    let dot = try object.members["dot"].map { value throws(WireShapeError) in
      do { return try Dot(json: value, path: "dot") } catch {
        throw WireShapeError("a rejection's dot does not read: \(error)", field: "dot")
      }
    }
    self.init(
      index: Int(try object.integer("index")), dot: dot,
      code: RefusalCode(try object.string("code")), field: try object.optionalString("field"),
      message: try object.string("message"))
  }
}

extension PushOutcome {
  public var json: JSONValue {
    .object([
      "accepted": .integer(Int64(accepted)), "duplicates": .integer(Int64(duplicates)),
      "rejected": .array(rejected.map(\.json)),
    ])
  }

  public init(json: JSONValue) throws(WireShapeError) {
    let object = try JSONObject(json, what: "a push answer")
    self.init(
      accepted: Int(try object.integer("accepted")),
      duplicates: Int(try object.integer("duplicates")),
      rejected: try object.array("rejected").map { item throws(WireShapeError) in
        try Rejection(json: item)
      })
  }
}

/// The answer to `GET /v1/pull`: the changes' JSON as the server's log holds it, and where
/// the next page starts.
public struct PullAnswer: Sendable, Equatable {
  public let changes: [JSONValue]
  /// Opaque: the client sends it back as `after`.
  public let cursor: String
  public let more: Bool
  /// The server-signed key bindings of the replicas whose changes the page holds
  /// (`protocol/sync.md` section 7). Absent from a server before signed changes: empty.
  public let keys: [KeyBinding]

  public init(changes: [JSONValue], cursor: String, more: Bool, keys: [KeyBinding] = []) {
    self.changes = changes
    self.cursor = cursor
    self.more = more
    self.keys = keys
  }

  public init(json: JSONValue) throws(WireShapeError) {
    let object = try JSONObject(json, what: "a pull answer")
    changes = try object.array("changes")
    cursor = try object.string("cursor")
    more = try object.bool("more")
    var keys: [KeyBinding] = []
    if object.members["keys"] != nil {
      for item in try object.array("keys") {
        do { keys.append(try KeyBinding(json: item)) } catch {
          throw WireShapeError(error.message, field: "keys")
        }
      }
    }
    self.keys = keys
  }

  /// The answer written around change bodies that are already canonical JSON, as the
  /// server's log holds them: nothing is decoded only to be encoded again.
  public static func encode(
    bodies: [[UInt8]], cursor: String, more: Bool, keys: [KeyBinding] = []
  ) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bodies.reduce(64) { $0 + $1.count + 1 })
    output.append(contentsOf: #"{"changes":["#.utf8)
    for (index, body) in bodies.enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      output.append(contentsOf: body)
    }
    output.append(contentsOf: #"],"cursor":"#.utf8)
    output.append(contentsOf: CanonicalJSON.encode(.string(cursor)))
    output.append(contentsOf: #","keys":"#.utf8)
    output.append(contentsOf: CanonicalJSON.encode(.array(keys.map(\.json))))
    output.append(contentsOf: (more ? #","more":true}"# : #","more":false}"#).utf8)
    return output
  }
}

/// Every error answer: `{"error": {"code", "message", "field"?}}`.
public struct ErrorAnswer: Sendable, Equatable, Error {
  public let code: RefusalCode
  public let message: String
  public let field: String?

  public init(code: RefusalCode, message: String, field: String? = nil) {
    self.code = code
    self.message = message
    self.field = field
  }

  public var json: JSONValue {
    var error: [String: JSONValue] = ["code": .string(code.rawValue), "message": .string(message)]
    if let field { error["field"] = .string(field) }
    return .object(["error": .object(error)])
  }

  public init(json: JSONValue) throws(WireShapeError) {
    let outer = try JSONObject(json, what: "an error answer")
    guard let inner = outer.members["error"] else {
      throw WireShapeError("an error answer must have an error member", field: "error")
    }
    let object = try JSONObject(inner, what: "an error answer's error")
    code = RefusalCode(try object.string("code"))
    message = try object.string("message")
    field = try object.optionalString("field")
  }
}
