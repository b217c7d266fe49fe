import LiaisonMerge

extension HistoryEntry {
  /// A report's history from its logged changes, in log order: each replayed onto the ones
  /// before it, so that each entry shows the values it replaced. The same for every backend.
  /// A field's old value is the one the change's author saw (see ``seenBy(_:among:)``).
  public static func replay(_ id: ReportID, _ logged: [(sequence: Int64, change: Change)])
    -> [HistoryEntry]
  {
    var state = ReportState(id: id)
    var written: [Field: [Register<FieldValue>]] = [:]
    return logged.map { sequence, change in
      let before = state
      state.apply(change)
      let fields = change.fieldsChanged.filter { $0 != .deleted }.map { field in
        let write = change.fields[field]
        let old = write.map { seenBy($0, among: written[field] ?? []) } ?? before[field]
        return FieldChange(
          field: field, old: old.winner?.value ?? .absent, new: write?.value ?? .absent)
      }
      for (field, write) in change.fields {
        let entry = Register.Entry(
          dot: change.dot, value: write.value, attribution: change.attribution)
        written[field, default: []].append(Register(delta: entry, seen: write.seen))
      }
      return HistoryEntry(
        sequence: sequence, dot: change.dot, attribution: change.attribution, fields: fields,
        note: change.note, deleting: change.deletion?.value.isDeleted,
        signed: change.signature != nil)
    }
  }

  /// The field as the author of `write` saw it: the earlier writes it had seen, merged. Of
  /// two edits made apart, each replaced the value both started from, never the other's,
  /// even though the log holds one before the other.
  private static func seenBy(
    _ write: Change.Write<FieldValue>, among earlier: [Register<FieldValue>]
  ) -> Register<FieldValue> {
    var register = Register<FieldValue>()
    for delta in earlier where delta.entries.contains(where: { write.seen.contains($0.dot) }) {
      register.merge(delta)
    }
    return register
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
