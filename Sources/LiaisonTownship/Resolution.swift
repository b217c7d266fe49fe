import LiaisonMerge

/// What an administrator decided for a report in conflict.
public enum Resolution: Sendable, Equatable {
  /// One field: the value numbered `pick` in ``ReportState/choices(for:)``.
  case pick(Field, Int)
  /// One field: a new value, typed as `liaison edit` takes it (`deleted` takes yes or no);
  /// for `location`, optionally with `LATITUDE,LONGITUDE` as `liaison edit --coordinates`.
  case value(Field, String, coordinates: String? = nil)
  /// Every conflicting field: the value this device wrote, where it wrote one.
  case allFrom(ReplicaID, device: String)

  /// How the audit trail words the decision.
  public var summary: String {
    switch self {
    case .pick(_, let number): "picked value \(number)"
    case .value: "a value typed in"
    case .allFrom(_, let device): "the values of \(device)'s device"
    }
  }
}

/// The outcome of a resolution: the fields decided and the report's state afterwards.
public struct ResolutionOutcome: Sendable, Equatable {
  public let state: ReportState
  /// The fields the resolution decided, sorted by name.
  public let resolved: [Field]
  /// The fields still in conflict afterwards.
  public let remaining: [Field]
  /// The dots of the writes made, one or two (values, then a delete that has seen them).
  public let dots: [Dot]

  public init(state: ReportState, resolved: [Field], remaining: [Field], dots: [Dot]) {
    self.state = state
    self.resolved = resolved
    self.remaining = remaining
    self.dots = dots
  }
}
