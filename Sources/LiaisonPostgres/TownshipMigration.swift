import LiaisonCodec
import LiaisonMerge
import LiaisonStore
import LiaisonTownship
import Logging
import PostgresNIO

/// `township migrate`: copies a township's SQLite store into an empty PostgreSQL database,
/// whole, and verifies the copy before it says done.
///
/// Everything a township holds is copied as it is stored: report states, the change log
/// under its own sequence numbers (so a device's pull cursor means the same change on the
/// copy), the server replica's id and counters, devices with their keys, counters and pull
/// cursors, credentials and enrolment codes as their digests, and the audit trail with the
/// changes the server refused. Devices go on syncing with the tokens they have, and receive
/// nothing twice.
///
/// The copy runs in one PostgreSQL transaction: the schema, every row, the identity
/// sequences set past the copied keys, and the verification, which reads the copy back and
/// compares it with the store row by row. Anything that fails rolls it all back, leaving the
/// database empty. Rows are read and written a page at a time, so memory does not grow with
/// the log. The store is only read, and its key and TLS files stay where they are.
public struct TownshipMigration: Sendable {
  /// What was copied and checked.
  public struct Summary: Sendable, Equatable {
    /// The server replica's id, the same in the copy.
    public let replica: ReplicaID
    /// The rows copied (and verified) of each table, by the store's table names.
    public let rows: [String: Int64]
    /// The log's last sequence number, where the database's sequence goes on from.
    public let lastSequence: Int64
  }

  /// How far a copy has got: reported as each table starts and finishes and, within one,
  /// every ``progressInterval`` rows.
  public struct Progress: Sendable, Equatable {
    public enum Phase: String, Sendable { case copying, verifying }
    public let phase: Phase
    public let table: String
    public let rows: Int64
    public let total: Int64
  }

  /// How often, in rows of one table, progress is reported.
  public static let progressInterval: Int64 = 10_000

  let store: TownshipStore
  let location: PostgresLocation
  let pageSize: Int

  public init(from store: TownshipStore, to location: PostgresLocation, pageSize: Int = 1_000) {
    self.store = store
    self.location = location
    self.pageSize = max(1, pageSize)
  }

  /// Copies the store and verifies the copy; refuses, changing nothing, a database that
  /// holds any table (``StoreError/alreadyInitialized(path:)`` when it is a Liaison store).
  public func run(progress: @escaping @Sendable (Progress) -> Void = { _ in })
    async throws(StoreError) -> Summary
  {
    var logger = Logger(label: "liaison.postgres.migrate")
    logger.logLevel = .warning
    try await location.probe()
    let (client, running) = location.startPool(size: 1, logger: logger)
    defer { running.cancel() }
    let migration = self
    return try await PostgresTownshipStorage.guarding(location) {
      try await client.withConnection { connection in
        let session = PostgresSession(connection: connection, logger: logger)
        try await session.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
        let summary: Summary
        do {
          summary = try await migration.copy(session, progress: progress)
        } catch {
          do { try await session.execute("ROLLBACK") } catch { try? await connection.close() }
          throw error
        }
        try await session.execute("COMMIT")
        return summary
      }
    }
  }

