import LiaisonMerge

/// Where a township keeps its replica, devices, credentials, enrolment codes and audit
/// trail: the one seam between the server and a storage backend.
///
/// The server depends on this protocol alone, and every backend passes the same conformance
/// suite (`Tests/LiaisonTownshipTests`). Rules that do not depend on storage (which changes a
/// push refuses, village scope, conflict decisions, a report's version) live beside it in
/// this module, so no backend re-implements them. Calls may block on I/O; a backend runs
/// them off Swift's cooperative threads.
///
/// ## Guarantees a backend gives
///
/// SQLite's single writer gives these for free; a backend with several writers (several
/// `township serve` processes on one PostgreSQL database) must give them explicitly.
///
/// - **Durability.** A call that returned has committed durably: an acknowledged push
///   survives a crash of the server or its machine.
/// - **The pull cursor follows commit order.** ``pull(after:limit:for:)`` returns changes in
///   an order such that once a cursor has passed a change, no change committed later is ever
///   placed before that cursor: a device that pulled up to a cursor never misses a change
///   that committed after its pull but takes a position before it.
/// - **A push is atomic per device.** The device's highest counter is read and advanced in
///   the same transaction as the changes it judges, so two pushes by one device (a retry
///   racing its original) judge each counter once: duplicates, never double applies.
/// - **An enrolment code is used at most once**, however many enrolments race with it.
/// - **No lost update.** Two changes merged into one report at the same time both reach its
///   stored state: the merge reads and writes the state under a lock or a retried
///   serialisable transaction. The same holds for the server's own counter (resolutions) and
///   for keeping a refused change in the audit trail once.
/// - **Every administrator action and its audit entry commit together.**
/// - **A key is bound to one replica.** Two enrolments racing with one key bind it once.
public protocol TownshipStorage: Sendable {
  /// The server's own replica id.
  func serverReplica() async throws(StoreError) -> ReplicaID

  // MARK: Credentials and enrolment

  /// The principal a bearer token stands for; revoked and unknown tokens are refused.
  func authenticate(_ token: String) async throws(StoreError) -> Principal
  /// Adds an administrator credential and returns its token, shown once.
  func addAdministrator(_ name: String, by actor: String, reason: String, now: Int64)
    async throws(StoreError) -> String
  /// Issues a one-time enrolment code for a liaison and villages.
  func issueEnrollment(
    name: String, villages: [String], lifetime: Int64, by actor: String, now: Int64
  ) async throws(StoreError) -> Enrollment
  /// Exchanges an enrolment code for a device credential bound to `replica`, and binds the
  /// device's signing key to it; a key bound to another replica is refused (`key_in_use`).
  func enroll(code: String, replica: ReplicaID, key: PublicSigningKey, now: Int64)
    async throws(StoreError) -> Enrolled

  // MARK: Keys

  /// The server replica's public key, which devices pin at enrolment.
  func serverKey() async throws(StoreError) -> PublicSigningKey
  /// Binds a key, once, to a device enrolled before changes were signed; its changes up to
  /// `unsignedThrough` stay valid unsigned. The key already bound again changes nothing.
  func bindKey(_ key: PublicSigningKey, unsignedThrough: Int64, for device: Device, now: Int64)
    async throws(StoreError)
  /// The server-signed key bindings of `replicas` (`protocol/sync.md` section 7).
  func keyBindings(for replicas: [ReplicaID]) async throws(StoreError) -> [KeyBinding]
  /// Walks the whole log: every change's signature against its author's binding, and every
  /// report's stored state against the merge of its logged changes (`township verify`).
  func verifyLog(progress: @escaping @Sendable (LogVerification.Progress) -> Void)
    async throws(StoreError) -> LogVerification

  // MARK: Devices

  /// Every enrolled device, by name, with how many changes wait for its next pull.
  func devices() async throws(StoreError) -> [DeviceSummary]
  /// The device an administrator named: a device or replica id, a unique prefix, or a name.
  func findDevice(_ selector: String) async throws(StoreError) -> Device
  /// Revokes a device: its credential is refused from the next request on.
  func revoke(device: String, by actor: String, reason: String, now: Int64)
    async throws(StoreError)
  /// The enrolled devices' names by replica id, for showing who wrote what.
  func replicaNames() async throws(StoreError) -> [ReplicaID: ReplicaName]

  // MARK: Sync

  /// Judges and applies a device's batch, each change alone, in one transaction
  /// (`protocol/sync.md`, `POST /v1/push`).
  func push(_ batch: PushBatch, from device: Device, now: Int64) async throws(StoreError)
    -> PushOutcome
  /// The changes after `cursor` that `device` may see, in commit order
  /// (`protocol/sync.md`, `GET /v1/pull`).
  func pull(after cursor: Int64, limit: Int, for device: Device) async throws(StoreError)
    -> PullPage
  /// Records that a device's pull reached the end of the log at `cursor`, for `township
  /// devices`.
  func recordPull(by device: Device, through cursor: Int64, now: Int64) async throws(StoreError)

  // MARK: Reports

  /// The report whose id is `prefix` or starts with it, as git resolves commit prefixes.
  func reportID(matching prefix: String) async throws(StoreError) -> ReportID
  /// A report's merged state, or nil for one the township does not hold.
  func report(_ id: ReportID) async throws(StoreError) -> ReportState?
  /// The reports a query selects, in its order, from its offset, at most its limit.
  func reports(_ query: ReportQuery) async throws(StoreError) -> [ReportSummary]
  /// How many reports a query selects, its offset and limit aside.
  func reportCount(_ query: ReportQuery) async throws(StoreError) -> Int
  /// The township at a glance (`township summary`, the console's dashboard), counted with the
  /// database's aggregates so it stays quick with a hundred thousand reports.
  func summary(_ request: SummaryRequest) async throws(StoreError) -> TownshipSummary
  /// Every change to a report in the order the township received them.
  func history(of id: ReportID) async throws(StoreError) -> [HistoryEntry]
  /// The reports in conflict, oldest conflict first.
  func conflicts(village: String?, category: String?) async throws(StoreError)
    -> [ConflictSummary]
  /// Decides a conflict with a write at the server's own replica, if the report is still at
  /// `version`; the write and its audit entry commit together.
  func resolve(
    _ id: ReportID, _ resolution: Resolution, expecting version: String, by administrator: String,
    reason: String, now: Int64
  ) async throws(StoreError) -> ResolutionOutcome
  /// Every report's state, oldest first, recorded in the audit trail as an export by
  /// `administrator` in the same transaction.
  func export(includeDeleted: Bool, by administrator: String, now: Int64)
    async throws(StoreError) -> [ReportState]

  // MARK: Audit

  /// The audit trail, oldest first: all of it, or the entries whose subject starts with
  /// `subject`.
  func auditTrail(subject: String?) async throws(StoreError) -> [AuditEntry]
  /// The audit entries a query selects, newest first, one page of them.
  func auditEntries(_ query: AuditQuery) async throws(StoreError) -> [AuditEntry]
  /// Records that an administrator signed in to or out of the console.
  func recordSession(_ event: SessionEvent, administrator: String, now: Int64)
    async throws(StoreError)
}

/// An enrolled device's name, as the server shows who wrote a value.
public struct ReplicaName: Sendable, Equatable {
  /// The device id.
  public let device: String
  /// The liaison's name.
  public let name: String

  public init(device: String, name: String) {
    self.device = device
    self.name = name
  }
}
