import AsyncHTTPClient
import Hummingbird
import HummingbirdTesting
import LiaisonMerge
import LiaisonServer
import LiaisonStore
import LiaisonSync
import LiaisonTestKit
import LiaisonTownship
import Synchronization
import Testing

/// A storage that is busy for its first `busyCalls` authentications, then the real thing.
final class BusyAtFirst: TownshipStorage {
  let real: any TownshipStorage
  let busyCalls: Int
  let calls = Mutex(0)

  init(real: any TownshipStorage, busyCalls: Int) {
    self.real = real
    self.busyCalls = busyCalls
  }

  func authenticate(_ token: String) async throws(StoreError) -> Principal {
    let call = calls.withLock { count in
      count += 1
      return count
    }
    if call <= busyCalls { throw .busy("SQLite error 5: database is locked") }
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
  func enroll(code: String, replica: ReplicaID, now: Int64) async throws(StoreError) -> Enrolled {
    try await real.enroll(code: code, replica: replica, now: now)
  }
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
  func auditTrail(subject: String?) async throws(StoreError) -> [AuditEntry] {
    try await real.auditTrail(subject: subject)
  }
}

/// A client meets a busy server's 503 with `Retry-After` by waiting and asking again, a few
/// times, instead of failing the liaison's sync.
@Suite struct BusyRetryTests {
  func issue(busyCalls: Int) async throws -> Result<String, SyncError> {
    let store = TownshipStore(
      try ReplicaStore.inMemory(author: "管理员", villages: [], replica: Fixtures.replica(0x5e)))
    let token = try store.addAdministrator("管理员", by: "test", now: 0)
    let storage = BusyAtFirst(real: SQLiteTownshipStorage(store), busyCalls: busyCalls)
    let application = Application(
      router: buildRouter(store: storage),
      configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      logger: quietLogger)
    return try await application.test(.live) { client in
      let http = SyncClient.makeHTTPClient()
      let admin = SyncClient(
        baseURL: "http://127.0.0.1:\(client.port!)", token: token, http: http)
      let outcome: Result<String, SyncError>
      do throws(SyncError) {
        outcome = .success(
          try await admin.issueEnrollment(name: "李伟", villages: ["东村"], expiresInSeconds: 600)
            .code)
      } catch {
        outcome = .failure(error)
      }
      try await http.shutdown()
      return outcome
    }
  }

  @Test func aRequestIsSentAgainWhileTheServerIsBusy() async throws {
    guard case .success(let code) = try await issue(busyCalls: 2) else {
      Issue.record("two busy answers failed the request")
      return
    }
    #expect(code.count == 16)
  }

  @Test func aServerBusyForLongerIsAClearRefusal() async throws {
    let outcome = try await issue(busyCalls: 10)
    guard case .failure(.refused(let status, let code, _)) = outcome else {
      Issue.record("expected a refusal, got \(outcome)")
      return
    }
    #expect(status == 503 && code == "busy")
  }
}
