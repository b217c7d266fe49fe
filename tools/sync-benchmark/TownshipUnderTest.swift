import Foundation
import LiaisonPostgres
import LiaisonStore
import LiaisonSync
import LiaisonTestKit
import PostgresNIO

/// A township for `liaison-sync-bench pg`: on SQLite (no database) or on PostgreSQL, served
/// by one `township serve` process or by two sharing its store directory and database, as
/// two processes behind a load balancer do.
final class TownshipUnderTest: @unchecked Sendable {
  let database: PostgresLocation?
  private let binary: String
  private let directory: String
  private let processes: Int
  private var first: SyncBenchmark.Server?
  private var others: [ServeLaunch.Started] = []

  init(binary: String, directory: String, database: PostgresLocation?, processes: Int) {
    self.binary = binary
    self.directory = directory
    self.database = database
    self.processes = processes
  }

  /// What one configuration measured: rates in changes per second of wall time, and the
  /// CPU seconds the push took in the `township serve` processes and in their PostgreSQL
  /// backends, and the WAL flushes the cluster made meanwhile.
  struct Figures {
    var push = 0.0
    var pull = 0.0
    var pushSeconds = 0.0
    var serverCPU = 0.0
    var postgresCPU = 0.0
    var clientCPU = 0.0
    var walSyncs: Int64 = 0

    func json(_ name: String) -> String {
      #"{"config": "\#(name)", "push": \#(Int(push)), "pull": \#(Int(pull)), "#
        + #""push_s": \#(String(format: "%.2f", pushSeconds)), "#
        + #""server_cpu_s": \#(String(format: "%.2f", serverCPU)), "#
        + #""postgres_cpu_s": \#(String(format: "%.2f", postgresCPU)), "#
        + #""client_cpu_s": \#(String(format: "%.2f", clientCPU)), "wal_syncs": \#(walSyncs)}"#
    }
  }

  private var arguments: [String] { database.map { ["--database", $0.description] } ?? [] }

  private func start() async throws -> SyncBenchmark.Server {
    if let first { return first }
    let server = try await SyncBenchmark.Server(
      binary: binary, directory: (directory as NSString).appendingPathComponent("server"),
      tls: false, arguments: arguments)
    first = server
    for _ in 1..<max(processes, 1) {
      others.append(
        try ServeLaunch.start(
          binary: URL(fileURLWithPath: binary), directory: server.server.directory,
          insecureHTTP: true, arguments: arguments))
    }
    return server
  }

  private var urls: [String] { (first.map { [$0.url] } ?? []) + others.map(\.url) }
  private var pids: [Int32] {
    (first.map { [$0.server.process.processIdentifier] } ?? [])
      + others.map(\.process.processIdentifier)
  }

  static let villages = ["东村", "西村", "南村", "北村"]

  /// `writers` devices record `reports / writers` reports each, in villages of their own,
  /// and push at once, device i to process i mod processes; then as many devices in all
  /// those villages pull everything at once, spread the same way.
  func pushAndPull(reports: Int, writers: Int, batchSize: Int) async throws -> Figures {
    let server = try await start()
    let count = min(max(writers, 1), Self.villages.count)
    let villages = Array(Self.villages.prefix(count))
    var pushers: [ReplicaStore] = []
    var pullers: [ReplicaStore] = []
    for index in 0..<count {
      let url = urls[index % urls.count]
      let device = try await server.device(
        "a\(index)", in: directory, villages: [villages[index]], linkedTo: url)
      try SyncBenchmark.record(
        reports / count, at: device, seed: index == 0 ? 7 : 1_000 + UInt64(index),
        village: villages[index])
      pushers.append(device)
      pullers.append(
        try await server.device("b\(index)", in: directory, villages: villages, linkedTo: url))
    }
    var figures = Figures()
    let cpuBefore = try await cpu()
    var started = Date()
    let sent = try await Self.syncAll(pushers, batchSize: batchSize, \.sent)
    figures.pushSeconds = Date().timeIntervalSince(started)
    let cpuAfter = try await cpu()
    figures.push = Double(sent) / figures.pushSeconds
    figures.serverCPU = cpuAfter.server - cpuBefore.server
    figures.postgresCPU = cpuAfter.postgres - cpuBefore.postgres
    figures.clientCPU = cpuAfter.client - cpuBefore.client
    figures.walSyncs = cpuAfter.walSyncs - cpuBefore.walSyncs
    started = Date()
    let received = try await Self.syncAll(pullers, batchSize: batchSize, \.received)
    figures.pull = Double(received) / Date().timeIntervalSince(started)
    return figures
  }

