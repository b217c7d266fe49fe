/// Why a request was refused before it reached the data.
public enum AccessError: Error, Equatable, Sendable, CustomStringConvertible {
  case unauthenticated
  case revoked
  case invalidCode
  case replicaTaken
  case forbidden
  /// The signing key offered is bound to another replica already.
  case keyInUse
  /// The device has a different key bound already; a key is bound once.
  case keyAlreadyBound

  /// The protocol's error code (`protocol/sync.md` section 4).
  public var code: String {
    switch self {
    case .unauthenticated: "unauthenticated"
    case .revoked: "revoked"
    case .invalidCode: "invalid_code"
    case .replicaTaken: "replica_taken"
    case .forbidden: "forbidden"
    case .keyInUse: "key_in_use"
    case .keyAlreadyBound: "key_bound"
    }
  }

  public var description: String {
    switch self {
    case .unauthenticated: "no valid credential was presented"
    case .revoked:
      "this device's credential has been revoked; ask the township office to enrol it again"
    case .invalidCode: "the enrolment code is unknown, already used or expired"
    case .replicaTaken: "this device's replica id is already in use at the township"
    case .forbidden: "this needs an administrator credential"
    case .keyInUse:
      "this signing key is already bound to another replica at the township; every device has its own key"
    case .keyAlreadyBound:
      "this device already has a different signing key bound at the township; a key is bound once, so enrol the device again to change it"
    }
  }
}
