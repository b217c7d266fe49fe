import LiaisonCodec
import LiaisonMerge

/// What one replica holds at the end of a run.
public struct ReplicaSnapshot: Sendable {
  public let name: String
  public let states: [ReportID: ReportState]
  /// Entries in the replica's change log.
  public let changeCount: Int
  /// The villages a device is enrolled for, when not all: it must hold exactly the reports
  /// that end in them, and may keep stale copies of reports that moved away.
  public let villages: Set<String>?
  /// The dot of every change in the replica's log, by report; nil when not read.
  public let dots: [ReportID: Set<Dot>]?

  public init(
    name: String, states: [ReportID: ReportState], changeCount: Int, villages: Set<String>? = nil,
    dots: [ReportID: Set<Dot>]? = nil
  ) {
    self.name = name
    self.states = states
    self.changeCount = changeCount
    self.villages = villages
    self.dots = dots
  }

  /// Whether this replica must hold `state`, as the reference holds it.
  func serves(_ state: ReportState) -> Bool {
    guard let villages else { return true }
    guard case .text(let village) = state.value(.village) else { return false }
    return villages.contains(village)
  }
}

/// The promises checked once the faults stop and every replica has synced until nothing
/// changes: no loss, convergence, no duplicated report, exactly the right conflicts, and no
/// device that missed a change in its villages.
public struct FinalChecks: Sendable {
  public let ledger: WriteLedger

  public init(ledger: WriteLedger) {
    self.ledger = ledger
  }

  /// The violations found, at most a few per kind, and the number of conflicted fields.
  public func run(_ replicas: [ReplicaSnapshot]) -> (violations: [String], conflicts: Int) {
    var violations: [String] = []
    guard let reference = replicas.first else { return (["no replica to check"], 0) }
    violations += convergence(replicas)
    violations += duplicates(replicas)
    violations += missedChanges(replicas)
    var conflicts = 0
    for report in ledger.created {
      guard let state = reference.states[report] else { continue }
      violations += losses(in: state)
      let (expected, found) = conflictedFields(of: state)
      conflicts += expected.count
      if expected != found {
        violations.append(
          "report \(report): conflicts shown \(found.sorted()), expected \(expected.sorted())")
      }
      if state.canonicalBytes != ledger.expectedState(of: report).canonicalBytes {
        violations.append("report \(report): state differs from the merge of every write")
      }
    }
    return (violations, conflicts)
  }

  /// All replicas, the server included, hold byte-identical canonical states.
  func convergence(_ replicas: [ReplicaSnapshot]) -> [String] {
    let reference = replicas[0]
    var violations: [String] = []
    for replica in replicas.dropFirst() where replica.villages != nil {
      for (id, state) in reference.states where replica.serves(state) {
        if replica.states[id]?.canonicalBytes != state.canonicalBytes {
          violations.append("\(replica.name) (one village) and \(reference.name) differ on \(id)")
        }
      }
    }
    for replica in replicas.dropFirst() where replica.villages == nil {
      if Set(replica.states.keys) != Set(reference.states.keys) {
        violations.append(
          "\(replica.name) holds \(replica.states.count) reports, \(reference.name) "
            + "\(reference.states.count)")
        continue
      }
      for (id, state) in reference.states
      where replica.states[id]?.canonicalBytes != state.canonicalBytes {
        violations.append("\(replica.name) and \(reference.name) differ on report \(id)")
      }
    }
    return violations
  }

  /// Every change the reference (the server) logged to a report a device must hold is in
  /// that device's log too. A pull cursor that passed a change before it committed (the
  /// commit-order gap of a change feed) leaves the change out of the device's log for good,
  /// even where a later change hides it from the state.
  func missedChanges(_ replicas: [ReplicaSnapshot]) -> [String] {
    guard let reference = replicas.first, let expected = reference.dots else { return [] }
    var violations: [String] = []
    for replica in replicas.dropFirst() {
      guard let held = replica.dots else { continue }
      var missed: [(ReportID, Dot)] = []
      for (id, state) in reference.states where replica.serves(state) {
        let absent = (expected[id] ?? []).subtracting(held[id] ?? [])
        missed += absent.sorted().map { (id, $0) }
      }
      if let (report, dot) = missed.first {
        violations.append(
          "\(replica.name) missed \(missed.count) changes \(reference.name) logged in its "
            + "villages, first \(dot) to report \(report)")
      }
    }
    return violations
  }

