import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge

/// One replica persisted in SQLite: its identity and counter, every report state, the change
/// log and the sync checkpoints.
///
/// Every write applies the merge-core operation and appends its change-log entry in one
/// transaction, in WAL mode with `synchronous = FULL`, so a write that returned survives a
/// power cut. Open one store per database file per process (GRDB's first rule of
/// concurrency): the store owns the file's only connection.
public final class ReplicaStore: Sendable {
  /// The database file's name inside a store directory.
  public static let fileName = "liaison.sqlite"

  /// Where the store lives: a directory, or `:memory:`.
  public let location: String
  /// A pool on disk, so reads (a pull, a listing) run beside a write instead of queueing
  /// behind it; a queue in memory.
  let database: any DatabaseWriter
  /// Checkpoints the log of a store on disk in the background; nil when the writer does.
  private let checkpointer: Checkpointer?
  /// The replica's key: every change this replica writes carries its signature.
  public let signer: SigningKey

  /// Who copies the write-ahead log back into the database file.
  public enum Checkpointing: Sendable {
    /// The writing connection, after the commit that takes the log past 1,000 pages:
    /// SQLite's own way, for a command that writes once and exits, which then need not
    /// wait for a checkpoint's sync to disk on its way out.
    case byTheWriter
    /// A connection and thread of their own, after every commit, beside the next write: for
    /// a long-lived process that writes a lot, the server and a sync (see ``Checkpointer``).
    case inTheBackground
  }

  /// How long the log may grow, with ``Checkpointing/inTheBackground``, before the writing
  /// connection checkpoints it itself; ``Checkpointer`` normally keeps it far shorter.
  static let walPagesBeforeWriterCheckpoints = 8_000

  private init(
    location: String, database: any DatabaseWriter, checkpointer: Checkpointer?,
    signer: SigningKey
  ) {
    self.location = location
    self.database = database
    self.checkpointer = checkpointer
    self.signer = signer
  }

  /// Creates a new store in `directory` (created if needed). Refuses, changing nothing, when
  /// a store is already there.
  public static func create(
    in directory: String, author: String, villages: [String], replica: ReplicaID, now: Int64,
    checkpointing: Checkpointing = .byTheWriter
  ) throws(StoreError) -> ReplicaStore {
    let file = (directory as NSString).appendingPathComponent(fileName)
    let store: ReplicaStore
    if FileManager.default.fileExists(atPath: file) {
      store = try open(in: directory, allowingUninitialized: true, checkpointing: checkpointing)
    } else {
      // Owner only from the start: the store holds residents' personal details and, on a
      // device, its token. SQLite gives its journal files the database file's mode.
      do {
        try PrivateFiles.createDirectory(directory)
        try PrivateFiles.createFile(file)
      } catch {
        throw .database(error.description)
      }
      store = try open(in: directory, allowingUninitialized: true, checkpointing: checkpointing)
    }
    try store.initialize(author: author, villages: villages, replica: replica, now: now)
    return store
  }

  /// Opens the store in `directory`, upgrading it first if an older version made it.
  ///
  /// - Parameter upgrading: Told before an upgrade starts, so a command or server can say
  ///   why it is taking a while; not called when the store is current.
  public static func open(
    in directory: String, checkpointing: Checkpointing = .byTheWriter,
    upgrading: (StoreUpgrade) -> Void = { _ in }
  ) throws(StoreError) -> ReplicaStore {
    try open(
      in: directory, allowingUninitialized: false, checkpointing: checkpointing,
      upgrading: upgrading)
  }

  /// A store held in memory, for tests and tools.
  public static func inMemory(
    author: String, villages: [String], replica: ReplicaID, now: Int64 = 0,
    signer: SigningKey = SigningKey()
  ) throws(StoreError) -> ReplicaStore {
    let store = try guarding(location: ":memory:") {
      let database = try DatabaseQueue(configuration: configuration(.byTheWriter))
      try StoreSchema.migrator.migrate(database)
      return ReplicaStore(
        location: ":memory:", database: database, checkpointer: nil, signer: signer)
    }
    try store.initialize(author: author, villages: villages, replica: replica, now: now)
    return store
  }

