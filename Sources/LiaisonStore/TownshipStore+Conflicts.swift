import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge

extension TownshipStore {
  /// The reports in conflict, oldest conflict first, optionally of one village or category.
  public func conflicts(village: String? = nil, category: String? = nil) throws(StoreError)
    -> [ConflictSummary]
  {
    var sql = "SELECT state FROM report WHERE conflicted = 1"
    var arguments: StatementArguments = []
    if let village {
      sql += " AND village = ?"
      _ = arguments.append(contentsOf: [village])
    }
    if let category {
      sql += " AND category = ?"
      _ = arguments.append(contentsOf: [category])
    }
    let (statement, bound) = (sql, arguments)
    let states = try replica.read { db in
      try Data.fetchAll(db, sql: statement, arguments: bound).map(StoreRows.state)
    }
    return states.compactMap { state -> ConflictSummary? in
      guard let since = state.conflictSince else { return nil }
      return ConflictSummary(
        id: state.id, village: state.value(.village).description,
        category: state.value(.category).description, title: state.value(.title).description,
        fields: state.conflicts, replicas: state.conflictingReplicas, since: since,
        version: state.version)
    }.sorted { ($0.since, $0.id) < ($1.since, $1.id) }
  }

  /// The name to show for each replica that wrote to the township: enrolled devices by the
  /// liaison's name, the server's own replica as "township".
  public func replicaNames() throws(StoreError) -> [ReplicaID: ReplicaName] {
    let server = try replica.info().id
    return try replica.read { db in
      var names = [server: ReplicaName(device: "township", name: "township")]
      for row in try Row.fetchAll(db, sql: "SELECT id, name, replica FROM device") {
        if let id = ReplicaID(row["replica"] as String) {
          names[id] = ReplicaName(device: row["id"], name: row["name"])
        }
      }
      return names
    }
  }

  /// Applies an administrator's decision as an ordinary write at the server replica, logged
  /// so it reaches every device on its next pull, and records it in the audit trail.
  ///
  /// `version` is the ``ReportState/version`` the administrator looked at; when the report
  /// has changed since, nothing is written and ``AdminError/stale(_:current:)`` says so.
  public func resolve(
    _ id: ReportID, _ resolution: Resolution, expecting version: String, by administrator: String,
    reason: String, now: Int64
  ) throws(StoreError) -> ResolutionOutcome {
    try Self.checkReason(reason)
    return try replica.write { db in
      guard var state = try StoreRows.state(db, id) else { throw StoreError.unknownReport("\(id)") }
      guard state.version == version else { throw AdminError.stale(id, current: state.version) }
      let decisions = try Self.decisions(resolution, for: state)
      var values: [Field: FieldValue] = [:]
      var deleting: Bool?
      for (field, outcome) in decisions {
        switch outcome {
        case .value(let value): values[field] = value
        case .deletion(let keepDeleted): deleting = keepDeleted
        }
      }
      // A value written into a deleted report would be an edit its delete had not seen, and
      // would bring the report back as a new conflict: a deleted report stays deleted.
      if deleting == nil, state.isDeleted { deleting = true }
      let server = try ReplicaInfo.fetch(db)
      let attribution = Attribution(author: administrator, time: now)
      var counter = server.counter
      var changes: [Change] = []
      // Values first, then the delete or restore, so a delete that keeps the report deleted
      // has seen the values just decided.
      if !values.isEmpty {
        counter += 1
        changes.append(
          try state.write(
            ReportEdit(values: values), dot: Dot(replica: server.id, counter: counter),
            attribution: attribution))
      }
      if let deleting {
        counter += 1
        changes.append(
          try state.resolveDeletion(
            keepDeleted: deleting, dot: Dot(replica: server.id, counter: counter),
            attribution: attribution))
      }
      try db.execute(sql: "UPDATE replica SET counter = ?", arguments: [Int64(counter)])
      let key = try StoreRows.save(db, state, changeTime: now)
      for change in changes { try StoreRows.logNew(db, change, report: key) }
      let decided = decisions.keys.sorted()
      let decidedValues = decided.map { field in
        let value: String =
          switch decisions[field]! {
          case .value(let value): value.description
          case .deletion(let keepDeleted): keepDeleted ? "yes" : "no"
          }
        return "\(field) = \(value)"
      }
      let detail = decidedValues.joined(separator: ", ") + " (\(resolution.summary))"
      try Self.audit(db, now, administrator, "resolve conflict", id.description, detail, reason)
      return ResolutionOutcome(
        state: state, resolved: decided, remaining: state.conflicts, dots: changes.map(\.dot))
    }
  }

  /// What a resolution decides, field by field, checked against the report as it is. While
  /// `deleted` is in conflict, a resolution that decides values must decide it too: the
  /// server's write would otherwise be one more edit the delete has not seen, silently added
  /// to the side that restores the report.
  private static func decisions(_ resolution: Resolution, for state: ReportState) throws
    -> [Field: ConflictChoice.Outcome]
  {
    let decisions = try proposedDecisions(resolution, for: state)
    if state.conflicts.contains(.deleted), decisions[.deleted] == nil {
      throw AdminError.deletionUndecided(state.id)
    }
    return decisions
  }

  private static func proposedDecisions(_ resolution: Resolution, for state: ReportState) throws
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
}
