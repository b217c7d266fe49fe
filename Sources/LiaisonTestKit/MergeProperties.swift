import LiaisonCodec
import LiaisonMerge

/// A property that failed, with the seed that replays it.
public struct PropertyFailure: Error, CustomStringConvertible, Sendable {
  public let property: MergeProperties.Property
  public let seed: UInt64
  public let message: String

  public var description: String {
    "property \(property.rawValue) failed with seed \(seed): \(message)\n"
      + "replay: swift run -c release liaison-properties --property \(property.rawValue) --seed \(seed) --schedules 1"
  }
}

/// The merge properties of `protocol/merge.md`, each checked on one seeded random schedule.
public enum MergeProperties {
  public enum Property: String, CaseIterable, Sendable {
    /// merge(a, b) = merge(b, a); merge(merge(a, b), c) = merge(a, merge(b, c)); merge(a, a) = a.
    case algebra
    /// Replicas that exchanged everything hold byte-identical canonical encodings.
    case convergence
    /// Every write is present, or superseded by a write whose replica had seen it.
    case noLostUpdate = "no-lost-update"
    /// Every replica shows the same provisional winner and the same conflicts.
    case sameWinner = "same-winner"
    /// A field never holds more values than there were concurrent writers.
    case boundedValues = "bounded-values"
  }

  /// Checks `properties` on the schedules `seed` generates; the first failure, or nil.
  ///
  /// The schedule properties share one run of the schedule, so checking them together costs
  /// little more than checking one.
  public static func check(_ properties: [Property], seed: UInt64) -> PropertyFailure? {
    if properties.contains(.algebra), let message = checkAlgebra(seed: seed) {
      return PropertyFailure(property: .algebra, seed: seed, message: message)
    }
    let scheduled = properties.filter { $0 != .algebra }
    guard !scheduled.isEmpty else { return nil }
    return checkSchedule(Set(scheduled), seed: seed)
  }

  private static func checkAlgebra(seed: UInt64) -> String? {
    var simulation = MergeSimulation(seed: seed, replicaCount: 3)
    for _ in 0..<simulation.draw(4...40) { simulation.step() }
    let report = simulation.reportIDs[0]
    let (a, b, c) = (
      simulation.replicas[0].state(report), simulation.replicas[1].state(report),
      simulation.replicas[2].state(report)
    )
    if !same(a.merged(with: b), b.merged(with: a)) { return "merge(a, b) != merge(b, a)" }
    if !same(a.merged(with: b).merged(with: c), a.merged(with: b.merged(with: c))) {
      return "merge(merge(a, b), c) != merge(a, merge(b, c))"
    }
    if !same(a.merged(with: a), a) { return "merge(a, a) != a" }
    if !same(a.merged(with: b).merged(with: b), a.merged(with: b)) {
      return "merging b twice changed the state"
    }
    return nil
  }

  private static func checkSchedule(_ properties: Set<Property>, seed: UInt64) -> PropertyFailure? {
    let fail = { (property: Property, message: String) in
      PropertyFailure(property: property, seed: seed, message: message)
    }
    var simulation = MergeSimulation(seed: seed, replicaCount: Int(seed % 7) + 2, reportCount: 2)
    for _ in 0..<simulation.draw(5...60) {
      let changed = simulation.step()
      if properties.contains(.boundedValues),
        let problem = boundedValuesProblem(simulation, at: changed)
      {
        return fail(.boundedValues, problem)
      }
    }
    simulation.settle(byChanges: seed % 2 == 0)
    let checks: [(Property, (MergeSimulation) -> String?)] = [
      (.convergence, convergenceProblem), (.noLostUpdate, lostUpdateProblem),
      (.sameWinner, winnerProblem),
    ]
    for (property, check) in checks where properties.contains(property) {
      if let problem = check(simulation) { return fail(property, problem) }
    }
    return nil
  }

  private static func same(_ a: ReportState, _ b: ReportState) -> Bool {
    a == b && a.canonicalBytes == b.canonicalBytes
  }

  private static func convergenceProblem(_ simulation: MergeSimulation) -> String? {
    for report in simulation.reportIDs {
      let expected = simulation.replicas[0].state(report).canonicalBytes
      for replica in simulation.replicas.dropFirst()
      where replica.state(report).canonicalBytes != expected {
        return
          "replica \(replica.id) holds different bytes for report \(report) than replica \(simulation.replicas[0].id)"
      }
    }
    return nil
  }

  private static func lostUpdateProblem(_ simulation: MergeSimulation) -> String? {
    let all = simulation.written.values
    for replica in simulation.replicas {
      for change in all {
        let state = replica.state(change.report)
        for (field, _) in change.fields {
          let present = state[field].entries.contains { $0.dot == change.dot }
          let superseded = all.contains { later in
            later.report == change.report && later.fields[field]?.seen.contains(change.dot) == true
          }
          if !present && !superseded {
            return
              "write \(change.dot) to \(field) vanished at replica \(replica.id) without a write that saw it"
          }
        }
        if change.deletion != nil {
          let present = state.deletion.entries.contains { $0.dot == change.dot }
          let superseded = all.contains {
            $0.report == change.report && $0.deletion?.seen.contains(change.dot) == true
          }
          if !present && !superseded {
            return "delete or restore \(change.dot) vanished at replica \(replica.id)"
          }
        }
        if change.note != nil, !state.notes.notes.contains(where: { $0.dot == change.dot }) {
          return "note \(change.dot) is missing at replica \(replica.id)"
        }
      }
    }
    return nil
  }

  private static func winnerProblem(_ simulation: MergeSimulation) -> String? {
    for report in simulation.reportIDs {
      let reference = simulation.replicas[0].state(report)
      for replica in simulation.replicas.dropFirst() {
        let state = replica.state(report)
        for field in Field.valueFields
        where state.value(field) != reference.value(field)
          || state[field].winner != reference[field].winner
        {
          return
            "replica \(replica.id) shows \(field) = \(state.value(field)), replica \(simulation.replicas[0].id) shows \(reference.value(field))"
        }
        if state.conflicts != reference.conflicts || state.isDeleted != reference.isDeleted {
          return
            "replica \(replica.id) shows conflicts \(state.conflicts), the first replica \(reference.conflicts)"
        }
      }
    }
    return nil
  }

  private static func boundedValuesProblem(_ simulation: MergeSimulation, at index: Int) -> String?
  {
    let replica = simulation.replicas[index]
    for report in simulation.reportIDs {
      let state = replica.state(report)
      for field in Field.valueFields {
        let entries = state[field].entries
        let writers = Set(
          simulation.written.values.filter { $0.report == report && $0.fields[field] != nil }.map(
            \.dot.replica))
        if entries.count > writers.count {
          return
            "\(field) holds \(entries.count) values but only \(writers.count) replicas wrote it"
        }
        for first in entries {
          for second in entries where first.dot != second.dot {
            if simulation.written[second.dot]?.fields[field]?.seen.contains(first.dot) == true {
              return "\(field) keeps \(first.dot) beside \(second.dot), whose writer had seen it"
            }
          }
        }
      }
    }
    return nil
  }
}
