import Crypto
import Foundation
import LiaisonWire
import NIOSSL
import SwiftASN1
import X509

/// The township server's TLS identity: its private key and the certificate chain it
/// presents, as the PEM files in its store directory hold them.
///
/// The chain's first certificate is the server's own (its key's); the last is the one
/// devices pin (``pin``). For the certificate `township init` makes they are the same
/// self-signed certificate; an operator's own chain must end with its self-signed root,
/// because BoringSSL trusts only a pinned certificate that is a trust anchor.
public struct ServerIdentity: Sendable {
  /// The chain in PEM, leaf first, as `tls-certificate.pem` holds it.
  public let certificatePEM: String
  /// The private key in PEM (PKCS #8), as `tls-key.pem` holds it.
  public let keyPEM: String
  /// The chain's certificates in DER, leaf first.
  public let chainDER: [[UInt8]]

  /// The pin devices hold: of the last certificate of the chain.
  public var pin: CertificatePin { CertificatePin(certificateDER: chainDER[chainDER.count - 1]) }

  /// How long a certificate `township init` makes is valid: ten years, since a device
  /// checks the pin, not the dates, and a replacement means enrolling every device again.
  public static let validity: TimeInterval = 10 * 365 * 86_400

  /// Reads a key and a chain in PEM and checks that they belong together: the key is the
  /// first certificate's, and the last certificate is self-signed, so it can be pinned.
  public init(certificatePEM: String, keyPEM: String) throws(ServerIdentityError) {
    let chain: [Certificate]
    do {
      chain = try PEMDocument.parseMultiple(pemString: certificatePEM).map {
        try Certificate(pemDocument: $0)
      }
    } catch {
      throw ServerIdentityError("the certificate file is not PEM certificates (\(error))")
    }
    guard let leaf = chain.first, let root = chain.last else {
      throw ServerIdentityError("the certificate file holds no certificate")
    }
    let key: Certificate.PrivateKey
    do { key = try Certificate.PrivateKey(pemEncoded: keyPEM) } catch {
      throw ServerIdentityError("the key file is not a PEM private key (\(error))")
    }
    guard key.publicKey == leaf.publicKey else {
      throw ServerIdentityError(
        "the key does not match the certificate: the key file must hold the private key of the certificate file's first certificate"
      )
    }
    guard root.issuer == root.subject else {
      throw ServerIdentityError(
        "the certificate file's last certificate is not self-signed: give the whole chain, up to and including its root, which devices pin"
      )
    }
    self.certificatePEM = certificatePEM
    self.keyPEM = keyPEM
    do {
      chainDER = try chain.map { certificate in
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return serializer.serializedBytes
      }
    } catch {
      throw ServerIdentityError("a certificate does not encode again as DER (\(error))")
    }
  }

  /// A new P-256 key and a self-signed certificate for `hostnames`: each a DNS name, or an
  /// IP address for an IPv4 or IPv6 literal.
  public static func generate(hostnames: [String], now: Date = Date()) throws(ServerIdentityError)
    -> ServerIdentity
  {
    guard let first = hostnames.first else {
      throw ServerIdentityError("give at least one --hostname")
    }
    let key = P256.Signing.PrivateKey()
    do {
      let name = try DistinguishedName {
        CommonName(first)
        OrganizationName("Liaison township")
      }
      // A CA's constraints and key usage besides the server's: BoringSSL takes a pinned
      // certificate as a trust anchor only if it may sign certificates.
      let extensions = try Certificate.Extensions {
        Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
        Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
        try ExtendedKeyUsage([.serverAuth])
        SubjectAlternativeNames(hostnames.map(Self.generalName))
      }
      let certificate = try Certificate(
        version: .v3, serialNumber: Certificate.SerialNumber(),
        publicKey: Certificate.PublicKey(key.publicKey),
        notValidBefore: now.addingTimeInterval(-3600),
        notValidAfter: now.addingTimeInterval(validity), issuer: name, subject: name,
        signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
        issuerPrivateKey: Certificate.PrivateKey(key))
      return try ServerIdentity(
        certificatePEM: certificate.serializeAsPEM().pemString, keyPEM: key.pemRepresentation)
    } catch let error as ServerIdentityError {
      throw error
    } catch {
      throw ServerIdentityError("cannot make the certificate (\(error))")
    }
  }

  /// The server's side of TLS: this chain and key, TLS 1.2 and later.
  public func serverConfiguration() throws(ServerIdentityError) -> TLSConfiguration {
    do {
      let chain = try chainDER.map {
        NIOSSLCertificateSource.certificate(try NIOSSLCertificate(bytes: $0, format: .der))
      }
      let key = try NIOSSLPrivateKey(bytes: Array(keyPEM.utf8), format: .pem)
      return TLSConfiguration.makeServerConfiguration(
        certificateChain: chain, privateKey: .privateKey(key))
    } catch {
      throw ServerIdentityError("TLS does not accept this certificate or key (\(error))")
    }
  }

  private static func generalName(_ host: String) -> GeneralName {
    var v4 = in_addr()
    if inet_pton(AF_INET, host, &v4) == 1 {
      return .ipAddress(ASN1OctetString(contentBytes: withUnsafeBytes(of: &v4) { Array($0)[...] }))
    }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, host, &v6) == 1 {
      return .ipAddress(ASN1OctetString(contentBytes: withUnsafeBytes(of: &v6) { Array($0)[...] }))
    }
    return .dnsName(host)
  }
}

/// A TLS key or certificate that cannot serve: one line saying what is wrong.
public struct ServerIdentityError: Error, Equatable, CustomStringConvertible {
  public let description: String

  public init(_ description: String) {
    self.description = description
  }
}
