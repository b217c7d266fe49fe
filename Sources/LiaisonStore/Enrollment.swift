import LiaisonMerge

/// A new enrolment code, shown once.
public struct Enrollment: Sendable, Equatable {
  public let code: String
  public let name: String
  public let villages: [String]
  public let expiresAt: Int64
}

/// What a device receives for an enrolment code.
public struct Enrolled: Sendable, Equatable {
  public let device: Device
  public let token: String
  public let server: ReplicaID
}