  private static func open(
    in directory: String, allowingUninitialized: Bool, checkpointing: Checkpointing,
    upgrading: (StoreUpgrade) -> Void = { _ in }
  ) throws(StoreError) -> ReplicaStore {
    let file = (directory as NSString).appendingPathComponent(fileName)
    if !allowingUninitialized, !FileManager.default.fileExists(atPath: file) {
      throw .notInitialized(path: directory)
    }
    let store = try guarding(location: directory) {
      let database = try DatabasePool(path: file, configuration: configuration(checkpointing))
      // GRDB sets `synchronous = NORMAL` on a pool's writer after `prepareDatabase` has run
      // (`setUpWALMode`), which would let a power cut take a commit that had returned.
      try database.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA synchronous = FULL")
      }
      // Refused before any upgrade: `init` on an old store must not rewrite it and then say no.
      if allowingUninitialized, try database.read(hasReplica) {
        throw StoreError.alreadyInitialized(path: directory)
      }
      if let upgrade = try pendingUpgrade(of: database, at: directory) { upgrading(upgrade) }
      // The key before the upgrade, which may record it: a key file others can read stops
      // the store from opening at all.
      let signer: SigningKey
      do {
        signer = try SigningKeyFile.loadOrCreate(in: directory)
      } catch {
        throw StoreError.signingKey("\(error)")
      }
      try StoreSchema.migrator.migrate(database)
      return ReplicaStore(
        location: directory, database: database,
        checkpointer: checkpointing == .inTheBackground ? try Checkpointer(path: file) : nil,
        signer: signer)
    }
    if !allowingUninitialized, try !store.hasReplica() { throw .notInitialized(path: directory) }
    return store
  }

  /// Whether the file holds an initialised replica, in any schema version.
  private static func hasReplica(_ db: Database) throws -> Bool {
    try db.tableExists("replica")
      && (try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM replica)") ?? false)
  }

  /// The upgrade opening this store needs, if an older version made it; nil for a current
  /// store or a new, empty file. Throws when a newer version made it.
  private static func pendingUpgrade(of database: DatabasePool, at directory: String) throws
    -> StoreUpgrade?
  {
    try database.read { db in
      let migrator = StoreSchema.migrator
      if try migrator.hasBeenSuperseded(db) { throw StoreError.newerVersion(path: directory) }
      let applied = try migrator.appliedIdentifiers(db)
      let steps = migrator.migrations.filter { !applied.contains($0) }
      guard !applied.isEmpty, !steps.isEmpty else { return nil }
      let changes = try Int.fetchOne(db, sql: "SELECT count(*) FROM change") ?? 0
      return StoreUpgrade(location: directory, steps: steps, changes: changes)
    }
  }

  private static func configuration(_ checkpointing: Checkpointing) -> Configuration {
    var configuration = Configuration()
    configuration.journalMode = .wal
    configuration.busyMode = .timeout(5)
    configuration.prepareDatabase { db in
      // Devices lose power: a commit must be on disk before the command says it is done.
      try db.execute(sql: "PRAGMA synchronous = FULL")
      // Ids from older devices are random, so their reports land all over the id index: with
      // SQLite's default 2 MiB cache every insert into a large store reads pages back from the
      // file. Only the one writing connection needs it; readers keep the default.
      if !db.configuration.readonly {
        try db.execute(sql: "PRAGMA cache_size = -32768")
        if checkpointing == .inTheBackground {
          try db.execute(sql: "PRAGMA wal_autocheckpoint = \(walPagesBeforeWriterCheckpoints)")
        }
        // The log may reach 32 MiB under a long sync; once checkpointed it is cut back to
        // 8 MiB, so a device's disk does not keep the peak.
        try db.execute(sql: "PRAGMA journal_size_limit = 8388608")
      }
    }
    return configuration
  }

  private func hasReplica() throws(StoreError) -> Bool {
    try read(Self.hasReplica)
  }

  private func initialize(author: String, villages: [String], replica: ReplicaID, now: Int64)
    throws(StoreError)
  {
    do {
      try FieldValue.checkText(author, field: "name", maximum: TextLimits.author, multiline: false)
      for village in villages {
        try FieldValue.checkText(
          village, field: "village", maximum: TextLimits.village, multiline: false)
      }
    } catch {
      throw .invalid(error)
    }
    let villagesJSON = StoreRows.villages(villages)
    try write { db in
      try db.execute(
        sql:
          "INSERT INTO replica (singleton, id, counter, author, villages, created_at) VALUES (1, ?, 0, ?, ?, ?)",
        arguments: [replica.description, author, villagesJSON, now])
    }
  }

  /// Runs `body` in a read transaction, mapping database failures to ``StoreError``.
  func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    try Self.guarding(location: location) { try database.read(body) }
  }

  /// Runs `body` in one write transaction, mapping failures to ``StoreError``; nothing is
  /// written unless all of `body` succeeds.
  func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    defer { checkpointer?.commitDidEnd() }
    return try Self.guarding(location: location) { try database.write(body) }
  }

  static func guarding<T>(location: String, _ body: () throws -> T) throws(StoreError) -> T {
    do {
      return try body()
    } catch let error as StoreError {
      throw error
    } catch let error as ValidationError {
      throw .invalid(error)
    } catch let error as AccessError {
      throw .access(error)
    } catch let error as AdminError {
      throw .admin(error)
    } catch let error as DatabaseError {
      switch error.resultCode {
      case .SQLITE_NOTADB, .SQLITE_CORRUPT:
        throw .notAStore(path: location, reason: error.message ?? "not a database")
      case .SQLITE_BUSY:
        // Another connection held the database past the timeout. (SQLITE_LOCKED, a conflict
        // within one connection, is a defect, not contention: it stays a database error.)
        throw .busy(error.description)
      default:
        // GRDB's description keeps the cause whole: result code, message and statement.
        throw .database(error.description)
      }
    } catch {
      throw .database("\(error)")
    }
  }
}
