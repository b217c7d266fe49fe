import Foundation
import LiaisonSimulation
import LiaisonTestKit
import Testing

/// A small configuration of the fault simulator: the real server, a few devices, a faulty
/// link and server kills, with every promise checked at the end.
@Suite struct FaultSimulationTests {
  static let township = ServeLaunch.product("township")

  @Test func fewDevicesThroughFaultsAndServerKillsKeepEveryPromise() async throws {
    let seed =
      UInt64(ProcessInfo.processInfo.environment["LIAISON_SIMULATION_SEED"] ?? "") ?? 20_261_121
    var configuration = SimulationConfiguration(
      seed: seed, township: Self.township, directory: NSTemporaryDirectory())
    configuration.devices = 8
    configuration.steps = 1_500
    configuration.kills = 4
    let report = try await FaultSimulation(configuration).run()
    print(report.summary)
    #expect(report.violations.isEmpty, "seed \(seed): \(report.violations.prefix(20))")
    // The run must have exercised what it claims to, or it proved nothing.
    #expect(report.kills == 4, "seed \(seed): \(report.summary)")
    #expect(report.faults.total > 20, "seed \(seed): \(report.summary)")
    #expect(report.failedSyncs > 0, "seed \(seed): \(report.summary)")
    #expect(report.conflicts > 0, "seed \(seed): \(report.summary)")
    // A device of another version sent changes the server refused, and its later ones landed.
    #expect(report.refusedByDesign > 0, "seed \(seed): \(report.summary)")
  }

  /// Some devices enrolled for one village only, so reports move in and out of their scope
  /// while they are apart: a write that raced a move out must still land (it used not to).
  @Test func devicesOfOneVillageLoseNothingWhenReportsMove() async throws {
    let seed =
      UInt64(ProcessInfo.processInfo.environment["LIAISON_SIMULATION_SEED"] ?? "") ?? 3
    var configuration = SimulationConfiguration(
      seed: seed, township: Self.township, directory: NSTemporaryDirectory())
    configuration.devices = 10
    configuration.steps = 1_500
    configuration.kills = 2
    configuration.scopedShare = 0.4
    let report = try await FaultSimulation(configuration).run()
    print(report.summary)
    #expect(report.violations.isEmpty, "seed \(seed): \(report.violations.prefix(20))")
  }
}
