import ArgumentParser
import Foundation
import LiaisonSync

/// The administrator's connection: `--server` and the token, from the options, from
/// `$TOWNSHIP_TOKEN`, or from what `township login` saved.
struct AdministratorOptions: ParsableArguments {
  static let defaultServer = "http://127.0.0.1:8080"

  @Option(
    help: ArgumentHelp(
      "The township server's address.",
      discussion: "Default: the one `township login` saved, else \(defaultServer)."))
  var server: String?

  @Option(
    help: ArgumentHelp(
      "An administrator token.",
      discussion: "Default: $TOWNSHIP_TOKEN, else the one `township login` saved."))
  var token: String?

  var resolvedServer: String {
    server ?? AdminConfig.load()?.server ?? Self.defaultServer
  }

  func resolvedToken() throws -> String {
    if let token { return token }
    if let token = ProcessInfo.processInfo.environment["TOWNSHIP_TOKEN"], !token.isEmpty {
      return token
    }
    if let token = AdminConfig.load()?.token { return token }
    throw CommandFailure(
      "give --token, set TOWNSHIP_TOKEN, or run `township login --server URL --token TOKEN` (`township init` printed the first token)"
    )
  }

  /// Runs `body` with a client of the administrator endpoints, then closes the connection;
  /// a refusal or an unreachable server becomes one clear line.
  func withClient<T: Sendable>(_ body: (AdminClient) async throws -> T) async throws -> T {
    let token = try resolvedToken()
    let http = SyncClient.makeHTTPClient()
    do {
      let result = try await body(AdminClient(baseURL: resolvedServer, token: token, http: http))
      try await http.shutdown()
      return result
    } catch let error as SyncError {
      try? await http.shutdown()
      throw CommandFailure(Self.explain(error))
    } catch {
      try? await http.shutdown()
      throw error
    }
  }

  /// The server's refusals in the administrator's terms.
  static func explain(_ error: SyncError) -> String {
    switch error {
    case .unreachable(let url, let reason):
      "cannot reach the township server at \(url) (\(reason)); check --server"
    case .refused(_, "forbidden", _):
      "this token is not an administrator's; use the token `township init` or `township admin add` printed"
    case .refused(_, let code, let message) where code == "unauthenticated" || code == "revoked":
      "the server did not accept this token (\(message)); check --token, TOWNSHIP_TOKEN or `township login`"
    case .refused(_, _, let message):
      message
    default:
      error.description
    }
  }
}
