import Foundation

/// How a simulation is set up.
public struct SimulationConfiguration: Sendable {
  /// Every random choice comes from this seed: the schedule of device actions, the faults of
  /// each connection in turn, and where each server kill lands.
  public var seed: UInt64
  public var devices = 20
  /// Stop after this many device actions, or after ``duration``, whichever comes first.
  public var steps = Int.max
  /// Stop after this many seconds of device actions.
  public var duration: Double = .infinity
  /// How many times the server is killed with SIGKILL during a push, spread over the run.
  public var kills = 4
  /// The share of devices enrolled for one village only, so that reports move in and out of
  /// their scope; the others serve both villages.
  public var scopedShare = 0.0
  /// The share of devices that run another version of `liaison`: now and then they send a
  /// change the server refuses, and their later changes must still land.
  public var otherVersionShare = 0.1
  public var rates = FaultRates()
  /// A PostgreSQL server's URL: the run makes a fresh database on it, which ``processes``
  /// `township serve` processes share. Nil: one process on SQLite.
  public var database: String?
  /// How many processes serve the township on PostgreSQL (1 to 3); on SQLite, one.
  public var processes = 1
  /// With several processes, the share of kills that take a second process down at the same
  /// moment.
  public var doubleKillShare = 0.25
  /// The `township` executable.
  public var township: URL
  /// Where the stores go; a new directory under it is removed after a passing run.
  public var directory: String

  public init(seed: UInt64, township: URL, directory: String) {
    self.seed = seed
    self.township = township
    self.directory = directory
  }
}

/// What a simulation did and found.
public struct SimulationReport: Sendable {
  public var seed: UInt64 = 0
  public var devices = 0
  public var steps = 0
  public var writes = 0
  public var reports = 0
  public var syncs = 0
  public var failedSyncs = 0
  /// Sync answers the server refused, or that were not understood: never expected.
  public var refusals: [String] = []
  public var faults = FaultCounts()
  /// Processes killed with SIGKILL, the second of a double kill included.
  public var kills = 0
  public var restarts = 0
  public var processes = 1
  /// The database the processes shared, on PostgreSQL; nil on SQLite.
  public var database: String?
  public var conflicts = 0
  /// Changes the other-version devices wrote for the server to refuse; each must be refused.
  public var refusedByDesign = 0
  public var finalRounds = 0
  public var seconds = 0.0
  public var violations: [String] = []

  public init() {}

  public var passed: Bool { violations.isEmpty }

  /// One line with the figures and the verdict.
  public var summary: String {
    "seed \(seed): \(devices) devices, "
      + (database == nil ? "1 process on SQLite, " : "\(processes) processes on PostgreSQL, ")
      + "\(steps) steps, \(writes) writes to \(reports) reports, "
      + "\(syncs) syncs (\(failedSyncs) failed, retried), \(faults.total) faults injected (\(faults)), "
      + "\(kills) server kills, \(restarts) restarts, \(conflicts) conflicts, \(refusedByDesign) refused by design, settled in \(finalRounds) rounds, "
      + String(format: "%.1f s", seconds) + ": "
      + (passed ? "PASS" : "FAIL (\(violations.count) violations)")
  }
}
