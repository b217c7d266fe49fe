import Foundation
import LiaisonPostgresTesting
import LiaisonSimulation
import LiaisonTestKit
import Testing

/// The fault simulator's PostgreSQL mode, small: three `township serve` processes on one
/// database behind the fault proxy, devices spread over them, processes killed at random
/// (sometimes two at once) and restarted, and every promise checked at the end.
@Suite(.enabled(if: PostgresTestServer.runs))
struct PostgresFaultSimulationTests {
  @Test func devicesSpreadOverThreeKilledProcessesKeepEveryPromise() async throws {
    let seed =
      UInt64(ProcessInfo.processInfo.environment["LIAISON_SIMULATION_SEED"] ?? "") ?? 15
    let server = try PostgresTestServer.server()
    var configuration = SimulationConfiguration(
      seed: seed, township: FaultSimulationTests.township, directory: NSTemporaryDirectory())
    let url = try #require(PostgresTestServer.url, "seed \(seed): \(server)")
    configuration.database = url
    configuration.processes = 3
    configuration.devices = 8
    configuration.steps = 1_000
    configuration.kills = 5
    configuration.doubleKillShare = 0.6
    configuration.scopedShare = 0.25
    configuration.otherVersionShare = 0.25
    let report = try await FaultSimulation(configuration).run()
    print(report.summary)
    #expect(report.violations.isEmpty, "seed \(seed): \(report.violations.prefix(20))")
    // The run must have exercised what it claims to, or it proved nothing.
    // Five kills, at least one of which took a second process down with it.
    #expect(report.kills > 5, "no double kill: \(report.summary)")
    #expect(report.restarts == report.kills, "\(report.summary)")
    #expect(report.faults.total > 20, "\(report.summary)")
    #expect(report.conflicts > 0, "\(report.summary)")
    #expect(report.refusedByDesign > 0, "\(report.summary)")
  }
}
