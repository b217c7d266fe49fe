import ArgumentParser
import Foundation
import LiaisonSync
import LiaisonTransport
import LiaisonWire

/// The administrator's connection: `--server`, the certificate's pin and the token, from the
/// options, from `$TOWNSHIP_PIN` and `$TOWNSHIP_TOKEN`, or from what `township login` saved.
struct AdministratorOptions: ParsableArguments {
  static let defaultServer = "https://127.0.0.1:8080"

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

  @Option(
    help: ArgumentHelp(
      "The pin of the server's certificate, sha256:..., as `township serve` printed it.",
      discussion:
        "Default: $TOWNSHIP_PIN, else the certificate `township login` pinned for this server. Not for an http:// server."
    ))
  var pin: String?

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

  /// What to trust at `server`: the certificate of the pin given (read from the server, and
  /// refused if it presents no such certificate), else the one `township login` pinned for
  /// that server, else plain HTTP for an `http://` address. An `https://` server with no pin
  /// at all is refused: there is no connecting unpinned.
  func resolvedTrust(for server: String) async throws(SyncError) -> ServerTrust {
    let text =
      pin
      ?? ProcessInfo.processInfo.environment["TOWNSHIP_PIN"].flatMap {
        $0.isEmpty ? nil : $0
      }
    if let text {
      guard let pin = CertificatePin(text) else {
        throw .badAddress("--pin must be \(CertificatePin.form)")
      }
      return try await SyncClient.trust(server: server, pin: pin)
    }
    if let saved = AdminConfig.load(), saved.server == server { return saved.trust }
    if server.lowercased().hasPrefix("https://") {
      throw .badAddress(
        "give --pin sha256:... (the certificate `township serve` printed), set TOWNSHIP_PIN, or `township login --server \(server) --pin ...`"
      )
    }
    return .insecureHTTP
  }

  /// Runs `body` with a client of the administrator endpoints, then closes the connection;
  /// a refusal, an unreachable server or a certificate that is not the pinned one becomes
  /// one clear line.
  /// `trust`, when given, is used instead of resolving it again.
  func withClient<T: Sendable>(
    trust: ServerTrust? = nil, _ body: (AdminClient) async throws -> T
  ) async throws -> T {
    let token = try resolvedToken()
    let server = resolvedServer
    let client: AdminClient
    do {
      let resolved: ServerTrust
      if let trust { resolved = trust } else { resolved = try await resolvedTrust(for: server) }
      client = try AdminClient(baseURL: server, token: token, trust: resolved)
    } catch {
      throw CommandFailure(Self.explain(error))
    }
    do {
      let result = try await body(client)
      await client.shutdown()
      return result
    } catch let error as SyncError {
      await client.shutdown()
      throw CommandFailure(Self.explain(error))
    } catch {
      await client.shutdown()
      throw error
    }
  }

  /// The server's refusals in the administrator's terms.
  static func explain(_ error: SyncError) -> String {
    switch error {
    case .unreachable(let url, let reason):
      "cannot reach the township server at \(url) (\(reason)); check --server"
    case .pinMismatch(let url, let expected, let presented):
      "the server at \(url) presented certificate \(presented), not the pinned \(expected): refused, nothing sent"
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
