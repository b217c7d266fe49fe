import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge
import LiaisonStore

/// What a push costs without HTTP, and what SQLite alone needs to store the same rows: the
/// two baselines the end-to-end push rate is read against.
enum ServerSideBaseline {
  /// The device's logged changes, as it would send them, in batches.
  static func batches(of store: ReplicaStore, size: Int) throws -> [[UInt8]] {
    var batches: [[UInt8]] = []
    var body: [UInt8] = []
    var count = 0
    for (_, change) in try store.unsentChanges(limit: Int.max) {
      body.append(contentsOf: count == 0 ? Array(#"{"changes":["#.utf8) : [UInt8(ascii: ",")])
      body.append(contentsOf: change)
      count += 1
      if count == size {
        batches.append(body + Array("]}".utf8))
        body = []
        count = 0
      }
    }
    if count > 0 { batches.append(body + Array("]}".utf8)) }
    return batches
  }

  /// Changes per second through the server's own decode, check and apply path: each
  /// request body parsed, then `TownshipStore.push` in one transaction per batch.
  static func storeOnly(_ batches: [[UInt8]], replica: ReplicaID, in directory: String) throws
    -> Double
  {
    let (store, _) = try TownshipStore.create(
      in: directory, administrator: "bench", now: 0, checkpointing: .inTheBackground)
    let code = try store.issueEnrollment(
      name: "a", villages: ["东村"], lifetime: 3_600_000, by: "bench", now: 0
    ).code
    let device = try store.enroll(code: code, replica: replica, now: 0).device
    let started = Date()
    var accepted = 0
    for body in batches {
      guard case .object(let members) = try JSONValue(parsing: body),
        case .array(let changes)? = members["changes"]
      else { throw StoreError.database("bad batch") }
      accepted += try store.push(changes, from: device, now: 0).accepted
    }
    return Double(accepted) / Date().timeIntervalSince(started)
  }

  /// Rows per second for raw SQLite inserting exactly the rows the server stored (the report
  /// row with its state and list columns, the change row with its body) into the same
  /// schema, one transaction per batch, with the store's own durability and page cache.
  ///
  /// It never checkpoints: the server copies its log into the file on another thread, and
  /// leaving that copy out of the baseline altogether makes the baseline the fastest SQLite
  /// can store these rows durably, not a rate the server could beat by moving work aside.
  static func rawSQLite(copying serverDirectory: String, into path: String, batchSize: Int) throws
    -> Double
  {
    let source = try DatabaseQueue(
      path: (serverDirectory as NSString).appendingPathComponent(ReplicaStore.fileName))
    let reports = try source.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM report ORDER BY rowid")
    }
    let changes = try source.read { db in
      try Row.fetchAll(
        db,
        sql:
          "SELECT report, report_key, replica, counter, author, time, body FROM change ORDER BY seq"
      )
    }
    let schema = try source.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT sql FROM sqlite_master WHERE tbl_name IN ('report', 'change') AND sql NOT NULL
          ORDER BY type = 'index'
          """)
    }
    var configuration = Configuration()
    configuration.prepareDatabase { db in
      try db.execute(
        sql: """
          PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0;
          PRAGMA cache_size = -32768
          """)
    }
    let raw = try DatabaseQueue(path: path, configuration: configuration)
    try raw.write { db in for statement in schema { try db.execute(sql: statement) } }
    let columns = reports.first.map { Array($0.columnNames) } ?? []
    // Bound values made before the clock starts: converting GRDB rows is the baseline's own
    // overhead, not SQLite's, and left in it made the floor a quarter lower than Python's
    // sqlite3 storing the same rows.
    let reportArguments = reports.map { StatementArguments($0.databaseValues) }
    let changeArguments = changes.map { StatementArguments($0.databaseValues) }
    let started = Date()
    for start in stride(from: 0, to: changes.count, by: batchSize) {
      try raw.write { db in
        let insertReport = try db.cachedStatement(
          sql:
            "INSERT INTO report (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        )
        let insertChange = try db.cachedStatement(
          sql:
            "INSERT INTO change (report, report_key, replica, counter, author, time, body) VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        for index in start..<min(start + batchSize, changes.count) {
          if index < reports.count {
            try insertReport.execute(arguments: reportArguments[index])
          }
          try insertChange.execute(arguments: changeArguments[index])
        }
      }
    }
    return Double(changes.count) / Date().timeIntervalSince(started)
  }
}
