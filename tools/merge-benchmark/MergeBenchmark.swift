import ArgumentParser
import Dispatch
import Foundation
import LiaisonMerge
import LiaisonTestKit

/// Measures report-state merges per second and peak memory on one core.
@main
struct MergeBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "liaison-merge-bench",
    abstract: "Merge report states from two replicas and report merges per second and peak memory.",
    discussion: """
      Every report is created at a server replica and copied to replicas A and B, which then
      edit while apart. Workloads:
        fields      each of a report's 10 fields is edited on both A and B with probability
                    --concurrent (default 10%), with different values: concurrent edits
        disjoint    A edits every report's status, B its details (Automerge's "x" workload)
        same-field  A and B both edit every report's status (Automerge's "conflict" workload)
      The merge loop runs on one thread; build with -c release.
      """)

  enum Workload: String, ExpressibleByArgument, CaseIterable {
    case fields
    case disjoint
    case sameField = "same-field"
  }

  @Option(help: "How many report states each replica holds.")
  var reports = 1_000_000

  @Option(help: "The workload: fields, disjoint or same-field.")
  var workload = Workload.fields

  @Option(help: "With --workload fields, the share of fields edited concurrently.")
  var concurrent = 0.10

  @Option(help: "Seed for the edits.")
  var seed: UInt64 = 1

  @Option(help: "How many times to time the merge loop; the median is reported.")
  var runs = 3

  @Flag(help: "Print one JSON line instead of the table.")
  var json = false

  mutating func run() throws {
    var random = SeededGenerator(seed: seed)
    let (server, a, b) = (Fixtures.replica(0x5), Fixtures.replica(0xa), Fixtures.replica(0xb))
    var counters = (server: UInt64(0), a: UInt64(0), b: UInt64(0))
    func dot(_ replica: ReplicaID, _ counter: inout UInt64) -> Dot {
      counter += 1
      return Dot(replica: replica, counter: counter)
    }

    var started = DispatchTime.now()
    var base: [ReportState] = []
    base.reserveCapacity(reports)
    for index in 0..<reports {
      var state = ReportState(id: ReportID.random(using: &random))
      var edit = Fixtures.newReport(
        title: "report \(index) 水渠纠纷", village: Fixtures.villages[index % 4])
      edit.values[.details] = .text(String(repeating: String(index, radix: 16), count: 4))
      edit.values[.location] = .location(Location(text: "site-\(index % 97)"))
      try state.write(edit, dot: dot(server, &counters.server), attribution: Fixtures.author("管理员"))
      base.append(state)
    }
    let baseSeconds = elapsed(since: started)

    started = DispatchTime.now()
    var onA = base
    var onB = base
    var changesFromB: [Change] = []
    changesFromB.reserveCapacity(reports)
    var expectedConflicts = 0
    let fields = Field.valueFields
    for index in 0..<reports {
      var editA = ReportEdit()
      var editB = ReportEdit()
      switch workload {
      case .fields:
        for field in fields where Double.random(in: 0..<1, using: &random) < concurrent {
          let (valueA, valueB) = Self.twoValues(for: field, index: index)
          editA.values[field] = valueA
          editB.values[field] = valueB
        }
      case .disjoint:
        editA.values[.status] = .status(.closed)
        editB.values[.details] = .text("by B \(index)")
      case .sameField:
        editA.values[.status] = .status(.closed)
        editB.values[.status] = .status(.inProgress)
      }
      if !editA.values.isEmpty {
        try onA[index].write(editA, dot: dot(a, &counters.a), attribution: Fixtures.author("李伟"))
        changesFromB.append(
          try onB[index].write(editB, dot: dot(b, &counters.b), attribution: Fixtures.author("王芳")))
        if workload != .disjoint { expectedConflicts += 1 }
      }
    }
    let editSeconds = elapsed(since: started)
    let memoryBeforeMerge = Self.residentMegabytes()

    // The measured loop: B's state merged into A's, report by report, in place, as a replica
    // merges what it receives (and as Automerge's `A.merge(B)` does); one thread only.
    var merged: [ReportState] = []
    var timings: [Double] = []
    for _ in 0..<max(1, runs) {
      merged = []
      merged = onA
      merged.withUnsafeMutableBufferPointer { _ in }  // copies A's array before the clock starts
      started = DispatchTime.now()
      onB.withUnsafeBufferPointer { incoming in  // reads B's states without copying each one
        merged.withUnsafeMutableBufferPointer { local in
          for index in 0..<incoming.count { local[index].merge(incoming[index]) }
        }
      }
      timings.append(elapsed(since: started))
    }
    let mergeSeconds = timings.sorted()[timings.count / 2]

    // The same outcome reached by applying B's changes to A's states, as a sync does.
    started = DispatchTime.now()
    var byChanges = onA
    var position = 0
    for change in changesFromB {
      while byChanges[position].id != change.report { position += 1 }
      byChanges[position].apply(change)
    }
    let applySeconds = elapsed(since: started)

    let conflicts = merged.reduce(0) { $0 + ($1.isConflicted ? 1 : 0) }
    let sample = Int.random(in: 0..<reports, using: &random)
    guard conflicts == expectedConflicts, byChanges == merged,
      onB[sample].merged(with: onA[sample]) == merged[sample]
    else {
      throw ValidationError("wrong result: \(conflicts) conflicts, expected \(expectedConflicts)")
    }
    report(
      [
        ("workload", workload.rawValue), ("reports", "\(reports)"),
        ("edited reports", "\(changesFromB.count)"), ("conflicted reports", "\(conflicts)"),
        ("build base s", format(baseSeconds)), ("edit s", format(editSeconds)),
        ("merge s (median)", format(mergeSeconds)),
        ("merge s (all runs)", timings.map(format).joined(separator: " ")),
        ("merges per second", "\(Int(Double(reports) / mergeSeconds))"),
        ("change applies per second", "\(Int(Double(changesFromB.count) / applySeconds))"),
        ("resident MB before merge", "\(memoryBeforeMerge)"),
        ("peak resident MB", "\(Self.peakMegabytes())"),
      ])
  }

  private func report(_ rows: [(String, String)]) {
    if json {
      let members = rows.map { "\"\($0.0.replacingOccurrences(of: " ", with: "_"))\":\"\($0.1)\"" }
      print("{" + members.joined(separator: ",") + "}")
    } else {
      for (name, value) in rows {
        print(name.padding(toLength: 28, withPad: " ", startingAt: 0) + value)
      }
    }
  }

  private static func twoValues(for field: Field, index: Int) -> (FieldValue, FieldValue) {
    switch field {
    case .category: (.category(.hazard), .category(.visit))
    case .urgency: (.urgency(.high), .urgency(.urgent))
    case .status: (.status(.inProgress), .status(.closed))
    case .due: (.date(CalendarDate("2026-05-01")!), .date(CalendarDate("2026-06-01")!))
    case .location:
      (.location(Location(text: "桥头 \(index)")), .location(Location(text: "村委会 \(index)")))
    default: (.text("甲方说法 \(index)"), .text("乙方说法 \(index)"))
    }
  }

  private func elapsed(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }

  private func format(_ seconds: Double) -> String {
    String(format: "%.3f", seconds)
  }

  /// VmHWM from /proc/self/status: the peak resident set, in megabytes.
  static func peakMegabytes() -> Int { statusKilobytes("VmHWM:") / 1024 }

  static func residentMegabytes() -> Int { statusKilobytes("VmRSS:") / 1024 }

  private static func statusKilobytes(_ key: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return 0
    }
    let line = status.split(separator: "\n").first { $0.hasPrefix(key) }
    return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
  }
}
