import LiaisonMerge
import LiaisonStore
import LiaisonTestKit
import LiaisonTownship
import Synchronization

/// A real storage whose authentications fail as `fault` says, call by call (numbered from
/// 1), to see what the server and its clients make of a failing storage. Every request is
/// authenticated first, so that is where a failure meets them.
final class FaultyStorage: TownshipStorage {
  let real: any TownshipStorage
  let fault: @Sendable (Int) -> StoreError?
  let calls = Mutex(0)

  init(real: any TownshipStorage, fault: @escaping @Sendable (Int) -> StoreError?) {
    self.real = real
    self.fault = fault
  }

  /// A new, empty township in memory, and its administrator's token.
  static func township() throws -> (any TownshipStorage, String) {
    let store = TownshipStore(
      try ReplicaStore.inMemory(author: "管理员", villages: [], replica: Fixtures.replica(0x5e)))
    return (SQLiteTownshipStorage(store), try store.addAdministrator("管理员", by: "test", now: 0))
  }

  func authenticate(_ token: String) async throws(StoreError) -> Principal {
    let call = calls.withLock { count in
      count += 1
      return count
    }
    if let error = fault(call) { throw error }
    return try await real.authenticate(token)
  }

  func serverReplica() async throws(StoreError) -> ReplicaID { try await real.serverReplica() }
  func addAdministrator(_ name: String, by actor: String, reason: String, now: Int64)
    async throws(StoreError) -> String
  { try await real.addAdministrator(name, by: actor, reason: reason, now: now) }
  func issueEnrollment(
    name: String, villages: [String], lifetime: Int64, by actor: String, now: Int64
  ) async throws(StoreError) -> Enrollment {
    try await real.issueEnrollment(
      name: name, villages: villages, lifetime: lifetime, by: actor, now: now)
  }
  func enroll(code: String, replica: ReplicaID, key: PublicSigningKey, now: Int64)
    async throws(StoreError) -> Enrolled
  { try await real.enroll(code: code, replica: replica, key: key, now: now) }
  func serverKey() async throws(StoreError) -> PublicSigningKey { try await real.serverKey() }
  func bindKey(_ key: PublicSigningKey, unsignedThrough: Int64, for device: Device, now: Int64)
    async throws(StoreError)
  { try await real.bindKey(key, unsignedThrough: unsignedThrough, for: device, now: now) }
  func keyBindings(for replicas: [ReplicaID]) async throws(StoreError) -> [KeyBinding] {
    try await real.keyBindings(for: replicas)
  }
  func verifyLog(progress: @escaping @Sendable (LogVerification.Progress) -> Void)
    async throws(StoreError) -> LogVerification
  { try await real.verifyLog(progress: progress) }
  func devices() async throws(StoreError) -> [DeviceSummary] { try await real.devices() }
  func findDevice(_ selector: String) async throws(StoreError) -> Device {
    try await real.findDevice(selector)
  }
  func revoke(device: String, by actor: String, reason: String, now: Int64)
    async throws(StoreError)
  { try await real.revoke(device: device, by: actor, reason: reason, now: now) }
  func replicaNames() async throws(StoreError) -> [ReplicaID: ReplicaName] {
    try await real.replicaNames()
  }
  func push(_ batch: PushBatch, from device: Device, now: Int64) async throws(StoreError)
    -> PushOutcome
  { try await real.push(batch, from: device, now: now) }
  func pull(after cursor: Int64, limit: Int, for device: Device) async throws(StoreError)
    -> PullPage
  { try await real.pull(after: cursor, limit: limit, for: device) }
  func recordPull(by device: Device, through cursor: Int64, now: Int64) async throws(StoreError) {
    try await real.recordPull(by: device, through: cursor, now: now)
  }
  func reportID(matching prefix: String) async throws(StoreError) -> ReportID {
    try await real.reportID(matching: prefix)
  }
  func report(_ id: ReportID) async throws(StoreError) -> ReportState? {
    try await real.report(id)
  }
  func reports(_ query: ReportQuery) async throws(StoreError) -> [ReportSummary] {
    try await real.reports(query)
  }
  func history(of id: ReportID) async throws(StoreError) -> [HistoryEntry] {
    try await real.history(of: id)
  }
  func conflicts(village: String?, category: String?) async throws(StoreError)
    -> [ConflictSummary]
  { try await real.conflicts(village: village, category: category) }
  func resolve(
    _ id: ReportID, _ resolution: Resolution, expecting version: String, by administrator: String,
    reason: String, now: Int64
  ) async throws(StoreError) -> ResolutionOutcome {
    try await real.resolve(
      id, resolution, expecting: version, by: administrator, reason: reason, now: now)
  }
  func export(includeDeleted: Bool, by administrator: String, now: Int64)
    async throws(StoreError) -> [ReportState]
  { try await real.export(includeDeleted: includeDeleted, by: administrator, now: now) }
  func reportCount(_ query: ReportQuery) async throws(StoreError) -> Int {
    try await real.reportCount(query)
  }
  func summary(_ request: SummaryRequest) async throws(StoreError) -> TownshipSummary {
    try await real.summary(request)
  }
  func auditEntries(_ query: AuditQuery) async throws(StoreError) -> [AuditEntry] {
    try await real.auditEntries(query)
  }
  func recordSession(_ event: SessionEvent, administrator: String, now: Int64)
    async throws(StoreError)
  { try await real.recordSession(event, administrator: administrator, now: now) }
  func auditTrail(subject: String?) async throws(StoreError) -> [AuditEntry] {
    try await real.auditTrail(subject: subject)
  }
}
