import LiaisonMerge

extension HistoryEntry {
  /// A report's history from its logged changes, in log order: each replayed onto the ones
  /// before it, so that each entry shows the values it replaced. The same for every backend.
  public static func replay(_ id: ReportID, _ logged: [(sequence: Int64, change: Change)])
    -> [HistoryEntry]
  {
    var state = ReportState(id: id)
    return logged.map { sequence, change in
      let before = state
      state.apply(change)
      let fields = change.fieldsChanged.filter { $0 != .deleted }.map { field in
        FieldChange(
          field: field, old: before[field].winner?.value ?? .absent,
          new: change.fields[field]?.value ?? .absent)
      }
      return HistoryEntry(
        sequence: sequence, dot: change.dot, attribution: change.attribution, fields: fields,
        note: change.note, deleting: change.deletion?.value.isDeleted,
        signed: change.signature != nil)
    }
  }
}

extension ConflictSummary {
  /// The summary of a report in conflict, as `township conflicts` lists it; nil for a report
  /// without one.
  public init?(_ state: ReportState) {
    guard let since = state.conflictSince else { return nil }
    self.init(
      id: state.id, village: state.value(.village).description,
      category: state.value(.category).description, title: state.value(.title).description,
      fields: state.conflicts, replicas: state.conflictingReplicas, since: since,
      version: state.version)
  }

  /// Oldest conflict first, then by id: the order `township conflicts` lists them in.
  public static func listed(_ states: [ReportState]) -> [ConflictSummary] {
    states.compactMap(ConflictSummary.init).sorted { ($0.since, $0.id) < ($1.since, $1.id) }
  }
}
