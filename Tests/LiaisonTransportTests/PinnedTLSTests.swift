import AsyncHTTPClient
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import HummingbirdTesting
import LiaisonTransport
import LiaisonWire
import NIOSSL
import Testing

/// The pinning the clients rely on, against a real HummingbirdTLS server: BoringSSL takes the
/// self-signed certificate `township init` makes as the only trust anchor, refuses any other,
/// and the probe reads the chain a server presents, or says it does not speak TLS.
@Suite struct PinnedTLSTests {
  static let identity = try! ServerIdentity.generate(hostnames: ["township.test", "10.1.2.3"])

  /// Runs `body` with the port of a live server that answers `GET /hello`, over TLS with
  /// `identity`, or plain HTTP when it is nil.
  func serving<T: Sendable>(
    _ identity: ServerIdentity?, _ body: @Sendable (Int) async throws -> T
  ) async throws -> T {
    let router = Router()
    router.get("hello") { _, _ in "hello" }
    let server: HTTPServerBuilder =
      if let identity { try .tls(tlsConfiguration: identity.serverConfiguration()) } else {
        .http1()
      }
    let app = Application(
      router: router, server: server,
      configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    return try await app.test(.live) { client in try await body(client.port!) }
  }

  func get(_ url: String, trusting trust: ServerTrust) async throws -> String {
    var configuration = HTTPClient.Configuration()
    configuration.tlsConfiguration = try trust.clientConfiguration()
    // As SyncClient does: a refused handshake fails the request instead of being retried.
    configuration.connectionPool.retryConnectionEstablishment = false
    let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    do {
      let response = try await http.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
      let body = try await response.body.collect(upTo: 1024)
      try await http.shutdown()
      return String(buffer: body)
    } catch {
      try? await http.shutdown()
      throw error
    }
  }

  @Test func aClientPinnedToTheSelfSignedCertificateConnectsByAnyAddress() async throws {
    let identity = Self.identity
    let answer = try await serving(identity) { port in
      // 127.0.0.1 is not among the certificate's names: the pin replaces them.
      try await get(
        "https://127.0.0.1:\(port)/hello", trusting: .pinned(certificate: identity.chainDER[0]))
    }
    #expect(answer == "hello")
  }

  @Test func aClientPinnedToAnotherCertificateIsRefused() async throws {
    let other = try ServerIdentity.generate(hostnames: ["127.0.0.1"])
    let outcome = try await serving(Self.identity) { port in
      do {
        return try await get(
          "https://127.0.0.1:\(port)/hello", trusting: .pinned(certificate: other.chainDER[0]))
      } catch {
        return "refused: \(error)"
      }
    }
    #expect(
      outcome.hasPrefix("refused") && outcome.contains("CERTIFICATE_VERIFY_FAILED"), "\(outcome)")
  }

  @Test func theProbeReadsThePresentedChainAndItsPin() async throws {
    let chain = try await serving(Self.identity) { port in
      try await CertificateProbe.chain(host: "127.0.0.1", port: port)
    }
    #expect(chain == Self.identity.chainDER)
    #expect(CertificatePin(certificateDER: chain[0]) == Self.identity.pin)
  }

  @Test func theProbeSaysAPlainServerDoesNotSpeakTLS() async throws {
    let outcome = try await serving(nil) { port in
      do {
        // A generous timeout: under a loaded test run the plain server's refusal of the
        // handshake can take longer than the probe's default, which would say "no answer".
        return try await CertificateProbe.chain(
          host: "127.0.0.1", port: port, timeout: .seconds(60)
        )
        .count.description
      } catch {
        return "\(error)"
      }
    }
    #expect(outcome.hasPrefix("no TLS handshake"))
  }

  @Test func theProbeSaysNothingListens() async throws {
    await #expect(throws: CertificateProbe.Failure.unreachable("connection refused")) {
      // Port 1 on loopback: nothing listens there.
      try await CertificateProbe.chain(host: "127.0.0.1", port: 1)
    }
  }
}
