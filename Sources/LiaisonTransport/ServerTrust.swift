import LiaisonWire
import NIOSSL

/// What a client trusts when it connects to its server: exactly one pinned certificate, or,
/// for a server started with `--insecure-http`, plain HTTP and nothing to trust.
///
/// There is no third case: a client never connects to an `https://` server trusting the
/// system's roots, so a pin can never be bypassed by a certificate some authority signed.
public enum ServerTrust: Sendable, Equatable {
  /// The DER of the pinned certificate: the only trust anchor, and names are not checked
  /// (the pin replaces them, so a device may reach the server by any address).
  case pinned(certificate: [UInt8])
  /// Plain HTTP, to a server started with `--insecure-http`.
  case insecureHTTP

  /// The pin of the pinned certificate; nil for plain HTTP.
  public var pin: CertificatePin? {
    guard case .pinned(let certificate) = self else { return nil }
    return CertificatePin(certificateDER: certificate)
  }

  /// The client's TLS configuration: the pinned certificate as the only root, and no
  /// hostname check. Nil for plain HTTP.
  public func clientConfiguration() throws -> TLSConfiguration? {
    guard case .pinned(let certificate) = self else { return nil }
    var configuration = TLSConfiguration.makeClientConfiguration()
    configuration.trustRoots = .certificates([
      try NIOSSLCertificate(bytes: certificate, format: .der)
    ])
    configuration.certificateVerification = .noHostnameVerification
    return configuration
  }
}
