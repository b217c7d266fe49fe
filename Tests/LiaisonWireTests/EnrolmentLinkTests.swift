import Foundation
import LiaisonWire
import Testing

/// The enrolment link reads back what it writes, and a malformed one is refused saying what
/// is wrong, before anything connects.
@Suite struct EnrolmentLinkTests {
  let pin = CertificatePin(certificateDER: [0x30, 0x03, 0x02, 0x01, 0x01])

  @Test func aLinkReadsBackWhatItWrites() throws {
    let link = try EnrolmentLink(server: "https://192.168.1.10:8080", code: "k7m2p9qr", pin: pin)
    #expect(link.description == "https://192.168.1.10:8080/enrol#code=k7m2p9qr&pin=\(pin)")
    #expect(try EnrolmentLink(parsing: link.description) == link)
    #expect(try EnrolmentLink(parsing: "  \(link)\n") == link)
    let plain = try EnrolmentLink(server: "http://127.0.0.1:8080/", code: "abc", pin: nil)
    #expect(plain.description == "http://127.0.0.1:8080/enrol#code=abc")
    #expect(try EnrolmentLink(parsing: plain.description) == plain)
  }

  @Test func aPinReadsInEitherCaseAndWritesInLowerCase() throws {
    let upper = "sha256:" + String(pin.description.dropFirst(7)).uppercased()
    #expect(CertificatePin(upper) == pin)
    #expect(CertificatePin(pin.description)?.description == pin.description)
    #expect(CertificatePin("sha256:abc") == nil)
    #expect(CertificatePin("sha1:" + String(repeating: "a", count: 64)) == nil)
    #expect(CertificatePin("sha256:" + String(repeating: "g", count: 64)) == nil)
  }

  @Test(arguments: [
    ("https://h:1/enrol", "no #code="),
    ("https://h:1/join#code=abc&pin=PIN", "ends in /enrol"),
    ("https://h:1/enrol#pin=PIN", "no code="),
    ("https://h:1/enrol#code=abc", "needs its certificate's pin"),
    ("https://h:1/enrol#code=abc&pin=sha256:12", "pin must be sha256:"),
    ("http://h:1/enrol#code=abc&pin=PIN", "a pin belongs to an https:// server"),
    ("ftp://h:1/enrol#code=abc", "must start with https://"),
    ("https:///enrol#code=abc&pin=PIN", "has no host"),
    ("https://h:1/enrol#code=a b&pin=PIN", "letters and digits"),
  ])
  func aMalformedLinkIsRefusedSayingWhy(link: String, reason: String) {
    let text = link.replacingOccurrences(of: "PIN", with: pin.description)
    #expect {
      try EnrolmentLink(parsing: text)
    } throws: { error in
      (error as? EnrolmentLinkError)?.description.contains(reason) == true
    }
  }

  @Test func parametersOfALaterVersionAreIgnored() throws {
    let link = try EnrolmentLink(parsing: "https://h:1/enrol#v=2&code=abc&pin=\(pin)&name=x")
    #expect(link.code == "abc" && link.pin == pin && link.server == "https://h:1")
  }
}
