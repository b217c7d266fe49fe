import Dispatch
import LiaisonMerge
import Synchronization

/// The embedded SQLite backend of ``TownshipStorage``: a ``TownshipStore`` whose calls run on
/// threads of their own.
///
/// The store's calls block on SQLite, and a push holds its one writer for a whole batch: run
/// on Swift's cooperative pool (one thread per core), two pushes would stall every other
/// request, pulls included, though the store's reader connections could serve those at once.
/// Calls go round a few serial dispatch queues instead: serial queues run on Dispatch's
/// overcommitting pool, which starts a thread when none is free (a concurrent queue would
/// share the default pool, which on Linux backs Swift's cooperative threads), as GRDB's own
/// async methods do with their per-connection serial queues.
public struct SQLiteTownshipStorage: TownshipStorage {
  public let store: TownshipStore
  /// One for the writer and each of the store's readers, with room to spare.
  private static let queues = (0..<8).map {
    DispatchQueue(label: "liaison.township.storage.\($0)")
  }
  private static let next = Mutex(0)

  public init(_ store: TownshipStore) {
    self.store = store
  }

  private func run<T: Sendable>(_ body: @escaping @Sendable () throws(StoreError) -> T)
    async throws(StoreError) -> T
  {
    let queue = Self.next.withLock { next in
      next = (next + 1) % Self.queues.count
      return Self.queues[next]
    }
    let result: Result<T, StoreError> = await withCheckedContinuation { continuation in
      queue.async {
        continuation.resume(returning: Result { () throws(StoreError) in try body() })
      }
    }
    return try result.get()
  }

  public func serverReplica() async throws(StoreError) -> ReplicaID {
    try await run { () throws(StoreError) in try store.replica.info().id }
  }

  public func authenticate(_ token: String) async throws(StoreError) -> Principal {
    try await run { () throws(StoreError) in try store.authenticate(token) }
  }

  public func addAdministrator(_ name: String, by actor: String, reason: String, now: Int64)
    async throws(StoreError) -> String
  {
    try await run { () throws(StoreError) in
      try store.addAdministrator(name, by: actor, reason: reason, now: now)
    }
  }

  public func issueEnrollment(
    name: String, villages: [String], lifetime: Int64, by actor: String, now: Int64
  ) async throws(StoreError) -> Enrollment {
    try await run { () throws(StoreError) in
      try store.issueEnrollment(
        name: name, villages: villages, lifetime: lifetime, by: actor, now: now)
    }
  }

  public func enroll(code: String, replica: ReplicaID, key: PublicSigningKey, now: Int64)
    async throws(StoreError) -> Enrolled
  {
    try await run { () throws(StoreError) in
      try store.enroll(code: code, replica: replica, key: key, now: now)
    }
  }

  public func serverKey() async throws(StoreError) -> PublicSigningKey {
    store.serverKey
  }

  public func bindKey(
    _ key: PublicSigningKey, unsignedThrough: Int64, for device: Device, now: Int64
  ) async throws(StoreError) {
    try await run { () throws(StoreError) in
      try store.bindKey(key, unsignedThrough: unsignedThrough, for: device, now: now)
    }
  }

  public func keyBindings(for replicas: [ReplicaID]) async throws(StoreError) -> [KeyBinding] {
    try await run { () throws(StoreError) in try store.keyBindings(for: replicas) }
  }

  public func verifyLog(progress: @escaping @Sendable (LogVerification.Progress) -> Void)
    async throws(StoreError) -> LogVerification
  {
    try await run { () throws(StoreError) in try store.verifyLog(progress: progress) }
  }

  public func devices() async throws(StoreError) -> [DeviceSummary] {
    try await run { () throws(StoreError) in try store.devices() }
  }

  public func findDevice(_ selector: String) async throws(StoreError) -> Device {
    try await run { () throws(StoreError) in try store.findDevice(selector) }
  }

  public func revoke(device: String, by actor: String, reason: String, now: Int64)
    async throws(StoreError)
  {
    try await run { () throws(StoreError) in
      try store.revoke(device: device, by: actor, reason: reason, now: now)
    }
  }

  public func replicaNames() async throws(StoreError) -> [ReplicaID: ReplicaName] {
    try await run { () throws(StoreError) in try store.replicaNames() }
  }

  public func push(_ batch: PushBatch, from device: Device, now: Int64) async throws(StoreError)
    -> PushOutcome
  {
    try await run { () throws(StoreError) in try store.push(batch, from: device, now: now) }
  }

  public func pull(after cursor: Int64, limit: Int, for device: Device) async throws(StoreError)
    -> PullPage
  {
    try await run { () throws(StoreError) in
      try store.pull(after: cursor, limit: limit, for: device)
    }
  }

  public func recordPull(by device: Device, through cursor: Int64, now: Int64)
    async throws(StoreError)
  {
    try await run { () throws(StoreError) in
      try store.recordPull(by: device, through: cursor, now: now)
    }
  }

  public func reportID(matching prefix: String) async throws(StoreError) -> ReportID {
    try await run { () throws(StoreError) in try store.replica.reportID(matching: prefix) }
  }

  public func report(_ id: ReportID) async throws(StoreError) -> ReportState? {
    try await run { () throws(StoreError) in try store.replica.report(id) }
  }

  public func reports(_ query: ReportQuery) async throws(StoreError) -> [ReportSummary] {
    try await run { () throws(StoreError) in try store.replica.list(query) }
  }

  public func reportCount(_ query: ReportQuery) async throws(StoreError) -> Int {
    try await run { () throws(StoreError) in try store.replica.count(query) }
  }

  public func summary(_ request: SummaryRequest) async throws(StoreError) -> TownshipSummary {
    try await run { () throws(StoreError) in try store.summary(request) }
  }

  public func history(of id: ReportID) async throws(StoreError) -> [HistoryEntry] {
    try await run { () throws(StoreError) in try store.replica.history(id) }
  }

  public func conflicts(village: String?, category: String?) async throws(StoreError)
    -> [ConflictSummary]
  {
    try await run { () throws(StoreError) in
      try store.conflicts(village: village, category: category)
    }
  }

  public func resolve(
    _ id: ReportID, _ resolution: Resolution, expecting version: String, by administrator: String,
    reason: String, now: Int64
  ) async throws(StoreError) -> ResolutionOutcome {
    try await run { () throws(StoreError) in
      try store.resolve(
        id, resolution, expecting: version, by: administrator, reason: reason, now: now)
    }
  }

  public func export(includeDeleted: Bool, by administrator: String, now: Int64)
    async throws(StoreError) -> [ReportState]
  {
    try await run { () throws(StoreError) in
      try store.export(includeDeleted: includeDeleted, by: administrator, now: now)
    }
  }

  public func auditTrail(subject: String?) async throws(StoreError) -> [AuditEntry] {
    try await run { () throws(StoreError) in try store.auditTrail(subject: subject) }
  }

  public func auditEntries(_ query: AuditQuery) async throws(StoreError) -> [AuditEntry] {
    try await run { () throws(StoreError) in try store.auditEntries(query) }
  }

  public func recordSession(_ event: SessionEvent, administrator: String, now: Int64)
    async throws(StoreError)
  {
    try await run { () throws(StoreError) in
      try store.recordSession(event, administrator: administrator, now: now)
    }
  }
}
