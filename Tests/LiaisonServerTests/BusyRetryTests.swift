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

/// A client meets a busy server's 503 with `Retry-After` by waiting and asking again, a few
/// times, instead of failing the liaison's sync.
@Suite struct BusyRetryTests {
  func issue(busyCalls: Int) async throws -> Result<String, SyncError> {
    let (real, token) = try FaultyStorage.township()
    let storage = FaultyStorage(real: real) { call in
      call <= busyCalls ? .busy("SQLite error 5: database is locked") : nil
    }
    let application = Application(
      router: buildRouter(store: storage),
      configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      logger: quietLogger)
    return try await application.test(.live) { client in
      let admin = try SyncClient(
        baseURL: "http://127.0.0.1:\(client.port!)", token: token, trust: .insecureHTTP)
      let outcome: Result<String, SyncError>
      do throws(SyncError) {
        outcome = .success(
          try await admin.issueEnrollment(name: "李伟", villages: ["东村"], expiresInSeconds: 600)
            .code)
      } catch {
        outcome = .failure(error)
      }
      await admin.shutdown()
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
