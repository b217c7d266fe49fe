import LiaisonMerge

/// One replica in a merge simulation: its report states, its counter and the changes it holds.
public struct SimulatedReplica: Sendable {
  public let id: ReplicaID
  public private(set) var counter: UInt64 = 0
  public private(set) var reports: [ReportID: ReportState] = [:]
  /// Every change this replica has made or received, by dot: what it would relay.
  public private(set) var changes: [Dot: Change] = [:]

  public init(id: ReplicaID) {
    self.id = id
  }

  /// The next dot this replica writes under.
  public mutating func nextDot() -> Dot {
    counter += 1
    return Dot(replica: id, counter: counter)
  }

  /// The state of a report here, empty if it has not arrived.
  public func state(_ report: ReportID) -> ReportState {
    reports[report] ?? ReportState(id: report)
  }

  /// Makes a local write and keeps its change.
  public mutating func write(
    _ edit: ReportEdit, to report: ReportID, attribution: Attribution
  ) throws(ValidationError) -> Change {
    var state = state(report)
    let change = try state.write(edit, dot: nextDot(), attribution: attribution)
    reports[report] = state
    changes[change.dot] = change
    return change
  }

  /// Applies a change from elsewhere.
  public mutating func receive(_ change: Change) {
    var state = state(change.report)
    state.apply(change)
    reports[change.report] = state
    changes[change.dot] = change
  }

  /// Merges another replica's whole state, as a state-based exchange does.
  public mutating func merge(from other: SimulatedReplica) {
    for (id, theirs) in other.reports {
      reports[id] = state(id).merged(with: theirs)
    }
    changes.merge(other.changes) { mine, _ in mine }
  }
}
