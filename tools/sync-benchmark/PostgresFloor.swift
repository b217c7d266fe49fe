import Foundation
import LiaisonPostgres
import LiaisonTrust
import Logging
import PostgresNIO

/// PostgreSQL alone storing the rows a push stored: every report row and every change row of
/// a loaded township, in log order, into a new database with the township's own schema and
/// indexes (made by `PostgresTownshipStorage.create`), in transactions of `batch` changes,
/// each the batch's report rows then its change rows, over one postgres-nio connection with
/// `synchronous_commit` on, as the server's are.
///
/// Each table's rows of a batch go in one statement, `INSERT ... SELECT FROM unnest(arrays)`:
/// a round trip per table per batch, the fewest for rows whose change rows need the keys the
/// report rows get (`key` is `GENERATED ALWAYS`, which `COPY` cannot set). What a push adds to
/// this is its own work: the request, the signature checks, the reads and locks that judge
/// each change, and the device's counter.
enum PostgresFloor {
  /// A report row as stored, with its key in the loaded database.
  struct ReportRow {
    let key: Int64
    let id: String
    let state: ByteBuffer
    let texts: [String]
    let deleted: Bool
    let conflicted: Bool
    let createdAt: Int64
    let updatedAt: Int64
  }

  /// A change row as stored, in log order.
  struct ChangeRow {
    let report: Int64
    let replica: String
    let counter: Int64
    let author: String
    let time: Int64
    let body: ByteBuffer
    let moves: Bool
  }

  /// Reads the rows of `loaded`, stores them into a new database on `server` (dropped after),
  /// and returns changes per second from the first `BEGIN` to the last `COMMIT`, and the CPU
  /// seconds its PostgreSQL backend spent meanwhile.
  static func changesPerSecond(
    from loaded: PostgresLocation, into server: PostgresLocation, batch: Int
  )
    async throws -> (rate: Double, postgresCPU: Double)
  {
    let (reports, changes) = try await withConnection(loaded) { connection in
      let reports = try await rows(
        connection,
        """
        SELECT key, id, state, village, category, title, details, urgency, status, assignee,
          due, deleted, conflicted, created_at, updated_at FROM report ORDER BY key
        """
      ).map { row in
        let rest = try row.decode(
          (
            Int64, String, ByteBuffer, String, String, String, String, String, String, String,
            String, Bool, Bool, Int64, Int64
          ).self)
        return ReportRow(
          key: rest.0, id: rest.1, state: rest.2,
          texts: [rest.3, rest.4, rest.5, rest.6, rest.7, rest.8, rest.9, rest.10],
          deleted: rest.11, conflicted: rest.12, createdAt: rest.13, updatedAt: rest.14)
      }
      let changes = try await rows(
        connection,
        "SELECT report_key, replica, counter, author, time, body, moves FROM change ORDER BY seq"
      ).map { row in
        let (report, replica, counter, author, time, body, moves) = try row.decode(
          (Int64, String, Int64, String, Int64, ByteBuffer, Bool).self)
        return ChangeRow(
          report: report, replica: replica, counter: counter, author: author, time: time,
          body: body, moves: moves)
      }
      return (reports, changes)
    }
    let name = "liaison_floor_\(UUID().uuidString.prefix(8).lowercased())"
    try await PostgresDatabases.create(name, on: server)
    // Dropped before this returns, not in a task left running: dropping a database scans
    // the shared buffers and removes its files, work that landed in the next configuration's
    // clock (pg2 run after the floor came out at 0.89 to 0.97 of pg1, at 0.95 to 1.03 when
    // run first).
    do {
      let measured = try await store(
        reports: reports, changes: changes, into: server.database(name), batch: batch)
      try await PostgresDatabases.drop(name, on: server)
      return measured
    } catch {
      try? await PostgresDatabases.drop(name, on: server)
      throw error
    }
  }

