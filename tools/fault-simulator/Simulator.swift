import ArgumentParser
import Foundation
import LiaisonSimulation

/// Runs the real township server and many simulated devices through a fault-injecting proxy,
/// then checks that nothing was lost, that every replica converged, that no report was
/// duplicated and that the conflicts shown are exactly the right ones.
@main
struct Simulator: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "liaison-simulator",
    abstract: "Prove sync under faults: devices, a faulty link, server kills, then the checks.",
    discussion: """
      Prints the seed first and one summary line last; exits 1 on any violation. \
      `--seed` replays a run's schedule of actions and faults.

      By default one `township serve` runs on SQLite. With `--database postgres://USER@HOST:PORT/DB` \
      the run makes a fresh database on that PostgreSQL server (DB is only connected to) and \
      starts `--processes` (2 or 3) `township serve` processes on it behind the proxy, which \
      sends each connection to one of the running processes, drawn from the seed. Kills land \
      on whichever process a push went to, and now and then take a second one down at once; \
      killed processes restart a few steps later. A passing run drops its database.

      The checks: no acknowledged write lost, every replica byte-identical to the server, no \
      report or change duplicated, exactly the right conflicts shown, and no device that \
      missed a change the server logged in its villages.
      """)

  @Option(help: "The seed of every random choice; default: a random one, printed.")
  var seed: UInt64?

  @Option(help: "Simulated devices (1 to 200).")
  var devices = 20

  @Option(help: "Device actions before the final checks (default: until --minutes is up).")
  var steps: Int?

  @Option(help: "Minutes of device actions (default: 1, unless --steps is given).")
  var minutes: Double?

  @Option(help: "Server kills (SIGKILL mid-push) spread over the run.")
  var kills = 5

  @Option(
    help:
      "The share of devices enrolled for one village only (0 to 1), so reports move in and out of their scope."
  )
  var scoped = 0.0

  @Option(
    help:
      "The share of devices that run another version of liaison (0 to 1): now and then they send a change the server must refuse alone."
  )
  var otherVersion = 0.1

  @Option(
    help:
      "A PostgreSQL server, postgres://USER@HOST:PORT/DB: run the township on a fresh database there (default: SQLite)."
  )
  var database: String?

  @Option(help: "township serve processes on PostgreSQL (1 to 3; default 2 with --database).")
  var processes: Int?

  @Option(help: "The township binary; default: beside this tool.")
  var township: String?

  @Option(help: "Where the stores go; a passing run removes its own.")
  var directory = NSTemporaryDirectory()

  func validate() throws {
    guard (1...200).contains(devices) else { throw ValidationError("--devices is 1 to 200") }
    guard kills >= 0 else { throw ValidationError("--kills cannot be negative") }
    guard (0...1).contains(scoped) else { throw ValidationError("--scoped is 0 to 1") }
    guard (0...1).contains(otherVersion) else {
      throw ValidationError("--other-version is 0 to 1")
    }
    if let processes {
      guard database != nil || processes == 1 else {
        throw ValidationError("--processes above 1 needs --database: SQLite has one writer")
      }
      guard (1...3).contains(processes) else { throw ValidationError("--processes is 1 to 3") }
    }
  }

  func run() async throws {
    let seed = seed ?? UInt64.random(in: 0...UInt64(UInt32.max))
    let processes = processes ?? (database == nil ? 1 : 2)
    print(
      "liaison-simulator --seed \(seed) --devices \(devices)"
        + (database == nil ? "" : " --processes \(processes) (PostgreSQL)"))
    let binary =
      township
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("township").path
    var configuration = SimulationConfiguration(
      seed: seed, township: URL(fileURLWithPath: binary), directory: directory)
    configuration.devices = devices
    configuration.kills = kills
    configuration.scopedShare = scoped
    configuration.otherVersionShare = otherVersion
    configuration.database = database
    configuration.processes = processes
    if let steps { configuration.steps = steps }
    if let minutes {
      configuration.duration = minutes * 60
    } else if steps == nil {
      configuration.duration = 60
    }
    let report: SimulationReport
    do {
      report = try await FaultSimulation(configuration).run()
    } catch {
      print("the simulation could not run: \(error)")
      throw ExitCode.failure
    }
    for violation in report.violations.prefix(50) {
      print("violation (seed \(seed)): \(violation)")
    }
    if !report.passed, let kept = report.database { print("the database \(kept) is kept") }
    print(report.summary)
    if !report.passed { throw ExitCode.failure }
  }
}
