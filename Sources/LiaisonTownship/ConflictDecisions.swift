import LiaisonMerge

/// How an administrator's decision becomes writes: which value each conflicting field takes,
/// and the server's changes that carry it out. The rules of `protocol/sync.md` section 6,
/// the same for every backend.
public enum ConflictDecisions {
  /// What a resolution decides, field by field, checked against the report as it is. While
  /// `deleted` is in conflict, a resolution that decides values must decide it too: the
  /// server's write would otherwise be one more edit the delete has not seen, silently added
  /// to the side that restores the report.
  public static func decisions(_ resolution: Resolution, for state: ReportState) throws
    -> [Field: ConflictChoice.Outcome]
  {
    let decisions = try proposedDecisions(resolution, for: state)
    if state.conflicts.contains(.deleted), decisions[.deleted] == nil {
      throw AdminError.deletionUndecided(state.id)
    }
    return decisions
  }

  static func proposedDecisions(_ resolution: Resolution, for state: ReportState) throws
    -> [Field: ConflictChoice.Outcome]
  {
    let conflicts = state.conflicts
    guard !conflicts.isEmpty else { throw AdminError.noConflict(state.id) }
    switch resolution {
    case .pick(let field, let number):
      guard conflicts.contains(field) else { throw AdminError.notInConflict(state.id, field) }
      let choices = state.choices(for: field)
      guard (1...choices.count).contains(number) else {
        throw AdminError.noSuchValue(field, pick: number, count: choices.count)
      }
      return [field: choices[number - 1].outcome]
    case .value(let field, let text, let coordinates):
      guard conflicts.contains(field) else { throw AdminError.notInConflict(state.id, field) }
      if let coordinates {
        guard field == .location else {
          throw ValidationError(
            field: "coordinates", value: coordinates,
            problem: .malformed("coordinates go with the location field only"))
        }
        // As `liaison edit --location TEXT --coordinates LAT,LON` makes it.
        let location = try Location.parse(text: text, coordinates: coordinates)
        let value: FieldValue =
          location.text.allSatisfy(\.isWhitespace) && location.latitudeE7 == nil
          ? .absent : .location(location)
        try value.validate(for: .location)
        return [field: .value(value)]
      }
      guard field == .deleted else {
        return [field: .value(try FieldValue.parse(text, for: field))]
      }
      switch text.lowercased() {
      case "yes", "deleted", "delete", "true": return [field: .deletion(true)]
      case "no", "restored", "restore", "false": return [field: .deletion(false)]
      default:
        throw ValidationError(
          field: "deleted", value: text,
          problem: .notAllowed(["yes (keep it deleted)", "no (restore it)"]))
      }
    case .allFrom(let replica, let device):
      var decisions: [Field: ConflictChoice.Outcome] = [:]
      for field in conflicts {
        let choice = state.choices(for: field).first { choice in
          choice.writes.contains { $0.dot.replica == replica }
        }
        if let choice { decisions[field] = choice.outcome }
      }
      guard !decisions.isEmpty else { throw AdminError.nothingFrom(device) }
      return decisions
    }
  }

  /// The server's changes that carry out `decisions` on `state`, at `replica` under the
  /// counters after `counter`: the values first, then the delete or restore, so a delete that
  /// keeps the report deleted has seen the values just decided. A deleted report stays
  /// deleted: a value written into it would be an edit its delete had not seen, and would
  /// bring it back as a new conflict.
  public static func write(
    _ decisions: [Field: ConflictChoice.Outcome], to state: inout ReportState,
    at replica: ReplicaID, after counter: UInt64, attribution: Attribution
  ) throws -> [Change] {
    var values: [Field: FieldValue] = [:]
    var deleting: Bool?
    for (field, outcome) in decisions {
      switch outcome {
      case .value(let value): values[field] = value
      case .deletion(let keepDeleted): deleting = keepDeleted
      }
    }
    if deleting == nil, state.isDeleted { deleting = true }
    var counter = counter
    var changes: [Change] = []
    if !values.isEmpty {
      counter += 1
      changes.append(
        try state.write(
          ReportEdit(values: values), dot: Dot(replica: replica, counter: counter),
          attribution: attribution))
    }
    if let deleting {
      counter += 1
      changes.append(
        try state.resolveDeletion(
          keepDeleted: deleting, dot: Dot(replica: replica, counter: counter),
          attribution: attribution))
    }
    return changes
  }

  /// How the audit trail words what was decided: `title = 水渠纠纷 (picked value 2)`.
  public static func detail(
    _ decisions: [Field: ConflictChoice.Outcome], _ resolution: Resolution
  ) -> String {
    let decided = decisions.keys.sorted().map { field in
      let value: String =
        switch decisions[field]! {
        case .value(let value): value.description
        case .deletion(let keepDeleted): keepDeleted ? "yes" : "no"
        }
      return "\(field) = \(value)"
    }
    return decided.joined(separator: ", ") + " (\(resolution.summary))"
  }
}
