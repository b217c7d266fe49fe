import LiaisonCodec
import LiaisonMerge
import LiaisonTownship

/// `POST /v1/admin/enrollments`: an administrator asks for a one-time code.
public struct EnrollmentRequest: Sendable, Equatable {
  public let name: String
  public let villages: [String]
  /// Absent: the server's default lifetime.
  public let expiresInSeconds: Int64?

  public init(name: String, villages: [String], expiresInSeconds: Int64? = nil) {
    self.name = name
    self.villages = villages
    self.expiresInSeconds = expiresInSeconds
  }

  public var json: JSONValue {
    var members: [String: JSONValue] = [
      "name": .string(name), "villages": .array(villages.map { .string($0) }),
    ]
    if let expiresInSeconds { members["expires_in_seconds"] = .integer(expiresInSeconds) }
    return .object(members)
  }

  public init(json: JSONValue) throws(WireShapeError) {
    let object = try JSONObject(json, what: "the body")
    name = try object.string("name")
    villages = try object.strings("villages")
    guard !villages.isEmpty else {
      throw WireShapeError("villages must be a non-empty array of village names", field: "villages")
    }
    if let value = object.members["expires_in_seconds"] {
      guard case .integer(let seconds) = value else {
        throw WireShapeError("expires_in_seconds must be an integer", field: "expires_in_seconds")
      }
      expiresInSeconds = seconds
    } else {
      expiresInSeconds = nil
    }
  }
}

/// The answer to ``EnrollmentRequest``: the code, shown once, as the storage issued it, and
/// the pin of the certificate the server serves with, from which the administrator's command
/// line makes the enrolment link. No pin from a server without TLS.
public struct EnrollmentAnswer: Sendable, Equatable {
  public let code: String
  public let name: String
  public let villages: [String]
  public let expiresAt: Int64
  public let pin: CertificatePin?

  public init(_ enrollment: Enrollment, pin: CertificatePin?) {
    code = enrollment.code
    name = enrollment.name
    villages = enrollment.villages
    expiresAt = enrollment.expiresAt
    self.pin = pin
  }

  public var json: JSONValue {
    var members: [String: JSONValue] = [
      "code": .string(code), "name": .string(name),
      "villages": .array(villages.map { .string($0) }), "expires_at": .integer(expiresAt),
    ]
    if let pin { members["pin"] = .string(pin.description) }
    return .object(members)
  }

  public init(json: JSONValue) throws(WireShapeError) {
    let object = try JSONObject(json, what: "an enrolment code answer")
    code = try object.string("code")
    name = try object.string("name")
    villages = try object.strings("villages")
    expiresAt = try object.integer("expires_at")
    if object.members["pin"] != nil {
      guard let pin = CertificatePin(try object.string("pin")) else {
        throw WireShapeError("pin must be \(CertificatePin.form)", field: "pin")
      }
      self.pin = pin
    } else {
      pin = nil
    }
  }
}

/// `POST /v1/enroll`: a device exchanges a code for its credential.
public struct EnrollRequest: Sendable, Equatable {
  public let code: String
  /// The device's Ed25519 public key, bound to its replica by the enrolment.
  public let key: PublicSigningKey
  public let replica: ReplicaID

  public init(code: String, replica: ReplicaID, key: PublicSigningKey) {
    self.code = code
    self.replica = replica
    self.key = key
  }

  public var json: JSONValue {
    .object([
      "code": .string(code), "key": .string(key.base64), "replica": .string(replica.description),
    ])
  }

  /// Reads the request, members in name order; a replica id that does not read is its own
  /// error, `invalid_id`.
  public init(json: JSONValue) throws(WireShapeError) {
    let object = try JSONObject(json, what: "the body")
    code = try object.string("code")
    key = try object.signingKey("key")
    guard let replica = ReplicaID(try object.string("replica")) else {
      throw WireShapeError(
        "replica must be 32 lowercase hexadecimal digits", field: "replica", code: .invalidID)
    }
    self.replica = replica
  }
}

/// The answer to ``EnrollRequest``: the device's credential and identity at the server.
public struct EnrollAnswer: Sendable, Equatable {
  public let device: String
  public let token: String
  public let name: String
  public let villages: [String]
  public let server: ReplicaID
  /// The server replica's public key, which the device pins.
  public let serverKey: PublicSigningKey

  public init(
    device: String, token: String, name: String, villages: [String], server: ReplicaID,
    serverKey: PublicSigningKey
  ) {
    self.device = device
    self.token = token
    self.name = name
    self.villages = villages
    self.server = server
    self.serverKey = serverKey
  }

  public var json: JSONValue {
    .object([
      "device": .string(device), "token": .string(token), "name": .string(name),
      "villages": .array(villages.map { .string($0) }), "server": .string(server.description),
      "server_key": .string(serverKey.base64),
    ])
  }

  public init(json: JSONValue) throws(WireShapeError) {
    let object = try JSONObject(json, what: "an enrolment answer")
    device = try object.string("device")
    token = try object.string("token")
    name = try object.string("name")
    villages = try object.strings("villages")
    guard let server = ReplicaID(try object.string("server")) else {
      throw WireShapeError("server must be a replica id", field: "server")
    }
    self.server = server
    serverKey = try object.signingKey("server_key")
  }
}
