import LiaisonTransport
import LiaisonWire
import Testing
import X509

/// The server's key and certificate: made with the names asked for, read back from PEM, and
/// refused when the key is not the certificate's or the chain ends without its root.
@Suite struct ServerIdentityTests {
  @Test func aNewCertificateNamesItsHostsAndIsItsOwnPin() throws {
    let identity = try ServerIdentity.generate(hostnames: ["township.local", "192.168.1.10", "::1"])
    let certificate = try Certificate(pemEncoded: identity.certificatePEM)
    let names = try #require(try certificate.extensions.subjectAlternativeNames)
    #expect(names.contains(.dnsName("township.local")))
    #expect(names.contains(.ipAddress(.init(contentBytes: [192, 168, 1, 10]))))
    #expect(names.contains(.ipAddress(.init(contentBytes: Array(repeating: 0, count: 15) + [1]))))
    #expect(certificate.issuer == certificate.subject)
    #expect(identity.chainDER.count == 1)
    #expect(identity.pin == CertificatePin(certificateDER: identity.chainDER[0]))
    #expect(identity.pin.description.count == "sha256:".count + 64)
    let validYears =
      certificate.notValidAfter.timeIntervalSince(certificate.notValidBefore) / 86_400
      / 365
    #expect(validYears > 9.9)
  }

  @Test func theFilesReadBackAsTheSameIdentity() throws {
    let identity = try ServerIdentity.generate(hostnames: ["localhost"])
    let again = try ServerIdentity(certificatePEM: identity.certificatePEM, keyPEM: identity.keyPEM)
    #expect(again.chainDER == identity.chainDER)
    #expect(again.pin == identity.pin)
  }

  @Test func aKeyOfAnotherCertificateIsRefused() throws {
    let one = try ServerIdentity.generate(hostnames: ["localhost"])
    let other = try ServerIdentity.generate(hostnames: ["localhost"])
    #expect {
      try ServerIdentity(certificatePEM: one.certificatePEM, keyPEM: other.keyPEM)
    } throws: { error in
      "\(error)".contains("the key does not match the certificate")
    }
  }

  @Test func filesThatAreNotPEMAreRefused() throws {
    let one = try ServerIdentity.generate(hostnames: ["localhost"])
    #expect(throws: ServerIdentityError.self) {
      try ServerIdentity(certificatePEM: "not a certificate", keyPEM: one.keyPEM)
    }
    #expect(throws: ServerIdentityError.self) {
      try ServerIdentity(certificatePEM: one.certificatePEM, keyPEM: "not a key")
    }
  }
}
