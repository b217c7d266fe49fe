import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCodec
import LiaisonMerge
import LiaisonServer
import LiaisonTownship
import Logging
import Synchronization
import Testing

/// A storage whose every call fails with one error, to see what the server makes of it.
struct FailingStorage: TownshipStorage {
  let error: StoreError

  func serverReplica() async throws(StoreError) -> ReplicaID { throw error }
  func authenticate(_ token: String) async throws(StoreError) -> Principal { throw error }
  func addAdministrator(_ name: String, by actor: String, reason: String, now: Int64)
    async throws(StoreError) -> String
  { throw error }
  func issueEnrollment(
    name: String, villages: [String], lifetime: Int64, by actor: String, now: Int64
  ) async throws(StoreError) -> Enrollment { throw error }
  func enroll(code: String, replica: ReplicaID, now: Int64) async throws(StoreError) -> Enrolled {
    throw error
  }
  func devices() async throws(StoreError) -> [DeviceSummary] { throw error }
  func findDevice(_ selector: String) async throws(StoreError) -> Device { throw error }
  func revoke(device: String, by actor: String, reason: String, now: Int64)
    async throws(StoreError)
  { throw error }
  func replicaNames() async throws(StoreError) -> [ReplicaID: ReplicaName] { throw error }
  func push(_ batch: PushBatch, from device: Device, now: Int64) async throws(StoreError)
    -> PushOutcome
  { throw error }
  func pull(after cursor: Int64, limit: Int, for device: Device) async throws(StoreError)
    -> PullPage
  { throw error }
  func recordPull(by device: Device, through cursor: Int64, now: Int64) async throws(StoreError) {
    throw error
  }
  func reportID(matching prefix: String) async throws(StoreError) -> ReportID { throw error }
  func report(_ id: ReportID) async throws(StoreError) -> ReportState? { throw error }
  func reports(_ query: ReportQuery) async throws(StoreError) -> [ReportSummary] { throw error }
  func history(of id: ReportID) async throws(StoreError) -> [HistoryEntry] { throw error }
  func conflicts(village: String?, category: String?) async throws(StoreError)
    -> [ConflictSummary]
  { throw error }
  func resolve(
    _ id: ReportID, _ resolution: Resolution, expecting version: String, by administrator: String,
    reason: String, now: Int64
  ) async throws(StoreError) -> ResolutionOutcome { throw error }
  func export(includeDeleted: Bool, by administrator: String, now: Int64)
    async throws(StoreError) -> [ReportState]
  { throw error }
  func auditTrail(subject: String?) async throws(StoreError) -> [AuditEntry] { throw error }
}

/// Log lines kept in memory, to check what an operator would read.
final class RecordedLog: Sendable {
  let lines = Mutex<[(Logger.Level, String, Logger.Metadata)]>([])

  var logger: Logger {
    Logger(label: "test") { _ in Handler(log: self) }
  }

  struct Handler: LogHandler {
    let log: RecordedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { metadata[key] }
      set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
      let merged = metadata.merging(event.metadata ?? [:]) { $1 }
      log.lines.withLock { $0.append((event.level, "\(event.message)", merged)) }
    }
  }
}

/// Failures that can be seen: a storage failure keeps its cause for the log, a busy database
/// is a 503 the client may retry, and neither leaks the cause to the client.
@Suite struct FailingStorageTests {
  func answer(to error: StoreError, log: RecordedLog) async throws -> (
    HTTPResponse.Status, HTTPFields, [String: JSONValue]
  ) {
    let application = Application(
      router: buildRouter(store: FailingStorage(error: error)), logger: log.logger)
    return try await application.test(.router) { client in
      let response = try await client.execute(
        uri: "/v1/pull", method: .get, headers: [.authorization: "Bearer lsn_x"])
      guard case .object(let error) = try JSONValue(parsing: response.body.readableBytesView),
        case .object(let members)? = error["error"]
      else { throw TestFailure("no JSON error body") }
      return (response.status, response.headers, members)
    }
  }

  @Test func aBusyDatabaseAnswers503WithRetryAfter() async throws {
    let log = RecordedLog()
    let (status, headers, error) = try await answer(
      to: .busy("SQLite error 5: database is locked"), log: log)
    #expect(status == .serviceUnavailable)
    #expect(headers[.retryAfter] == "1")
    #expect(error["code"] == .string("busy"))
  }

  @Test func aStorageFailureIs500AndItsCauseIsLoggedAtErrorNotSent() async throws {
    let log = RecordedLog()
    let cause = "SQLite error 13: database or disk is full - while executing `INSERT INTO change`"
    let (status, _, error) = try await answer(to: .database(cause), log: log)
    #expect(status == .internalServerError)
    #expect(error["code"] == .string("internal"))
    #expect(!"\(error)".contains("disk is full"), "the cause reached the client: \(error)")
    let logged = log.lines.withLock { $0 }.filter { $0.1 == "request" }
    #expect(logged.count == 1)
    #expect(logged.first?.0 == .error)
    let loggedCause = logged.first?.2["cause"].map { "\($0)" } ?? ""
    #expect(loggedCause.contains("disk is full"), "\(logged)")
  }
}
