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
      router: buildRouter(
        store: FaultyStorage(real: try FaultyStorage.township().0) { _ in error }),
      logger: log.logger)
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
