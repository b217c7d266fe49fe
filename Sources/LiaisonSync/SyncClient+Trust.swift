import Foundation
import LiaisonTransport
import LiaisonWire

extension SyncClient {
  /// The trust for a server given by its address and the pin an enrolment link or `--pin`
  /// carries: for `https://`, the certificate of the server's chain whose pin it is, read
  /// with ``CertificateProbe`` before anything is sent; for `http://`, plain HTTP.
  ///
  /// A chain without that certificate is refused naming both fingerprints, and nothing is
  /// sent: there is no fallback to trusting the server unpinned.
  public static func trust(server address: String, pin: CertificatePin?) async throws(SyncError)
    -> ServerTrust
  {
    let server: String
    do { server = try EnrolmentLink.checkedServer(address, pin: pin) } catch {
      throw .badAddress(error.description)
    }
    guard let pin else { return .insecureHTTP }
    let (host, port) = try endpoint(server)
    let chain: [[UInt8]]
    do { chain = try await CertificateProbe.chain(host: host, port: port) } catch {
      throw probeFailure(error, url: server)
    }
    if let pinned = chain.first(where: { CertificatePin(certificateDER: $0) == pin }) {
      return .pinned(certificate: pinned)
    }
    throw .pinMismatch(url: server, expected: pin.description, presented: presented(chain))
  }

  /// What a failed request means, in the terms of the trust it was sent with: a server
  /// presenting another certificate, a TLS server reached by `http://`, a plain server by
  /// `https://`, or a server that could not be reached.
  func diagnose(_ error: any Error) async -> SyncError {
    let reason = Self.reason(error)
    // Nothing listens: no need to ask what it would have said.
    if reason == "connection refused" || reason == "timed out" {
      return .unreachable(url: baseURL, reason: reason)
    }
    guard let (host, port) = try? Self.endpoint(baseURL) else {
      return .unreachable(url: baseURL, reason: reason)
    }
    let chain: [[UInt8]]
    do { chain = try await CertificateProbe.chain(host: host, port: port) } catch {
      if trust.pin != nil, case .notTLS(let plain) = error {
        return .serverWithoutTLS(url: baseURL, reason: plain)
      }
      return .unreachable(url: baseURL, reason: reason)
    }
    guard let pin = trust.pin else { return .serverUsesTLS(url: baseURL) }
    guard chain.contains(where: { CertificatePin(certificateDER: $0) == pin }) else {
      return .pinMismatch(
        url: baseURL, expected: pin.description, presented: Self.presented(chain))
    }
    return .unreachable(url: baseURL, reason: reason)
  }

  /// The pin a chain offers: of its last certificate, as a device would pin it.
  private static func presented(_ chain: [[UInt8]]) -> String {
    chain.last.map { CertificatePin(certificateDER: $0).description } ?? "no certificate"
  }

  private static func probeFailure(_ failure: CertificateProbe.Failure, url: String) -> SyncError {
    switch failure {
    case .unreachable(let reason): .unreachable(url: url, reason: reason)
    case .notTLS(let reason): .serverWithoutTLS(url: url, reason: reason)
    }
  }

  /// The host and port of an `http://` or `https://` address (443 and 80 by default).
  static func endpoint(_ server: String) throws(SyncError) -> (String, Int) {
    guard let url = URL(string: server), let host = url.host, !host.isEmpty else {
      throw .badAddress("the server's address does not read as a URL: \(server)")
    }
    let bare = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
    return (bare, url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80))
  }
}
