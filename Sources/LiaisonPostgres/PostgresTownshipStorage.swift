import Foundation
import LiaisonMerge
import LiaisonTownship
import Logging
import PostgresNIO

/// The PostgreSQL backend of ``TownshipStorage``: a township in a database that several
/// `township serve` processes share, each stateless, behind any load balancer.
///
/// ## Connections and shutdown
///
/// Queries go through a `PostgresClient`, postgres-nio's pool, of at most `poolSize`
/// connections per process. The pool works in a task this storage owns, started by
/// ``open(_:signingKey:poolSize:)`` or ``create(_:signingKey:administrator:now:poolSize:)``
/// and ended by ``shutdown()``: it cancels the pool's `run()`, which closes every connection,
/// and waits for it. A storage dropped without ``shutdown()`` cancels it too.
///
/// ## Several writers
///
/// The contract's guarantees (``TownshipStorage``) hold across processes:
///
/// - **The pull cursor follows commit order.** Every transaction that appends to the change
///   log (a push, a resolution) first takes one transaction-level advisory lock,
///   ``appendLock``, and holds it until it commits. Sequence numbers are taken under the lock,
///   so a transaction takes its numbers only after every earlier appender has committed (or
///   rolled back): sequence order is commit order, and a pull, which reads the log's end and
///   its rows in one snapshot, never passes a number that a later commit could fill in. The
///   price is one appender at a time, as with SQLite's one writer; the pushes' decoding,
///   signature checks and all reads still run side by side. (`protocol/sync.md`, "The cursor
///   and commit order", says why this and not a watermark.)
/// - **Read-then-write steps are atomic** by row locks and conditional updates, whatever the
///   lock above: a device's highest counter (`SELECT ... FOR UPDATE` on its row), the server's
///   counter (its row), a report's stored state while a change merges into it (its row), an
///   enrolment code (an `UPDATE ... WHERE used_at IS NULL`), a refused change kept once and a
///   key bound once (unique indexes).
/// - **Durability**: every connection sets `synchronous_commit` on when it starts.
public final class PostgresTownshipStorage: TownshipStorage {
  /// The advisory lock every appender to the change log holds until it commits.
  public static let appendLock: Int64 = 0x4c69_6169_736f_6e01

  /// The pool's size when none is given: postgres-nio's default, well under PostgreSQL's
  /// default `max_connections` of 100 for a few processes.
  public static let defaultPoolSize = 20

  let client: PostgresClient
  private let running: Task<Void, Never>
  let signer: SigningKey
  let replica: ReplicaID
  let location: PostgresLocation
  let logger: Logger

  private init(
    client: PostgresClient, running: Task<Void, Never>, signer: SigningKey, replica: ReplicaID,
    location: PostgresLocation, logger: Logger
  ) {
    self.client = client
    self.running = running
    self.signer = signer
    self.replica = replica
    self.location = location
    self.logger = logger
  }

  deinit {
    running.cancel()
  }

  /// Opens the township in the database at `location`, upgrading its schema first; refuses
  /// a database with no township in it (``StoreError/notInitialized(path:)``).
  ///
  /// `signingKey` is the server replica's key, which every process of the township shares:
  /// read from `signing-key.pem` in the store directory they share.
  public static func open(
    _ location: PostgresLocation, signingKey: SigningKey, poolSize: Int = defaultPoolSize
  ) async throws(StoreError) -> PostgresTownshipStorage {
    try await connect(location, signingKey: signingKey, poolSize: poolSize) {
      (session) async throws(StoreError) in
      guard let replica = try await Self.township(session, at: location) else {
        throw .notInitialized(path: location.description)
      }
      return replica
    }
  }

