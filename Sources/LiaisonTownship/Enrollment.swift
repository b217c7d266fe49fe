import LiaisonMerge

/// A new enrolment code, shown once.
public struct Enrollment: Sendable, Equatable {
  public let code: String
  public let name: String
  public let villages: [String]
  public let expiresAt: Int64

  public init(code: String, name: String, villages: [String], expiresAt: Int64) {
    self.code = code
    self.name = name
    self.villages = villages
    self.expiresAt = expiresAt
  }
}

/// What a device receives for an enrolment code.
public struct Enrolled: Sendable, Equatable {
  public let device: Device
  public let token: String
  public let server: ReplicaID
  /// The server's signing key, which the device pins: it checks every key binding with it.
  public let serverKey: PublicSigningKey

  public init(device: Device, token: String, server: ReplicaID, serverKey: PublicSigningKey) {
    self.device = device
    self.token = token
    self.server = server
    self.serverKey = serverKey
  }
}
