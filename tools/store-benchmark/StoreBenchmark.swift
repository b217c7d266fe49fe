import ArgumentParser
import Dispatch
import Foundation
import GRDB
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit

/// Measures the device store: bulk writes through the store API against raw SQLite, and the
/// whole-process time of `liaison new`, `list` and `show` on the filled store.
@main
struct StoreBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "liaison-store-bench",
    abstract: "Benchmark the device store and the liaison command line (build with -c release).")

  @Option(help: "How many reports to write.")
  var reports = 100_000

  @Option(help: "The liaison binary to time; default: beside this benchmark.")
  var liaison: String?

  @Option(help: "How many times to run each command; the median is reported.")
  var runs = 21

  @Option(help: "Seed for report ids.")
  var seed: UInt64 = 1

  mutating func run() throws {
    let binary =
      liaison
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("liaison").path
    let root = (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "liaison-store-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(atPath: root) }
    var random = SeededGenerator(seed: seed)
    let ids = (0..<reports).map { _ in ReportID.random(using: &random) }

    // The store API: every report is a merge-core write, a state row and a change-log row.
    let storeDirectory = (root as NSString).appendingPathComponent("store")
    let store = try ReplicaStore.create(
      in: storeDirectory, author: "李伟", villages: Fixtures.villages, replica: Fixtures.replica(1),
      now: 0)
    var started = Date()
    try store.transaction { transaction in
      for (index, id) in ids.enumerated() {
        try transaction.create(
          Self.values(index), id: id, time: 1_772_323_200_000 + Int64(index) * 1000)
      }
    }
    let storeSeconds = Date().timeIntervalSince(started)

    let commitSample = 500
    started = Date()
    for index in 0..<commitSample {
      try store.create(
        Self.values(index), id: ReportID.random(using: &random),
        time: 1_800_000_000_000 + Int64(index))
    }
    let commitSeconds = Date().timeIntervalSince(started)

    // Raw SQLite: the same rows (state JSON and list columns), prepared once, one transaction.
    let rows = try Self.rows(store, ids: ids)
    let raw = try DatabaseQueue(
      path: (root as NSString).appendingPathComponent("raw.sqlite"),
      configuration: Self.rawConfiguration)
    try raw.write { db in
      try db.execute(
        sql:
          "CREATE TABLE report (id TEXT PRIMARY KEY, state BLOB, village TEXT, category TEXT, title TEXT, created_at INTEGER)"
      )
      try db.execute(sql: "CREATE TABLE change (seq INTEGER PRIMARY KEY, report TEXT, body BLOB)")
    }
    started = Date()
    try raw.write { db in
      let insertReport = try db.makeStatement(sql: "INSERT INTO report VALUES (?, ?, ?, ?, ?, ?)")
      let insertChange = try db.makeStatement(
        sql: "INSERT INTO change (report, body) VALUES (?, ?)")
      for row in rows {
        try insertReport.execute(arguments: [
          row.id, row.state, row.village, row.category, row.title, row.created,
        ])
        try insertChange.execute(arguments: [row.id, row.change])
      }
    }
    let rawSeconds = Date().timeIntervalSince(started)

    let environment = ["LIAISON_HOME": storeDirectory]
    let probe = String(ids[reports / 2].description.prefix(8))
    let list = try Self.median(runs) { try Self.time(binary, ["list"], environment) }
    let listSearch = try Self.median(runs) {
      try Self.time(binary, ["list", "--search", "水渠", "--limit", "50"], environment)
    }
    let show = try Self.median(runs) { try Self.time(binary, ["show", probe], environment) }
    let history = try Self.median(runs) {
      try Self.time(binary, ["show", probe, "--history"], environment)
    }
    let new = try Self.median(runs) {
      try Self.time(
        binary, ["new", "--village", "东村", "--category", "visit", "--title", "走访记录"], environment)
    }
    let fileBytes =
      (try? FileManager.default.attributesOfItem(
        atPath: (storeDirectory as NSString).appendingPathComponent(ReplicaStore.fileName))[.size]
        as? Int) ?? 0

    let table: [(String, String)] = [
      ("reports", "\(reports)"),
      (
        "store API, one transaction",
        "\(Int(Double(reports) / storeSeconds)) reports/s (\(String(format: "%.2f", storeSeconds)) s)"
      ),
      (
        "raw SQLite, same rows, one transaction",
        "\(Int(Double(reports) / rawSeconds)) rows/s (\(String(format: "%.2f", rawSeconds)) s)"
      ),
      ("store API / raw SQLite", String(format: "%.2f", rawSeconds / storeSeconds)),
      (
        "store API, one commit per report",
        "\(Int(Double(commitSample) / commitSeconds)) reports/s (synchronous = FULL)"
      ),
      ("liaison list (newest 50), whole process", Self.milliseconds(list)),
      ("liaison list --search 水渠, whole process", Self.milliseconds(listSearch)),
      ("liaison show, whole process", Self.milliseconds(show)),
      ("liaison show --history, whole process", Self.milliseconds(history)),
      ("liaison new, whole process", Self.milliseconds(new)),
      ("store file", "\(fileBytes / 1_048_576) MB"),
    ]
    for (name, value) in table { print("| \(name) | \(value) |") }
  }

  static func values(_ index: Int) -> [Field: FieldValue] {
    [
      .village: .text(Fixtures.villages[index % Fixtures.villages.count]),
      .category: .category(Category.allCases[index % Category.allCases.count]),
      .title: .text("\(Fixtures.titles[index % Fixtures.titles.count]) \(index)"),
      .details: .text("村民反映情况，需要跟进。编号 \(index)。" + String(repeating: "详", count: index % 80)),
      .urgency: .urgency(Urgency.allCases[index % 4]),
    ]
  }

  struct RawRow {
    let id: String
    let state: Data
    let village: String
    let category: String
    let title: String
    let created: Int64
    let change: Data
  }

  /// The rows the store wrote, read back so the raw insert stores exactly the same bytes.
  static func rows(_ store: ReplicaStore, ids: [ReportID]) throws -> [RawRow] {
    let database = try DatabaseQueue(
      path: (store.location as NSString).appendingPathComponent(ReplicaStore.fileName))
    return try database.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT r.id, r.state, r.village, r.category, r.title, r.created_at, c.body FROM report r
          JOIN change c ON c.report = r.id ORDER BY c.seq LIMIT ?
          """, arguments: [ids.count]
      ).map {
        RawRow(
          id: $0[0], state: $0[1], village: $0[2], category: $0[3], title: $0[4], created: $0[5],
          change: $0[6])
      }
    }
  }

  static var rawConfiguration: Configuration {
    var configuration = Configuration()
    configuration.journalMode = .wal
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    return configuration
  }

  /// Runs the binary to completion and returns its wall time. posix_spawn and waitpid, since
  /// Foundation's `Process.waitUntilExit` polls every 50 ms on Linux and would quantise the
  /// figures.
  static func time(_ binary: String, _ arguments: [String], _ environment: [String: String]) throws
    -> Double
  {
    let environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map {
      "\($0)=\($1)"
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid: pid_t = 0
    let started = DispatchTime.now()
    guard posix_spawn(&pid, binary, &actions, nil, argv, envp) == 0 else {
      throw ValidationError("cannot start \(binary)")
    }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    guard status == 0 else { throw ValidationError("liaison \(arguments) failed") }
    return seconds
  }

  static func median(_ runs: Int, _ measure: () throws -> Double) throws -> Double {
    let times = try (0..<max(1, runs)).map { _ in try measure() }.sorted()
    return times[times.count / 2]
  }

  static func milliseconds(_ seconds: Double) -> String {
    String(format: "%.1f ms (median)", seconds * 1000)
  }
}