  private static func syncAll(
    _ stores: [ReplicaStore], batchSize: Int, _ count: @escaping @Sendable (SyncProgress) -> Int
  ) async throws -> Int {
    try await withThrowingTaskGroup(of: Int.self) { group in
      for store in stores {
        group.addTask {
          count(try await Synchronizer(store: store, batchSize: batchSize).run(now: { 0 }))
        }
      }
      return try await group.reduce(0, +)
    }
  }

  /// CPU seconds so far of the server processes and of this township's PostgreSQL backends
  /// (`/proc`, the cluster being local), and the cluster's WAL flushes (`pg_stat_wal`).
  private func cpu() async throws -> (
    server: Double, postgres: Double, client: Double, walSyncs: Int64
  ) {
    let server = pids.map(Self.cpuSeconds).reduce(0, +)
    let client = Self.cpuSeconds(getpid())
    guard let database else { return (server, 0, client, 0) }
    return try await PostgresFloor.withConnection(database) { connection in
      let backends = try await PostgresFloor.rows(
        connection,
        """
        SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
        """
      ).map { try $0.decode(Int32.self) }
      let syncs =
        try await PostgresFloor.rows(connection, "SELECT wal_sync FROM pg_stat_wal").first?
        .decode(Int64.self) ?? 0
      return (server, backends.map(Self.cpuSeconds).reduce(0, +), client, syncs)
    }
  }

  /// User and system CPU seconds of a process, from `/proc/PID/stat`; 0 when unreadable.
  static func cpuSeconds(_ pid: Int32) -> Double {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = text.lastIndex(of: ")")
    else { return 0 }
    // Fields after the command's closing parenthesis: state is the third field, utime the 14th.
    let fields = text[text.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else {
      return 0
    }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  /// Fills this township's database to `total` changes with copies of its rows (new report
  /// ids and dots, by SQL), then times an incremental sync of 10 changes by a new device that
  /// starts at the log's end, against it and against a new empty township on PostgreSQL.
  func incremental(filledTo total: Int, server location: PostgresLocation, in root: String)
    async throws -> String
  {
    guard let database, let server = first else { return "{}" }
    let stored = try await PostgresFloor.withConnection(database) { connection in
      let count =
        try await PostgresFloor.rows(connection, "SELECT count(*) FROM change").first?
        .decode(Int64.self) ?? 0
      let copies = max(0, Int64(total) / max(count, 1) - 1)
      if copies > 0 {
        try await PostgresFloor.run(
          connection,
          """
          INSERT INTO report (id, state, village, category, title, details, urgency, status,
            assignee, due, deleted, conflicted, created_at, updated_at)
          SELECT id || '-' || g, state, village, category, title, details, urgency, status,
            assignee, due, deleted, conflicted, created_at, updated_at
          FROM report, generate_series(1, \(copies)) AS g ORDER BY g, key
          """)
        try await PostgresFloor.run(
          connection,
          """
          INSERT INTO change (report_key, replica, counter, author, time, body, moves)
          SELECT copy.key, c.replica, c.counter + g * 1000000000, c.author, c.time, c.body,
            c.moves
          FROM change c JOIN report r ON r.key = c.report_key
            CROSS JOIN generate_series(1, \(copies)) AS g
            JOIN report copy ON copy.id = r.id || '-' || g
          ORDER BY g, c.seq
          """)
        try await PostgresFloor.run(connection, "ANALYZE")
      }
      return (
        changes: try await PostgresFloor.rows(connection, "SELECT count(*) FROM change").first?
          .decode(Int64.self) ?? 0,
        end: try await PostgresFloor.rows(connection, "SELECT max(seq) FROM change").first?
          .decode(Int64.self) ?? 0
      )
    }
    let d = try await server.device("d", in: directory)
    _ = try d.applyPulled([], cursor: stored.end)
    let loaded = try await SyncBenchmark.incremental(d, records: 10)

    let name = "liaison_bench_\(UUID().uuidString.prefix(8).lowercased())"
    try await PostgresDatabases.create(name, on: location)
    let empty = TownshipUnderTest(
      binary: binary, directory: (root as NSString).appendingPathComponent("empty"),
      database: location.database(name), processes: 1)
    let emptyServer = try await empty.start()
    let c = try await emptyServer.device(
      "c", in: (root as NSString).appendingPathComponent("empty"))
    let fresh = try await SyncBenchmark.incremental(c, records: 10)
    await empty.stop()
    try await PostgresDatabases.drop(name, on: location)
    return #"{"config": "pg-incremental", "changes": \#(stored.changes), "#
      + #""loaded_ms": \#(String(format: "%.1f", loaded * 1000)), "#
      + #""empty_ms": \#(String(format: "%.1f", fresh * 1000)), "#
      + #""ratio": \#(String(format: "%.2f", loaded / fresh))}"#
  }

  func stop() async {
    first?.stop()
    for other in others {
      if other.process.isRunning { other.process.terminate() }
      other.process.waitUntilExit()
    }
  }
}
