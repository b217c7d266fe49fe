import LiaisonTownship
import PostgresNIO

/// The PostgreSQL schema, as migrations appended in order and never edited once shipped, as
/// the SQLite store's are: a database written by any earlier version upgrades in place, and
/// one written by a later version (an identifier this version does not know) is refused,
/// changing nothing.
///
/// Text columns compare byte by byte (`COLLATE "C"`), as SQLite's do, so that listing order
/// and id prefixes answer the same on both backends whatever the database's locale.
enum PostgresSchema {
  struct Migration {
    let identifier: String
    let sql: [PostgresQuery]
  }

  /// Taken by every migration run, so several `township serve` processes starting at once on
  /// a new database create its tables once.
  static let migrationLock: Int64 = 0x4c69_6169_736f_6e00

  static let migrations: [Migration] = [
    Migration(
      identifier: "v1: township: replica, reports, change log, devices, credentials, audit",
      sql: [
        """
        CREATE TABLE township (
          singleton integer PRIMARY KEY CHECK (singleton = 1),
          replica text COLLATE "C" NOT NULL,
          counter bigint NOT NULL,
          unsigned_through bigint NOT NULL DEFAULT 0,
          created_at bigint NOT NULL
        )
        """,
        """
        CREATE TABLE report (
          key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          id text COLLATE "C" NOT NULL UNIQUE,
          state bytea NOT NULL,
          village text COLLATE "C" NOT NULL,
          category text COLLATE "C" NOT NULL,
          title text COLLATE "C" NOT NULL,
          details text COLLATE "C" NOT NULL,
          urgency text COLLATE "C" NOT NULL,
          status text COLLATE "C" NOT NULL,
          assignee text COLLATE "C" NOT NULL,
          due text COLLATE "C" NOT NULL,
          deleted boolean NOT NULL,
          conflicted boolean NOT NULL,
          created_at bigint NOT NULL,
          updated_at bigint NOT NULL
        )
        """,
        "CREATE INDEX report_by_creation ON report (created_at DESC, id)",
        "CREATE INDEX report_in_conflict ON report (key) WHERE conflicted",
        // The log's sequence is the pull cursor. Appends are serialised (see
        // `PostgresTownshipStorage`), so the order of `seq` is the order of commits.
        """
        CREATE TABLE change (
          seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          report_key bigint NOT NULL REFERENCES report (key),
          replica text COLLATE "C" NOT NULL,
          counter bigint NOT NULL,
          author text NOT NULL,
          time bigint NOT NULL,
          body bytea NOT NULL,
          moves boolean NOT NULL,
          UNIQUE (replica, counter)
        )
        """,
        "CREATE INDEX change_by_report ON change (report_key, seq)",
        "CREATE INDEX change_moves_by_replica ON change (replica, seq) WHERE moves",
        """
        CREATE TABLE device (
          id text COLLATE "C" PRIMARY KEY,
          name text COLLATE "C" NOT NULL,
          replica text COLLATE "C" NOT NULL,
          villages text NOT NULL,
          created_at bigint NOT NULL,
          last_seen_at bigint,
          revoked_at bigint,
          highest_counter bigint NOT NULL DEFAULT 0,
          pulled_seq bigint NOT NULL DEFAULT 0,
          public_key bytea,
          unsigned_through bigint,
          revoked_after bigint,
          CONSTRAINT device_replica_key UNIQUE (replica)
        )
        """,
        // A key is bound to one replica: the index settles two enrolments racing with one.
        "CREATE UNIQUE INDEX device_by_public_key ON device (public_key) WHERE public_key IS NOT NULL",
        """
        CREATE TABLE credential (
          digest text PRIMARY KEY,
          kind text NOT NULL CHECK (kind IN ('administrator', 'device')),
          principal text COLLATE "C" NOT NULL,
          name text COLLATE "C" NOT NULL,
          created_at bigint NOT NULL,
          revoked_at bigint
        )
        """,
        "CREATE UNIQUE INDEX administrator_by_name ON credential (name) WHERE kind = 'administrator'",
        """
        CREATE TABLE enrollment (
          digest text PRIMARY KEY,
          name text NOT NULL,
          villages text NOT NULL,
          created_by text NOT NULL,
          created_at bigint NOT NULL,
          expires_at bigint NOT NULL,
          used_at bigint
        )
        """,
        """
        CREATE TABLE audit (
          seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          time bigint NOT NULL,
          actor text NOT NULL,
          action text NOT NULL,
          subject text COLLATE "C" NOT NULL,
          detail text NOT NULL,
          reason text NOT NULL DEFAULT ''
        )
        """,
        "CREATE INDEX audit_by_subject ON audit (subject, seq)",
        // A refused change is kept once, however many pushes race to keep it.
        """
        CREATE UNIQUE INDEX audit_refused_once ON audit (subject, md5(detail))
          WHERE action = 'refused change'
        """,
      ]),
    Migration(
      identifier: "v2: indexes for the township office's console",
      sql: ReportIndexes.statements.map { PostgresQuery(unsafeSQL: $0) }),
    Migration(
      identifier: "v3: failed attempts counted across processes",
      sql: [
        // `SharedAttemptCount`: one row per address that failed lately.
        """
        CREATE TABLE attempt_failure (
          address text PRIMARY KEY,
          window_start bigint NOT NULL,
          failures integer NOT NULL,
          refused_until bigint NOT NULL
        )
        """,
        "CREATE INDEX attempt_failure_window ON attempt_failure (window_start)",
      ]),
  ]

  /// Brings the database to this version's schema in one transaction, under a lock, and
  /// returns whether it was new (no table of ours yet).
  ///
  /// Refused, changing nothing: a database with identifiers this version does not know
  /// (a newer Liaison wrote it), and a database that holds other tables but no migration
  /// record (another application's).
  static func migrate(_ session: PostgresSession, at location: PostgresLocation) async throws {
    try await session.execute("SELECT pg_advisory_xact_lock(\(migrationLock))")
    let hasRecord =
      try await session.value(
        "SELECT to_regclass('schema_migrations') IS NOT NULL", as: Bool.self) ?? false
    var applied: [String] = []
    if hasRecord {
      applied = try await session.rows(
        "SELECT identifier FROM schema_migrations ORDER BY position"
      ).map { try $0.decode(String.self) }
    } else {
      let others =
        try await session.value(
          """
          SELECT count(*) FROM pg_catalog.pg_tables
          WHERE schemaname = current_schema()
          """, as: Int64.self) ?? 0
      if others > 0 {
        throw StoreError.notAStore(
          path: location.description,
          reason: "it holds \(others) tables but no Liaison schema: another application's database")
      }
      try await session.execute(
        """
        CREATE TABLE schema_migrations (
          position integer PRIMARY KEY,
          identifier text NOT NULL UNIQUE,
          applied_at timestamptz NOT NULL DEFAULT now()
        )
        """)
    }
    let known = migrations.map(\.identifier)
    guard applied.allSatisfy(known.contains) else {
      throw StoreError.newerVersion(path: location.description)
    }
    for (position, migration) in migrations.enumerated()
    where !applied.contains(migration.identifier) {
      for statement in migration.sql { try await session.execute(statement) }
      try await session.execute(
        """
        INSERT INTO schema_migrations (position, identifier)
        VALUES (\(Int64(position + 1)), \(migration.identifier))
        """)
    }
  }
}