  /// Creates the township in the database at `location` (new, or holding only an earlier
  /// version's empty schema), with its first administrator; returns the administrator's
  /// token, shown once. Refuses, changing nothing, a database that holds a township.
  public static func create(
    _ location: PostgresLocation, signingKey: SigningKey, administrator: String, now: Int64,
    poolSize: Int = defaultPoolSize
  ) async throws(StoreError) -> (PostgresTownshipStorage, String) {
    var random = SystemRandomNumberGenerator()
    let replica = ReplicaID.random(using: &random)
    let storage = try await connect(location, signingKey: signingKey, poolSize: poolSize) {
      (session) async throws(StoreError) in
      if try await Self.township(session, at: location) != nil {
        throw .alreadyInitialized(path: location.description)
      }
      try await Self.guarding(location) {
        try await session.execute(
          """
          INSERT INTO township (singleton, replica, counter, unsigned_through, created_at)
          VALUES (1, \(replica.description), 0, 0, \(now))
          """)
      }
      return replica
    }
    do {
      let token = try await storage.addAdministrator(
        administrator, by: "township init", reason: "", now: now)
      return (storage, token)
    } catch {
      await storage.shutdown()
      throw error
    }
  }

  /// Closes the pool: its connections close, and the task running it ends. Calls after it
  /// fail.
  public func shutdown() async {
    running.cancel()
    await running.value
  }

  /// Starts the pool, migrates the schema and runs `prepare` in one transaction.
  private static func connect(
    _ location: PostgresLocation, signingKey: SigningKey, poolSize: Int,
    prepare: @Sendable (PostgresSession) async throws(StoreError) -> ReplicaID
  ) async throws(StoreError) -> PostgresTownshipStorage {
    // The pool's own chatter (a connection opened, or given up at shutdown) stays out of the
    // server's log; its warnings and errors do not.
    var logger = Logger(label: "liaison.postgres")
    logger.logLevel = .warning
    try await location.probe()
    let (client, running) = location.startPool(size: poolSize, logger: logger)
    do {
      let replica = try await transaction(client, location, logger, .write) { session in
        try await PostgresSchema.migrate(session, at: location)
        return try await prepare(session)
      }
      return PostgresTownshipStorage(
        client: client, running: running, signer: signingKey, replica: replica,
        location: location, logger: logger)
    } catch {
      running.cancel()
      await running.value
      throw error
    }
  }

  /// The township's replica id, or nil in a database without a township yet.
  private static func township(_ session: PostgresSession, at location: PostgresLocation)
    async throws(StoreError) -> ReplicaID?
  {
    let text = try await guarding(location) {
      try await session.value("SELECT replica FROM township", as: String.self)
    }
    guard let text else { return nil }
    guard let id = ReplicaID(text) else { throw .database("bad replica id \(text)") }
    return id
  }

  /// Runs `body` in one transaction on a pooled connection: committed when it returns,
  /// rolled back when it throws.
  func transaction<T: Sendable>(
    _ mode: TransactionMode = .write, _ body: @Sendable (PostgresSession) async throws -> T
  ) async throws(StoreError) -> T {
    try await Self.transaction(client, location, logger, mode, body)
  }

  private static func transaction<T: Sendable>(
    _ client: PostgresClient, _ location: PostgresLocation, _ logger: Logger,
    _ mode: TransactionMode, _ body: @Sendable (PostgresSession) async throws -> T
  ) async throws(StoreError) -> T {
    try await guarding(location) {
      try await client.withConnection { connection in
        let session = PostgresSession(connection: connection, logger: logger)
        try await session.execute(mode.begin)
        let value: T
        do {
          value = try await body(session)
        } catch {
          // A connection that cannot roll back is broken: closed, so the pool replaces it.
          do { try await session.execute("ROLLBACK") } catch { try? await connection.close() }
          throw error
        }
        try await session.execute("COMMIT")
        return value
      }
    }
  }

  static func guarding<T>(_ location: PostgresLocation, _ body: () async throws -> T)
    async throws(StoreError) -> T
  {
    do {
      return try await body()
    } catch {
      throw PostgresErrors.map(error, at: location)
    }
  }

  /// `synchronous_commit` as this storage's connections have it: `on`, for what operators
  /// monitor and a test checks.
  public func synchronousCommit() async throws(StoreError) -> String {
    try await transaction { session in
      try await session.value("SHOW synchronous_commit", as: String.self) ?? ""
    }
  }

  public func serverReplica() async throws(StoreError) -> ReplicaID {
    replica
  }

  public func serverKey() async throws(StoreError) -> PublicSigningKey {
    signer.publicKey
  }
}
