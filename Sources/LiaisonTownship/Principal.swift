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
  /// The key its changes are signed with; nil for a device enrolled before changes were
  /// signed that has not sent its key yet.
  public let key: PublicSigningKey?
  /// Its changes up to this counter may be unsigned: those written before it had a key.
  public let unsignedThrough: Int64

  public init(
    id: String, name: String, replica: ReplicaID, villages: [String],
    key: PublicSigningKey? = nil, unsignedThrough: Int64 = 0
  ) {
    self.id = id
    self.name = name
    self.replica = replica
    self.villages = villages
    self.key = key
    self.unsignedThrough = unsignedThrough
  }

  /// The binding its pushed changes are checked against (unsigned by the server: the server
  /// checks its own records).
  public var binding: KeyBinding {
    KeyBinding(replica: replica, key: key, unsignedThrough: key == nil ? nil : unsignedThrough)
  }
}
