import LiaisonMerge

/// Who made a request, once its token is recognised.
public enum Principal: Sendable, Equatable {
  case administrator(name: String)
  case device(Device)

  /// The name the audit trail records.
  public var name: String {
    switch self {
    case .administrator(let name): name
    case .device(let device): device.name
    }
  }
}

/// An enrolled field device.
public struct Device: Sendable, Equatable {
  public let id: String
  public let name: String
  public let replica: ReplicaID
  public let villages: [String]

  public init(id: String, name: String, replica: ReplicaID, villages: [String]) {
    self.id = id
    self.name = name
    self.replica = replica
    self.villages = villages
  }
}
