import Foundation
import GRDB

/// The store's schema, as GRDB migrations: appended, never edited once shipped, so a store
/// written by any earlier version upgrades in place and one written by a later version is
/// recognised and left alone.
enum StoreSchema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: replica, reports, change log, peers") { db in
      try db.execute(
        sql: """
          CREATE TABLE replica (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            id TEXT NOT NULL,
            counter INTEGER NOT NULL,
            author TEXT NOT NULL,
            villages TEXT NOT NULL,
            created_at INTEGER NOT NULL
          );
          CREATE TABLE report (
            id TEXT PRIMARY KEY,
            state BLOB NOT NULL,
            village TEXT NOT NULL,
            category TEXT NOT NULL,
            title TEXT NOT NULL,
            details TEXT NOT NULL,
            urgency TEXT NOT NULL,
            status TEXT NOT NULL,
            assignee TEXT NOT NULL,
            due TEXT NOT NULL,
            deleted INTEGER NOT NULL,
            conflicted INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
          );
          CREATE INDEX report_by_creation ON report (created_at DESC, id);
          CREATE TABLE change (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            report TEXT NOT NULL,
            replica TEXT NOT NULL,
            counter INTEGER NOT NULL,
            author TEXT NOT NULL,
            time INTEGER NOT NULL,
            body BLOB NOT NULL,
            UNIQUE (replica, counter)
          );
          CREATE INDEX change_by_report ON change (report, seq);
          CREATE TABLE peer (
            name TEXT PRIMARY KEY,
            url TEXT,
            sent_seq INTEGER NOT NULL DEFAULT 0,
            received_cursor TEXT,
            last_sync_at INTEGER
          );
          """)
    }
    migrator.registerMigration("v2: township: devices, credentials, enrolments, audit") { db in
      try db.execute(
        sql: """
          CREATE TABLE device (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            replica TEXT UNIQUE,
            villages TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            last_seen_at INTEGER,
            revoked_at INTEGER,
            highest_counter INTEGER NOT NULL DEFAULT 0
          );
          CREATE TABLE credential (
            digest TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('administrator', 'device')),
            principal TEXT NOT NULL,
            name TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            revoked_at INTEGER
          );
          CREATE TABLE enrollment (
            digest TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            villages TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            used_at INTEGER
          );
          CREATE TABLE audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            time INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            detail TEXT NOT NULL
          );
          """)
    }
    migrator.registerMigration("v3: a device's link to its server") { db in
      try db.execute(
        sql: """
          ALTER TABLE peer ADD COLUMN token TEXT;
          ALTER TABLE peer ADD COLUMN device TEXT;
          """)
    }
    migrator.registerMigration("v4: find a replica's own changes without a scan") { db in
      // `liaison sync` and `status` look for this replica's changes after a checkpoint; without
      // the index their cost grew with the store, not with the changes since the last sync.
      try db.execute(sql: "CREATE INDEX change_by_replica ON change (replica, seq)")
    }
    migrator.registerMigration("v5: administrators: pull cursors, audit reasons") { db in
      // `township devices` counts the changes a device has not pulled yet from the cursor its
      // last complete pull reached; the audit trail keeps an administrator's reason apart from
      // what was done, and `township audit ID` finds a subject's entries without a scan.
      try db.execute(
        sql: """
          ALTER TABLE device ADD COLUMN pulled_seq INTEGER NOT NULL DEFAULT 0;
          ALTER TABLE audit ADD COLUMN reason TEXT NOT NULL DEFAULT '';
          CREATE INDEX audit_by_subject ON audit (subject, seq);
          """)
    }
    migrator.registerMigration("v6: changes the server refused") { db in
      // A refused change stays in the device's log and state but never reaches the township;
      // the device keeps why, so `liaison status` can say so instead of it passing unseen.
      try db.execute(
        sql: """
          CREATE TABLE refusal (
            seq INTEGER PRIMARY KEY REFERENCES change (seq),
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            refused_at INTEGER NOT NULL
          )
          """)
    }
    migrator.registerMigration("v7: the change log finds a report by an integer key") { db in
      // A report id is random, so an index on (report id, seq) took each new report's first
      // change on a random page: every commit rewrote most of that index's pages into the
      // log, a third of all a push wrote. Reports take keys in the order they arrive, so the
      // log's index on (report key, seq) grows at its end. The key is declared, not SQLite's
      // implicit rowid, because VACUUM may renumber an implicit rowid.
      try db.execute(
        sql: """
          CREATE TABLE keyed_report (
            key INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            state BLOB NOT NULL,
            village TEXT NOT NULL,
            category TEXT NOT NULL,
            title TEXT NOT NULL,
            details TEXT NOT NULL,
            urgency TEXT NOT NULL,
            status TEXT NOT NULL,
            assignee TEXT NOT NULL,
            due TEXT NOT NULL,
            deleted INTEGER NOT NULL,
            conflicted INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
          );
          INSERT INTO keyed_report
            SELECT rowid, id, state, village, category, title, details, urgency, status, assignee,
              due, deleted, conflicted, created_at, updated_at
            FROM report ORDER BY rowid;
          DROP TABLE report;
          ALTER TABLE keyed_report RENAME TO report;
          CREATE INDEX report_by_creation ON report (created_at DESC, id);
          ALTER TABLE change ADD COLUMN report_key INTEGER REFERENCES report (key);
          UPDATE change SET report_key = (SELECT key FROM report WHERE report.id = change.report);
          DROP INDEX change_by_report;
          CREATE INDEX change_by_report ON change (report_key, seq);
          """)
    }
    migrator.registerMigration("v8: pulled changes a device could not accept") { db in
      // A pulled change that does not decode used to fail the whole sync, every time: the
      // device keeps it here and moves on, and `liaison status --refused` shows it.
      try db.execute(
        sql: """
          CREATE TABLE unreadable_change (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            body BLOB NOT NULL,
            code TEXT NOT NULL,
            field TEXT,
            message TEXT NOT NULL,
            received_at INTEGER NOT NULL
          )
          """)
    }
    migrator.registerMigration("v9: a point without words has no location text") { db in
      // Before merge.md made one rule for locations, coordinates given without words were
      // written as `"text":""` beside the point, which the decoder now refuses as blank. In
      // canonical JSON a location's members come latitude_e7, longitude_e7, text, and a quote
      // inside a string is always escaped, so `,"text":""}` can only end such a location.
      for (table, column, key) in [("report", "state", "key"), ("change", "body", "seq")] {
        let rows = try Row.fetchAll(
          db,
          sql: "SELECT \(key), \(column) FROM \(table) WHERE instr(\(column), ?) > 0",
          arguments: [Data(emptyLocationText)])
        for row in rows {
          let bytes = [UInt8](row[1] as Data)
          try db.execute(
            sql: "UPDATE \(table) SET \(column) = ? WHERE \(key) = ?",
            arguments: [Data(withoutEmptyLocationText(bytes)), row[0] as Int64])
        }
      }
    }
    migrator.registerMigration("v10: the change log says which changes move a report") { db in
      // A pull finds moves by this column; it used to search each change's bytes for the
      // start of a village write that had seen an earlier one. In canonical JSON a change's
      // `fields.village` opens with its `seen`, `{}` only at creation, and an unescaped quote
      // cannot occur inside a string, so that search, run once here, is exact.
      try db.execute(
        sql: """
          ALTER TABLE change ADD COLUMN moves INTEGER NOT NULL DEFAULT 0;
          UPDATE change SET moves = 1 WHERE instr(body, ?) > 0;
          CREATE INDEX change_moves_by_replica ON change (replica, seq) WHERE moves = 1;
          """, arguments: [Data(#""village":{"seen":{""#.utf8)])
    }
    migrator.registerMigration("v11: the pinned server certificate") { db in
      // The DER of the certificate a device pinned at enrolment; every later request trusts
      // it alone. NULL for a link made before TLS, or to a server without it (plain http).
      try db.execute(sql: "ALTER TABLE peer ADD COLUMN certificate BLOB")
    }
    migrator.registerMigration("v12: signing keys and key bindings") { db in
      // Changes written before this version stay valid unsigned: each replica's own up to
      // its counter now, and a device's until it sends its key (`protocol/sync.md` section 7).
      // A revoked device's later changes are refused wherever they come from. A device keeps
      // its server's key, pinned at enrolment (or when it sends its own key, once).
      try db.execute(
        sql: """
          ALTER TABLE replica ADD COLUMN unsigned_through INTEGER NOT NULL DEFAULT 0;
          UPDATE replica SET unsigned_through = counter;
          ALTER TABLE device ADD COLUMN public_key BLOB;
          ALTER TABLE device ADD COLUMN unsigned_through INTEGER;
          ALTER TABLE device ADD COLUMN revoked_after INTEGER;
          UPDATE device SET revoked_after = highest_counter WHERE revoked_at IS NOT NULL;
          CREATE UNIQUE INDEX device_by_public_key ON device (public_key)
            WHERE public_key IS NOT NULL;
          ALTER TABLE peer ADD COLUMN server_key BLOB;
          """)
    }
    migrator.registerMigration("v13: indexes for the township office's console") { db in
      // The console's summary counts reports with aggregates over these indexes alone.
      for statement in ReportIndexes.statements { try db.execute(sql: statement) }
    }
    return migrator
  }

  static let emptyLocationText = Array(#","text":""}"#.utf8)

  /// `bytes` with every `,"text":""` that closes a location after its longitude removed.
  static func withoutEmptyLocationText(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: ","), index > 0, (0x30...0x39).contains(bytes[index - 1]),
        bytes[index...].starts(with: emptyLocationText)
      {
        output.append(UInt8(ascii: "}"))
        index += emptyLocationText.count
        continue
      }
      output.append(bytes[index])
      index += 1
    }
    return output
  }
}
