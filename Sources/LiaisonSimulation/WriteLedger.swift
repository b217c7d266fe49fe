import LiaisonMerge

/// Every write a device committed locally, recorded as it returned: the oracle the final
/// state is judged against.
///
/// The ledger keeps each write's full change, with the context its writer had seen, so the
/// checks can tell "lost" from "superseded by a write that had seen it" without asking the
/// merge code under test.
public struct WriteLedger: Sendable {
  public private(set) var changes: [Dot: Change] = [:]
  /// The dots of each report's writes, in the order they were made.
  public private(set) var writes: [ReportID: [Dot]] = [:]
  /// Every report created, in order.
  public private(set) var created: [ReportID] = []

  public init() {}

  public var count: Int { changes.count }

  /// Records a committed write; `creating` for the write that made the report.
  public mutating func record(_ change: Change, creating: Bool) {
    precondition(changes[change.dot] == nil, "a dot is used once")
    changes[change.dot] = change
    writes[change.report, default: []].append(change.dot)
    if creating { created.append(change.report) }
  }

  /// The changes of one report, in the order they were made.
  public func changes(of report: ReportID) -> [Change] {
    (writes[report] ?? []).compactMap { changes[$0] }
  }

  /// The state every replica must end with: the pure merge of every write to the report.
  public func expectedState(of report: ReportID) -> ReportState {
    var state = ReportState(id: report)
    for change in changes(of: report) { state.apply(change) }
    return state
  }
}
