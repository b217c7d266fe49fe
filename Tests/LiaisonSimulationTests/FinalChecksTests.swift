import LiaisonMerge
import LiaisonSimulation
import LiaisonTestKit
import Testing

/// The simulator's checks must catch what they claim to: a lost write, a divergent replica,
/// a duplicated report and a wrong set of conflicts.
@Suite struct FinalChecksTests {
  let report = Fixtures.report(1)

  /// Two replicas that wrote the same title concurrently after a shared creation.
  func scenario() throws -> (WriteLedger, ReportState, [Change]) {
    var a = SimulatedReplica(id: Fixtures.replica(1))
    var b = SimulatedReplica(id: Fixtures.replica(2))
    var ledger = WriteLedger()
    let created = try a.write(Fixtures.newReport(), to: report, attribution: Fixtures.author("甲"))
    ledger.record(created, creating: true)
    b.receive(created)
    let left = try a.write(
      ReportEdit(values: [.title: .text("甲")]), to: report, attribution: Fixtures.author("甲"))
    let right = try b.write(
      ReportEdit(values: [.title: .text("乙")]), to: report, attribution: Fixtures.author("乙"))
    ledger.record(left, creating: false)
    ledger.record(right, creating: false)
    a.receive(right)
    return (ledger, a.state(report), [created, left, right])
  }

  func snapshot(_ name: String, _ state: ReportState, changes: Int) -> ReplicaSnapshot {
    ReplicaSnapshot(name: name, states: [state.id: state], changeCount: changes)
  }

  @Test func aCompleteConvergedRunPassesWithItsConflict() throws {
    let (ledger, state, _) = try scenario()
    let (violations, conflicts) = FinalChecks(ledger: ledger).run([
      snapshot("server", state, changes: 3), snapshot("a", state, changes: 3),
    ])
    #expect(violations.isEmpty)
    #expect(conflicts == 1)
  }

  @Test func aLostWriteIsCaught() throws {
    let (ledger, _, changes) = try scenario()
    var partial = ReportState(id: report)
    partial.apply(changes[0])
    partial.apply(changes[1])
    let (violations, _) = FinalChecks(ledger: ledger).run([snapshot("server", partial, changes: 2)])
    #expect(violations.contains { $0.contains("lost") }, "\(violations)")
    #expect(violations.contains { $0.contains("logs 2 changes") }, "\(violations)")
  }

  @Test func divergenceAndDuplicatesAreCaught() throws {
    let (ledger, state, changes) = try scenario()
    var behind = ReportState(id: report)
    behind.apply(changes[0])
    var other = ReportState(id: Fixtures.report(2))
    other.apply(
      try Change(
        report: other.id, dot: Dot(replica: Fixtures.replica(3), counter: 1),
        attribution: Fixtures.author("丙"), note: "x"))
    let (violations, _) = FinalChecks(ledger: ledger).run([
      snapshot("server", state, changes: 3), snapshot("a", behind, changes: 3),
      ReplicaSnapshot(
        name: "b", states: [state.id: state, other.id: other], changeCount: 4),
    ])
    #expect(violations.contains { $0.contains("a and server differ") }, "\(violations)")
    #expect(violations.contains { $0.contains("1 reports nobody created") }, "\(violations)")
  }

  @Test func aResolvedConflictStillShownIsCaught() throws {
    var (ledger, state, _) = try scenario()
    var resolved = state
    let resolution = try resolved.resolve(
      .title, to: .text("甲"), dot: Dot(replica: Fixtures.replica(1), counter: 3),
      attribution: Fixtures.author("甲"))
    ledger.record(resolution, creating: false)
    // The replica still shows the conflict: the resolution never arrived.
    let (violations, conflicts) = FinalChecks(ledger: ledger).run([
      snapshot("server", state, changes: 4)
    ])
    #expect(conflicts == 0)
    #expect(violations.contains { $0.contains("conflicts shown") }, "\(violations)")
  }
}

/// The missed-change check: a device whose log lacks a change the server logged in its
/// villages (a pull cursor that passed the change before it committed) is caught, even when
/// the state hides the change because a later write superseded it.
@Suite struct MissedChangeCheckTests {
  @Test func aChangeMissingFromADevicesLogIsCaughtThoughTheStatesAgree() throws {
    let (ledger, state, changes) = try FinalChecksTests().scenario()
    let all = Set(changes.map(\.dot))
    let server = ReplicaSnapshot(
      name: "server", states: [state.id: state], changeCount: 3, dots: [state.id: all])
    let complete = ReplicaSnapshot(
      name: "a", states: [state.id: state], changeCount: 3, dots: [state.id: all])
    let skipped = ReplicaSnapshot(
      name: "b", states: [state.id: state], changeCount: 3,
      dots: [state.id: all.subtracting([changes[1].dot])])
    let checks = FinalChecks(ledger: ledger)
    #expect(checks.run([server, complete]).violations.isEmpty)
    let violations = checks.run([server, complete, skipped]).violations
    #expect(
      violations == [
        "b missed 1 changes server logged in its villages, first \(changes[1].dot) "
          + "to report \(state.id)"
      ], "\(violations)")
  }

  @Test func aDeviceOfOneVillageIsNotAskedForReportsOutsideIt() throws {
    let (ledger, state, changes) = try FinalChecksTests().scenario()
    let server = ReplicaSnapshot(
      name: "server", states: [state.id: state], changeCount: 3,
      dots: [state.id: Set(changes.map(\.dot))])
    let elsewhere = ReplicaSnapshot(
      name: "c", states: [:], changeCount: 0, villages: ["nowhere"], dots: [:])
    #expect(FinalChecks(ledger: ledger).run([server, elsewhere]).violations.isEmpty)
  }
}
