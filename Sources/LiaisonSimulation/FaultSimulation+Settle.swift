import Foundation
import LiaisonMerge
import LiaisonStore
import LiaisonSync

extension FaultSimulation {
  /// With the faults stopped, every device syncs, round after round, until a whole round
  /// moves nothing.
  func settle(_ world: inout World) async throws {
    for index in world.devices.indices { world.devices[index].online = true }
    let time = 1_772_323_200_000 + Int64(world.report.steps + 1) * 1_000
    for round in 1...20 {
      world.report.finalRounds = round
      var moved = 0
      for device in world.devices {
        var attempts = 0
        while true {
          attempts += 1
          let result = await device.sync(batchSize: 200, time: time)
          if case .success(let progress) = result {
            moved += progress.sent + progress.received
            record(result, device, &world)
            break
          }
          if case .failure(let error) = result, attempts == 3 {
            world.report.violations.append("\(device.name): final sync failed: \(error)")
            break
          }
        }
      }
      if moved == 0 { return }
    }
    world.report.violations.append("the replicas still exchanged changes after 20 rounds")
  }

  /// Reads every replica, the server's after it stopped, and runs the final checks.
  func check(_ world: inout World) async throws {
    world.report.writes = world.ledger.count
    world.report.reports = world.ledger.created.count
    world.report.violations += world.report.refusals.map { "unexpected sync error: \($0)" }
    var snapshots = [try await serverSnapshot(world)]
    for device in world.devices {
      // A change written to be refused stays in its device's log and nowhere else.
      let refused = try device.store.refusedChanges()
      let written = world.refusalsWritten[device.name] ?? 0
      world.report.refusedByDesign += written
      if refused.count != written
        || refused.contains(where: { !["too_long", "unknown_field"].contains($0.code) })
      {
        world.report.violations.append(
          "\(device.name): wrote \(written) changes for the server to refuse; it refused "
            + "\(refused.count): \(refused.map(\.code))")
      }
      snapshots.append(
        try snapshot(
          device.name, device.store, refused: refused.count,
          villages: device.villages == DeviceEdits.villages ? nil : Set(device.villages)))
      let unsent = try device.store.status().unsentChanges
      if unsent > 0 {
        world.report.violations.append("\(device.name): \(unsent) changes never acknowledged")
      }
    }
    let (violations, conflicts) = FinalChecks(ledger: world.ledger).run(snapshots)
    world.report.violations += violations
    world.report.conflicts = conflicts
  }

  /// The township's reports and log: from its SQLite store, or from the PostgreSQL database
  /// its processes shared.
  private func serverSnapshot(_ world: World) async throws -> ReplicaSnapshot {
    let directory = world.servers.processes[0].directory
    guard let database = world.database else {
      return try snapshot("server", try ReplicaStore.open(in: directory))
    }
    let (states, dots, changes) = try await database.snapshot(keys: directory)
    return ReplicaSnapshot(name: "server", states: states, changeCount: changes, dots: dots)
  }

  private func snapshot(
    _ name: String, _ store: ReplicaStore, refused: Int = 0, villages: Set<String>? = nil
  ) throws -> ReplicaSnapshot {
    var states: [ReportID: ReportState] = [:]
    try store.forEachReport(includeDeleted: true) { state in
      if states.updateValue(state, forKey: state.id) != nil {
        throw SimulationFailure("\(name) lists report \(state.id) twice")
      }
    }
    return ReplicaSnapshot(
      name: name, states: states, changeCount: try store.status().changes - refused,
      villages: villages, dots: try LoggedDots.read(storeDirectory: store.location))
  }
}
