import LiaisonMerge

/// Where a report has been, from its logged changes: the questions of village scope that a
/// push and a pull ask (`protocol/sync.md` section 3), answered the same for every backend.
public enum VillageHistory {
  /// Whether any of `changes` gave the report one of `villages`: a device that ever held the
  /// report may still write to it after it moved away.
  public static func wasEver(in villages: Set<String>, _ changes: [Change]) -> Bool {
    changes.contains { change in
      if case .text(let village)? = change.fields[.village]?.value {
        villages.contains(village)
      } else {
        false
      }
    }
  }

  /// Whether the report stood in one of `villages` after `changes` (its merged village
  /// register holds one of them): a move out of it goes to that village's devices.
  public static func wasIn(_ villages: Set<String>, after changes: [Change]) -> Bool {
    guard let first = changes.first else { return false }
    var state = ReportState(id: first.report)
    for change in changes { state.apply(change) }
    return state[.village].entries.contains { entry in
      if case .text(let village) = entry.value { villages.contains(village) } else { false }
    }
  }
}