  private func copy(_ session: PostgresSession, progress: @Sendable (Progress) -> Void)
    async throws -> Summary
  {
    try await session.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))")
    try await refuseUnlessEmpty(session)
    try await PostgresSchema.migrate(session, at: location)
    var rows: [String: Int64] = [:]
    for table in Self.tables {
      rows[table.source.name] = try await copy(table, session, progress: progress)
    }
    // New rows take keys after the copied ones: the log's sequence goes on from the last
    // copied change, so a device's cursor stays a position in the same log.
    for (table, column) in [("report", "key"), ("change", "seq"), ("audit", "seq")] {
      try await session.execute(
        PostgresQuery(
          unsafeSQL: """
            SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'),
              COALESCE((SELECT max(\(column)) FROM \(table)), 0) + 1, false)
            """))
    }
    for table in Self.tables {
      try await verify(table, session, expecting: rows[table.source.name] ?? 0, progress: progress)
    }
    let lastSequence =
      try await session.value("SELECT COALESCE(max(seq), 0) FROM change", as: Int64.self) ?? 0
    let next = try await session.value(
      "SELECT nextval(pg_get_serial_sequence('change', 'seq')) - 1", as: Int64.self)
    // The probe took a number; put it back so the first new change follows the copy's last.
    try await session.execute(
      "SELECT setval(pg_get_serial_sequence('change', 'seq'), \(lastSequence + 1), false)")
    guard next == lastSequence else {
      throw StoreError.database(
        "the copy's change sequence would go on from \(next ?? 0), not \(lastSequence)")
    }
    guard
      let text = try await session.value("SELECT replica FROM township", as: String.self),
      let replica = ReplicaID(text)
    else { throw StoreError.database("the copy holds no server replica") }
    return Summary(replica: replica, rows: rows, lastSequence: lastSequence)
  }

  /// Refuses a database with any table in it, of Liaison or of anything else.
  private func refuseUnlessEmpty(_ session: PostgresSession) async throws {
    let tables = try await session.rows(
      """
      SELECT schemaname || '.' || tablename FROM pg_catalog.pg_tables
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1
      """
    ).map { try $0.decode(String.self) }
    guard tables.isEmpty else {
      if tables.contains(where: { $0.hasSuffix(".schema_migrations") }) {
        throw StoreError.alreadyInitialized(path: location.description)
      }
      let named = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", ..." : "")
      throw StoreError.notAStore(
        path: location.description,
        reason:
          "it holds \(tables.count) tables (\(named)); township migrate copies only into an empty database"
      )
    }
  }

  // MARK: Copying

  private func copy(
    _ table: Table, _ session: PostgresSession, progress: @Sendable (Progress) -> Void
  ) async throws -> Int64 {
    let total = try store.rowCount(of: table.source)
    progress(Progress(phase: .copying, table: table.source.name, rows: 0, total: total))
    let copied = table.columns.filter(\.copied)
    let names = copied.map(\.target).joined(separator: ", ")
    let overriding = table.identity ? " OVERRIDING SYSTEM VALUE" : ""
    var after: RawValue?
    var count: Int64 = 0
    while true {
      let page = try store.rawRows(of: table.source, after: after, limit: pageSize)
      guard let last = page.last else { break }
      var binds = PostgresBindings(capacity: page.count * copied.count)
      var tuples: [String] = []
      for row in page {
        var placeholders: [String] = []
        for column in copied {
          try column.bind(row[column.source], to: &binds, table: table)
          placeholders.append("$\(binds.count)")
        }
        tuples.append("(" + placeholders.joined(separator: ", ") + ")")
      }
      try await session.execute(
        PostgresQuery(
          unsafeSQL:
            "INSERT INTO \(table.target) (\(names))\(overriding) VALUES \(tuples.joined(separator: ", "))",
          binds: binds))
      let before = count
      count += Int64(page.count)
      if count / Self.progressInterval > before / Self.progressInterval {
        progress(Progress(phase: .copying, table: table.source.name, rows: count, total: total))
      }
      after = last[table.source.key]
    }
    if count != total {
      throw StoreError.database(
        "the store's \(table.source.name) table changed during the copy (\(total) rows, then \(count)): stop the server first"
      )
    }
    return count
  }

  // MARK: Verifying

  /// Reads the copy of `table` back in pages, in key order, beside the store's rows, and
  /// compares every column; the counts, and a report's canonical state, too.
  private func verify(
    _ table: Table, _ session: PostgresSession, expecting copied: Int64,
    progress: @Sendable (Progress) -> Void
  ) async throws {
    let source = try store.rowCount(of: table.source)
    let target =
      try await session.value(
        PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table.target)"), as: Int64.self) ?? 0
    guard source == target, source == copied else {
      throw StoreError.database(
        "the copy's \(table.target) table holds \(target) rows, the store's \(source)")
    }
    progress(Progress(phase: .verifying, table: table.source.name, rows: 0, total: source))
    let key = table.column(table.source.key)
    let order = key.target + (key.kind == .text ? #" COLLATE "C""# : "")
    let select = table.columns.map(\.expression).joined(separator: ", ")
    var after: RawValue?
    var count: Int64 = 0
    while true {
      let expected = try store.rawRows(of: table.source, after: after, limit: pageSize)
      var binds = PostgresBindings()
      var condition = ""
      if let after {
        try key.bind(after, to: &binds, table: table)
        condition = "WHERE \(order) > $1"
      }
      let actual = try await session.rows(
        PostgresQuery(
          unsafeSQL:
            "SELECT \(select) FROM \(table.target) \(condition) ORDER BY \(order) LIMIT \(pageSize)",
          binds: binds))
      guard expected.count == actual.count else {
        throw StoreError.database(
          "the copy's \(table.target) table differs from the store's after key \(after ?? .null)")
      }
      guard let last = expected.last else { break }
      for (row, copy) in zip(expected, actual) {
        let cells = copy.makeRandomAccess()
        for (index, column) in table.columns.enumerated() {
          let value = try column.read(cells[index])
          guard value == column.normalised(row[column.source]) else {
            throw StoreError.database(
              "the copy differs from the store: \(table.source.name) \(row[table.source.key]), column \(column.source): \(value), not \(row[column.source])"
            )
          }
        }
        if table.source.name == "report" { try Self.checkState(row) }
      }
      let before = count
      count += Int64(expected.count)
      if count / Self.progressInterval > before / Self.progressInterval {
        progress(Progress(phase: .verifying, table: table.source.name, rows: count, total: source))
      }
      after = last[table.source.key]
    }
  }

  /// A copied report's state decodes, and its canonical encoding is the stored bytes: the
  /// same canonical state as in the store.
  static func checkState(_ row: RawRow) throws {
    guard case .blob(let bytes) = row["state"], case .text(let id) = row["id"] else {
      throw StoreError.database("report \(row["id"]) has no state")
    }
    let state = try PostgresRows.state(bytes)
    guard state.id.description == id, CanonicalJSON.encode(state.json) == bytes else {
      throw StoreError.database("report \(id)'s state is not in its canonical form")
    }
  }

  // MARK: Tables

  enum Kind { case integer, boolean, text, bytes }

  struct Column {
    /// The store's column.
    let source: String
    /// The database's column, or an expression read beside them when not copied.
    let target: String
    let kind: Kind
    var copied = true

    var expression: String { target }

    func bind(_ value: RawValue, to binds: inout PostgresBindings, table: Table) throws {
      switch (kind, value) {
      case (_, .null): binds.appendNull()
      case (.integer, .integer(let number)): binds.append(number)
      case (.boolean, .integer(let number)): binds.append(number != 0)
      case (.text, .text(let text)): binds.append(text)
      case (.bytes, .blob(let bytes)): binds.append(bytes.bytea)
      default:
        throw StoreError.database(
          "the store's \(table.source.name).\(source) holds \(value), not \(kind)")
      }
    }

    /// The store's value as the copy holds it: SQLite's 0 and 1 as PostgreSQL's booleans.
    func normalised(_ value: RawValue) -> RawValue {
      if kind == .boolean, case .integer(let number) = value {
        return .integer(number != 0 ? 1 : 0)
      }
      return value
    }

    func read(_ cell: PostgresCell) throws -> RawValue {
      switch kind {
      case .integer:
        return try cell.decode(Int64?.self, context: .default).map(RawValue.integer) ?? .null
      case .boolean:
        return try cell.decode(Bool?.self, context: .default).map { .integer($0 ? 1 : 0) } ?? .null
      case .text:
        return try cell.decode(String?.self, context: .default).map(RawValue.text) ?? .null
      case .bytes:
        return try cell.decode(ByteBuffer?.self, context: .default).map { .blob($0.bytes) }
          ?? .null
      }
    }
  }

  struct Table {
    let source: StoreTable
    let target: String
    /// Whether the database's key is an identity column, given explicitly here.
    let identity: Bool
    let columns: [Column]

    func column(_ name: String) -> Column {
      columns.first { $0.source == name }!
    }
  }

  /// Each table of the store, the table that holds it in the database, and their columns.
  /// The store's server replica row keeps the replica's author and villages, which a
  /// township server does not use; every other column is copied.
  static let tables: [Table] = {
    func table(
      _ name: String, target: String? = nil, identity: Bool = false, _ columns: [Column]
    ) -> Table {
      let source = StoreTable.township.first { $0.name == name }!
      return Table(source: source, target: target ?? name, identity: identity, columns: columns)
    }
    func integers(_ names: String...) -> [Column] {
      names.map { Column(source: $0, target: $0, kind: .integer) }
    }
    func texts(_ names: String...) -> [Column] {
      names.map { Column(source: $0, target: $0, kind: .text) }
    }
    return [
      table(
        "replica", target: "township",
        integers("singleton") + [Column(source: "id", target: "replica", kind: .text)]
          + integers("counter", "unsigned_through", "created_at")),
      table(
        "report", identity: true,
        integers("key") + texts("id") + [Column(source: "state", target: "state", kind: .bytes)]
          + texts(
            "village", "category", "title", "details", "urgency", "status", "assignee", "due")
          + [
            Column(source: "deleted", target: "deleted", kind: .boolean),
            Column(source: "conflicted", target: "conflicted", kind: .boolean),
          ] + integers("created_at", "updated_at")),
      table(
        "change", identity: true,
        integers("seq", "report_key") + texts("replica") + integers("counter") + texts("author")
          + integers("time")
          + [
            Column(source: "body", target: "body", kind: .bytes),
            Column(source: "moves", target: "moves", kind: .boolean),
            // The store keeps each change's report id beside its key; the database finds it
            // by the key, and the verification checks it is the same report.
            Column(
              source: "report", target: "(SELECT id FROM report WHERE key = change.report_key)",
              kind: .text, copied: false),
          ]),
      table(
        "device",
        texts("id", "name", "replica", "villages")
          + integers(
            "created_at", "last_seen_at", "revoked_at", "highest_counter", "pulled_seq")
          + [Column(source: "public_key", target: "public_key", kind: .bytes)]
          + integers("unsigned_through", "revoked_after")),
      table(
        "credential",
        texts("digest", "kind", "principal", "name") + integers("created_at", "revoked_at")),
      table(
        "enrollment",
        texts("digest", "name", "villages", "created_by")
          + integers("created_at", "expires_at", "used_at")),
      table(
        "audit", identity: true,
        integers("seq", "time") + texts("actor", "action", "subject", "detail", "reason")),
    ]
  }()
}
