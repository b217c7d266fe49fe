import LiaisonCodec
import LiaisonMerge
import LiaisonTrust

/// `POST /v1/key`: a device enrolled before changes were signed sends its key, once.
public struct KeyBindRequest: Sendable, Equatable {
  public let key: PublicSigningKey
  /// Its changes up to this counter were written before it had a key, and stay unsigned.
  public let unsignedThrough: Int64

  public init(key: PublicSigningKey, unsignedThrough: Int64) {
    self.key = key
    self.unsignedThrough = unsignedThrough
  }

  public var json: JSONValue {
    .object(["key": .string(key.base64), "unsigned_through": .integer(unsignedThrough)])
  }

  public init(json: JSONValue) throws(WireShapeError) {
    let object = try JSONObject(json, what: "the body")
    key = try object.signingKey("key")
    unsignedThrough = try object.integer("unsigned_through")
    guard unsignedThrough >= 0 else {
      throw WireShapeError(
        "unsigned_through must be a counter, 0 or more", field: "unsigned_through")
    }
  }
}

/// The answer to ``KeyBindRequest``: the server's replica and key, which the device pins.
public struct KeyBindAnswer: Sendable, Equatable {
  public let server: ReplicaID
  public let serverKey: PublicSigningKey

  public init(server: ReplicaID, serverKey: PublicSigningKey) {
    self.server = server
    self.serverKey = serverKey
  }

  public var json: JSONValue {
    .object(["server": .string(server.description), "server_key": .string(serverKey.base64)])
  }

  public init(json: JSONValue) throws(WireShapeError) {
    let object = try JSONObject(json, what: "a key answer")
    guard let server = ReplicaID(try object.string("server")) else {
      throw WireShapeError("server must be a replica id", field: "server")
    }
    self.server = server
    serverKey = try object.signingKey("server_key")
  }
}
