import ArgumentParser
import Dispatch
import Foundation
import LiaisonTestKit

/// Runs the merge properties over as many seeded schedules as asked.
@main
struct Properties: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "liaison-properties",
    abstract: "Check the merge properties of protocol/merge.md on seeded random schedules.",
    discussion: """
      Every schedule is derived from one seed, so any failure replays exactly:
        swift run -c release liaison-properties --schedules 1000000 --seed 42
        swift run -c release liaison-properties --property convergence --seed 1234 --schedules 1
      """)

  @Option(help: "How many schedules to run per property.")
  var schedules: UInt64 = 100_000

  @Option(help: "The first seed; schedule i uses seed + i.")
  var seed: UInt64 = 1

  @Option(
    help:
      "Check one property only: \(MergeProperties.Property.allCases.map(\.rawValue).joined(separator: ", "))."
  )
  var property: String?

  @Option(help: "Worker threads.")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  mutating func run() throws {
    let properties =
      try property.map { name in
        guard let chosen = MergeProperties.Property(rawValue: name) else {
          throw ValidationError("unknown property \(name)")
        }
        return [chosen]
      } ?? MergeProperties.Property.allCases
    var failures = 0
    for property in properties {
      let started = DispatchTime.now()
      let failure = Self.firstFailure(
        property, seed: seed, schedules: schedules, jobs: max(1, jobs))
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
      let rate = Int(Double(schedules) / max(seconds, 1e-9))
      if let failure {
        failures += 1
        print("FAIL \(property.rawValue): \(failure)")
      } else {
        print(
          "ok   \(property.rawValue): \(schedules) schedules from seed \(seed) in \(String(format: "%.1f", seconds)) s (\(rate)/s)"
        )
      }
    }
    if failures > 0 { throw ExitCode.failure }
  }

  /// Splits the seeds among `jobs` threads and returns the failure with the lowest seed.
  static func firstFailure(
    _ property: MergeProperties.Property, seed: UInt64, schedules: UInt64, jobs: Int
  ) -> PropertyFailure? {
    let lock = NSLock()
    nonisolated(unsafe) var found: PropertyFailure?
    DispatchQueue.concurrentPerform(iterations: jobs) { job in
      var current = seed + UInt64(job)
      while current < seed + schedules {
        if let failure = MergeProperties.check([property], seed: current) {
          lock.withLock { if found == nil || found!.seed > failure.seed { found = failure } }
          return
        }
        current += UInt64(jobs)
      }
    }
    return found
  }
}
