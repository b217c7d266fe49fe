import ArgumentParser
import Foundation
import LiaisonCommandLine
import LiaisonLocalization
import LiaisonSync
import LiaisonTransport
import LiaisonWire

/// The administrator's connection: `--server`, the certificate's pin and the token, from the
/// options, from `$TOWNSHIP_PIN` and `$TOWNSHIP_TOKEN`, or from what `township login` saved.
struct AdministratorOptions: ParsableArguments {
  static let defaultServer = "https://127.0.0.1:8080"

  @Option(
    help: .localized("township.option.server", ["default": defaultServer]))
  var server: String?

  @Option(
    help: .localized("township.option.token"))
  var token: String?

  @Option(
    help: .localized("township.option.pin"))
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
    throw CommandFailure("township.needToken")
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
        throw .badAddress(
          localized("common.pinForm", ["option": "--pin", "form": localized("common.pinFormText")]))
      }
      return try await SyncClient.trust(server: server, pin: pin)
    }
    if let saved = AdminConfig.load(), saved.server == server { return saved.trust }
    if server.lowercased().hasPrefix("https://") {
      throw .badAddress(localized("township.needPin", ["server": server]))
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
      localized("township.unreachable", ["url": url, "reason": reason])
    case .pinMismatch(let url, let expected, let presented):
      localized(
        "township.pinMismatch", ["url": url, "expected": expected, "presented": presented])
    case .refused(_, "forbidden", _):
      localized("township.notAdministrator")
    case .refused(_, let code, let message) where code == "unauthenticated" || code == "revoked":
      localized("township.tokenRefused", ["message": message])
    case .refused(_, let code, let message):
      serverRefusal(code: code, message: message)
    default:
      localized.sentence(for: error)
    }
  }

  /// A refusal the server explained in its own (English) words, for the wire: in English
  /// its message as sent; in another language the sentence its code names, when the code
  /// alone says it, else the message beside its code.
  static func serverRefusal(code: String, message: String) -> String {
    guard localized.language != .english else { return message }
    let key = "township.refusal.\(code)"
    if Catalogue.english[key] != nil { return localized(key) }
    return localized("township.refusal.other", ["code": code, "message": message])
  }
}