  /// Stores the rows into `target`, a new database, and measures it.
  private static func store(
    reports: [ReportRow], changes: [ChangeRow], into target: PostgresLocation, batch: Int
  ) async throws -> (rate: Double, postgresCPU: Double) {
    let (storage, _) = try await PostgresTownshipStorage.create(
      target, signingKey: SigningKey(), administrator: "floor", now: 0)
    await storage.shutdown()
    let byKey = Dictionary(uniqueKeysWithValues: reports.map { ($0.key, $0) })
    return try await withConnection(target) { connection in
      var newKeys: [Int64: Int64] = [:]
      let backend =
        try await rows(connection, "SELECT pg_backend_pid()").first?.decode(Int32.self) ?? 0
      let cpuBefore = TownshipUnderTest.cpuSeconds(backend)
      let started = Date()
      for start in stride(from: 0, to: changes.count, by: batch) {
        let slice = changes[start..<min(start + batch, changes.count)]
        var seen: Set<Int64> = []
        let created = slice.compactMap { change in
          newKeys[change.report] == nil && seen.insert(change.report).inserted
            ? byKey[change.report] : nil
        }
        try await run(connection, "BEGIN")
        if !created.isEmpty {
          let returned = try await rows(connection, insert(created))
          for (row, report) in zip(returned, created) {
            newKeys[report.key] = try row.decode(Int64.self)
          }
        }
        let keys = slice.map { newKeys[$0.report] ?? 0 }
        try await run(
          connection,
          """
          INSERT INTO change (report_key, replica, counter, author, time, body, moves)
          SELECT report_key, replica, counter, author, time, body, moves
          FROM unnest(\(keys)::bigint[], \(slice.map(\.replica))::text[],
            \(slice.map(\.counter))::bigint[], \(slice.map(\.author))::text[],
            \(slice.map(\.time))::bigint[], \(slice.map(\.body))::bytea[],
            \(slice.map(\.moves))::boolean[])
            WITH ORDINALITY AS c(report_key, replica, counter, author, time, body, moves, position)
          ORDER BY position
          """)
        try await run(connection, "COMMIT")
      }
      let rate = Double(changes.count) / Date().timeIntervalSince(started)
      return (rate, TownshipUnderTest.cpuSeconds(backend) - cpuBefore)
    }
  }

  private static func insert(_ created: [ReportRow]) -> PostgresQuery {
    func texts(_ index: Int) -> [String] { created.map { $0.texts[index] } }
    return """
      INSERT INTO report (id, state, village, category, title, details, urgency, status,
        assignee, due, deleted, conflicted, created_at, updated_at)
      SELECT id, state, village, category, title, details, urgency, status, assignee, due,
        deleted, conflicted, created_at, updated_at
      FROM unnest(\(created.map(\.id))::text[], \(created.map(\.state))::bytea[],
        \(texts(0))::text[], \(texts(1))::text[], \(texts(2))::text[], \(texts(3))::text[],
        \(texts(4))::text[], \(texts(5))::text[], \(texts(6))::text[], \(texts(7))::text[],
        \(created.map(\.deleted))::boolean[], \(created.map(\.conflicted))::boolean[],
        \(created.map(\.createdAt))::bigint[], \(created.map(\.updatedAt))::bigint[])
        WITH ORDINALITY AS r(id, state, village, category, title, details, urgency, status,
          assignee, due, deleted, conflicted, created_at, updated_at, position)
      ORDER BY position
      RETURNING key
      """
  }

  /// Writes the cluster's dirty pages out, so that a measure starts as clean as the one
  /// before it: otherwise a checkpoint of the rows one configuration stored lands in the
  /// next one's clock, and whichever runs second looks slower. Skipped where not allowed
  /// (`CHECKPOINT` needs a superuser or `pg_checkpoint`).
  static func checkpoint(_ server: PostgresLocation) async {
    try? await withConnection(server) { connection in try await run(connection, "CHECKPOINT") }
  }

  /// One connection to `location`, `synchronous_commit` on, closed after `body`.
  static func withConnection<T>(
    _ location: PostgresLocation, _ body: (PostgresConnection) async throws -> T
  ) async throws -> T {
    let connection = try await PostgresConnection.connect(
      configuration: PostgresConnection.Configuration(
        host: location.host, port: location.port, username: location.user,
        password: location.password, database: location.database, tls: .disable),
      id: 1, logger: Logger(label: "liaison.bench.postgres"))
    do {
      try await run(connection, "SET synchronous_commit = on")
      let value = try await body(connection)
      try await connection.close()
      return value
    } catch {
      try? await connection.close()
      throw error
    }
  }

  static func rows(_ connection: PostgresConnection, _ query: PostgresQuery) async throws
    -> [PostgresRow]
  {
    var rows: [PostgresRow] = []
    for try await row in try await connection.query(
      query, logger: Logger(label: "liaison.bench.postgres"))
    {
      rows.append(row)
    }
    return rows
  }

  static func run(_ connection: PostgresConnection, _ query: PostgresQuery) async throws {
    _ = try await rows(connection, query)
  }
}