  /// Every report created once is there once, and no change log holds a write twice or one
  /// nobody made.
  func duplicates(_ replicas: [ReplicaSnapshot]) -> [String] {
    var violations: [String] = []
    let created = Set(ledger.created)
    if created.count != ledger.created.count { violations.append("a report id was created twice") }
    for replica in replicas {
      if replica.villages != nil {
        if !Set(replica.states.keys).isSubset(of: created) {
          violations.append("\(replica.name): reports nobody created")
        }
        continue
      }
      if Set(replica.states.keys) != created {
        let extra = Set(replica.states.keys).subtracting(created)
        let missing = created.subtracting(replica.states.keys)
        violations.append(
          "\(replica.name): \(extra.count) reports nobody created, \(missing.count) missing")
      }
      if replica.changeCount != ledger.count {
        violations.append(
          "\(replica.name) logs \(replica.changeCount) changes; \(ledger.count) writes were made")
      }
    }
    return violations
  }

  /// Every write is present, or superseded by a value whose writer had seen it.
  func losses(in state: ReportState) -> [String] {
    var violations: [String] = []
    for change in ledger.changes(of: state.id) {
      for (field, write) in change.fields {
        let register = state[field]
        if let entry = register.entries.first(where: { $0.dot == change.dot }) {
          if entry.value != write.value {
            violations.append("\(change.dot) on \(field): value changed to \(entry.value)")
          }
        } else if !register.entries.contains(where: { saw(change.dot, field: field, $0.dot) }) {
          violations.append("\(change.dot) on \(field) of \(state.id) lost")
        }
      }
      if let deletion = change.deletion {
        let register = state.deletion
        if let entry = register.entries.first(where: { $0.dot == change.dot }) {
          if entry.value != deletion.value {
            violations.append("\(change.dot): deletion changed")
          }
        } else if !register.entries.contains(where: { saw(change.dot, field: .deleted, $0.dot) }) {
          violations.append("\(change.dot): delete or restore of \(state.id) lost")
        }
      }
      if let note = change.note,
        !state.notes.notes.contains(where: { $0.dot == change.dot && $0.text == note })
      {
        violations.append("\(change.dot): note on \(state.id) lost")
      }
    }
    return violations
  }

  /// Whether the write `later` had seen the write `earlier` to `field`, by the ledger.
  func saw(_ earlier: Dot, field: Field, _ later: Dot) -> Bool {
    guard let change = ledger.changes[later] else { return false }
    let seen = field == .deleted ? change.deletion?.seen : change.fields[field]?.seen
    return seen?.contains(earlier) ?? false
  }

  /// The fields the ledger says are in conflict, worked out from the writes alone, beside the
  /// fields the state shows in conflict.
  func conflictedFields(of state: ReportState) -> (expected: Set<Field>, found: Set<Field>) {
    let changes = ledger.changes(of: state.id)
    var expected = Set<Field>()
    var standing: [Field: [Change]] = [:]
    for field in Field.allCases {
      let writers = changes.filter {
        field == .deleted ? $0.deletion != nil : $0.fields[field] != nil
      }
      // A write stands unless another write to the same field had seen it.
      standing[field] = writers.filter { write in
        !writers.contains { $0.dot != write.dot && saw(write.dot, field: field, $0.dot) }
      }
    }
    for field in Field.valueFields {
      let values = Set((standing[field] ?? []).compactMap { $0.fields[field]?.value })
      if values.count > 1 { expected.insert(field) }
    }
    let deletions = (standing[.deleted] ?? []).compactMap(\.deletion?.value)
    if Set(deletions.map(\.isDeleted)).count > 1 {
      expected.insert(.deleted)
    } else if deletions.first?.isDeleted == true {
      // A standing delete conflicts with any standing value or note it had not seen; it has
      // seen those of its own write, which carry its dot (protocol/merge.md section 5).
      var visible = changes.filter { $0.note != nil }.map(\.dot)
      for field in Field.valueFields { visible += (standing[field] ?? []).map(\.dot) }
      let deletes = standing[.deleted] ?? []
      let unseen = visible.filter { dot in
        !deletes.contains { $0.dot == dot || $0.deletion?.value.seen.contains(dot) == true }
      }
      if !unseen.isEmpty { expected.insert(.deleted) }
    }
    return (expected, Set(state.conflicts))
  }
}
