import Foundation
import GRDB
import LiaisonStore
import LiaisonTestKit
import LiaisonTestScratch
import Testing

/// TLS through the real binaries: a device trusts the certificate its enrolment link pins
/// and nothing else, refuses every other with one line naming both fingerprints, and stores
/// nothing when it refuses.
@Suite(.serialized, .scratch) struct PinningTests {
  /// A pin in the form the server prints, for the certificate no server here has.
  static let strangerPin = "sha256:" + String(repeating: "0", count: 64)

  func device(_ name: String = "李伟") throws -> CommandLineRunner {
    let device = CommandLineRunner()
    #expect(try device.run("init", "--name", name, "--village", "东村").succeeded)
    return device
  }

  func serverLink(_ device: CommandLineRunner) throws -> ServerLink? {
    try ReplicaStore.open(in: device.home).serverLink()
  }

  @Test func aWrongPinIsRefusedNamingBothFingerprintsAndNothingIsStored() throws {
    let server = try TownshipProcess()
    let link = try server.enrolmentLink(name: "李伟", villages: ["东村"])
    let device = try device()
    let wrong = link.replacingOccurrences(of: server.pin, with: Self.strangerPin)
    let refused = try device.run("enroll", wrong)
    #expect(!refused.succeeded && refused.errorLines.count == 1, "\(refused.error)")
    #expect(refused.error.contains(Self.strangerPin), "\(refused.error)")
    #expect(refused.error.contains(server.pin), "\(refused.error)")
    #expect(try serverLink(device) == nil)
    // Nothing reached the server: the code is still good, with the right pin.
    let enrolled = try device.run("enroll", link)
    #expect(enrolled.succeeded, "\(enrolled.error)")
    let pinned = try #require(try serverLink(device)?.certificate)
    #expect(!pinned.isEmpty)
    #expect(server.stop() == 0)
  }

  /// The same address, now answered by a server with another certificate (a machine in the
  /// middle, or a township that replaced its certificate without telling its devices).
  @Test func aServerPresentingAnotherCertificateIsRefusedUntilTheDeviceRepins() throws {
    let server = try TownshipProcess()
    let device = try device()
    #expect(
      try device.run("enroll", try server.enrolmentLink(name: "李伟", villages: ["东村"])).succeeded)
    _ = try device.record()
    #expect(try device.run("sync").succeeded)
    let token = server.server.adminToken
    let original = server.pin
    #expect(server.stop() == 0)

    // Another server with its own certificate, over a store of its own.
    let impostor = try TownshipServer(
      binary: TownshipProcess.binary, directory: ScratchDirectory.path("impostor"))
    try pointDevice(device, at: impostor.url)
    _ = try device.record("第二")
    let before = try device.snapshot()
    let refused = try device.run("sync")
    #expect(!refused.succeeded && refused.errorLines.count == 1, "\(refused.error)")
    #expect(refused.error.contains(original), "\(refused.error)")
    #expect(refused.error.contains(try #require(impostor.pin)), "\(refused.error)")
    #expect(try device.snapshot() == before)
    #expect(try device.run("status").output.contains("1 not yet sent"))
    // Repinning to a certificate the server does not present is refused the same way.
    let stranger = try device.run("repin", Self.strangerPin)
    #expect(!stranger.succeeded && stranger.error.contains(Self.strangerPin))
    // And repinning to the impostor's own: its server does not know this device's token.
    let unknown = try device.run("repin", try #require(impostor.pin))
    #expect(!unknown.succeeded && unknown.error.contains("refused"), "\(unknown.error)")
    #expect(try serverLink(device)?.url == impostor.url)
    impostor.stop()

    // The township itself with a new certificate: its own store, its tls files replaced.
    for name in ["tls-key.pem", "tls-certificate.pem"] {
      try FileManager.default.removeItem(
        atPath: (server.home as NSString).appendingPathComponent(name))
    }
    let renewed = try ServeLaunch.start(binary: TownshipProcess.binary, directory: server.home)
    defer {
      renewed.process.terminate()
      renewed.process.waitUntilExit()
    }
    let newPin = try #require(renewed.pin)
    #expect(newPin != original)
    try pointDevice(device, at: renewed.url)
    #expect(!(try device.run("sync").succeeded))
    let repinned = try device.run("repin", newPin)
    #expect(repinned.succeeded, "\(repinned.error)")
    let synced = try device.run("sync")
    #expect(synced.succeeded && synced.output.contains("sent 1"), "\(synced.error)")
    // The administrator pins the new certificate the same way.
    let login = try TownshipProcess.run(
      ["login", "--server", renewed.url, "--pin", newPin, "--token", token],
      environment: ["TOWNSHIP_HOME": ScratchDirectory.path("admin")])
    #expect(login.succeeded, "\(login.error)")
  }

  /// Moves the device's server link to `url`, as if its server's address now led elsewhere.
  func pointDevice(_ device: CommandLineRunner, at url: String) throws {
    try DatabaseQueue(path: (device.home as NSString).appendingPathComponent(ReplicaStore.fileName))
      .write { db in try db.execute(sql: "UPDATE peer SET url = ?", arguments: [url]) }
  }

  @Test func plainHTTPToATLSServerAndHTTPSToAPlainOneAreClearErrors() throws {
    let tls = try TownshipProcess()
    let device = try device()
    let code = try tls.enrollmentCode(name: "李伟", villages: ["东村"])
    let plainToTLS = try device.run(
      "enroll", "--server", tls.url.replacingOccurrences(of: "https://", with: "http://"),
      "--code", code)
    #expect(!plainToTLS.succeeded && plainToTLS.errorLines.count == 1, "\(plainToTLS.error)")
    #expect(plainToTLS.error.contains("speaks TLS"), "\(plainToTLS.error)")
    let unpinned = try device.run("enroll", "--server", tls.url, "--code", code)
    #expect(unpinned.error.contains("needs its certificate's pin"), "\(unpinned.error)")
    #expect(try serverLink(device) == nil)
    #expect(tls.stop() == 0)

    let plain = try TownshipServer(
      binary: TownshipProcess.binary, directory: ScratchDirectory.path("plain"), insecureHTTP: true)
    #expect(plain.url.hasPrefix("http://") && plain.pin == nil)
    let tlsToPlain = try device.run(
      "enroll", "--server", plain.url.replacingOccurrences(of: "http://", with: "https://"),
      "--code", code, "--pin", Self.strangerPin)
    #expect(!tlsToPlain.succeeded && tlsToPlain.errorLines.count == 1, "\(tlsToPlain.error)")
    #expect(tlsToPlain.error.contains("does not speak TLS"), "\(tlsToPlain.error)")
    #expect(try serverLink(device) == nil)
    // A plain server's link has no pin, and works.
    let link = try TownshipProcess.run(
      ["enroll", "--name", "李伟", "--village", "东村", "--server", plain.url, "--format", "link"],
      environment: [
        "TOWNSHIP_TOKEN": plain.adminToken, "TOWNSHIP_HOME": ScratchDirectory.path("a"),
      ])
    let text = link.output.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(text.hasPrefix("\(plain.url)/enrol#code=") && !text.contains("pin="), "\(link)")
    #expect(try device.run("enroll", text).succeeded)
    #expect(try serverLink(device)?.certificate == nil)
    #expect(try device.run("sync").succeeded)
  }

  @Test func anExpiredOrUsedLinkIsRefused() throws {
    let server = try TownshipProcess()
    let link = try server.enrolmentLink(name: "李伟", villages: ["东村"])
    #expect(try device().run("enroll", link).succeeded)
    let second = try device("王芳")
    let used = try second.run("enroll", link)
    #expect(!used.succeeded && used.errorLines.count == 1, "\(used.error)")
    #expect(used.error.contains("already used or expired"), "\(used.error)")
    #expect(try serverLink(second) == nil)

    let expired = try TownshipStore.open(in: server.home).issueEnrollment(
      name: "王芳", villages: ["东村"], lifetime: 1, by: "administrator", now: 0)
    let stale = try second.run(
      "enroll", "\(server.url)/enrol#code=\(expired.code)&pin=\(server.pin)")
    #expect(!stale.succeeded && stale.error.contains("already used or expired"), "\(stale.error)")
    #expect(try serverLink(second) == nil)
    // Enrolling an enrolled device again is refused, pointing to `repin`.
    let first = try device("张三")
    #expect(
      try first.run("enroll", try server.enrolmentLink(name: "张三", villages: ["东村"])).succeeded)
    let again = try first.run("enroll", try server.enrolmentLink(name: "张三", villages: ["东村"]))
    #expect(!again.succeeded && again.error.contains("liaison repin"), "\(again.error)")
    #expect(server.stop() == 0)
  }

  @Test func insecureHTTPOnAnAddressOthersReachNeedsItsOwnFlag() throws {
    let store = ScratchDirectory.path("insecure")
    let refused = try TownshipProcess.run(
      ["serve", "--store", store, "--insecure-http", "--host", "0.0.0.0", "--port", "0"],
      environment: [:])
    #expect(!refused.succeeded)
    #expect(refused.error.contains("--allow-remote-insecure-http"), "\(refused.error)")
    #expect(!FileManager.default.fileExists(atPath: store))
  }

  /// A store made before TLS has no certificate: the next start makes one and says so. Plain
  /// HTTP says loudly that it is.
  @Test func aStoreWithoutACertificateGetsOneAndPlainHTTPWarns() throws {
    let store = ScratchDirectory.path("before-tls")
    let log = ScratchDirectory.path("log")
    let plain = try ServeLaunch.start(
      binary: TownshipProcess.binary, directory: store, log: log, insecureHTTP: true)
    plain.process.terminate()
    plain.process.waitUntilExit()
    let warned = try String(contentsOfFile: log, encoding: .utf8)
    #expect(warned.contains("WARNING: serving plain HTTP"), "\(warned)")
    #expect(warned.contains("warning") && warned.contains("--insecure-http"), "\(warned)")
    #expect(!FileManager.default.fileExists(atPath: store + "/tls-certificate.pem"))

    let secure = try ServeLaunch.start(binary: TownshipProcess.binary, directory: store, log: log)
    secure.process.terminate()
    secure.process.waitUntilExit()
    #expect(secure.url.hasPrefix("https://") && secure.pin != nil)
    let noticed = try String(contentsOfFile: log, encoding: .utf8)
    #expect(
      noticed.contains("notice") && noticed.contains("created the server's TLS key"), "\(noticed)")
  }

  @Test func initWritesTheKeyAndCertificateForTheOwnerOnlyAndPrintsThePin() throws {
    let store = ScratchDirectory.path("init")
    let created = try TownshipProcess.run(
      ["init", "--store", store, "--hostname", "township.local", "--hostname", "192.168.1.10"],
      environment: [:])
    #expect(created.succeeded, "\(created.error)")
    let pin = try #require(
      created.output.range(of: #"sha256:[0-9a-f]{64}"#, options: .regularExpression))
    for name in ["tls-key.pem", "tls-certificate.pem"] {
      let path = (store as NSString).appendingPathComponent(name)
      #expect(
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
    }
    // The server serves with that certificate.
    let serving = try ServeLaunch.start(binary: TownshipProcess.binary, directory: store)
    serving.process.terminate()
    serving.process.waitUntilExit()
    #expect(serving.pin == String(created.output[pin]))
  }

  @Test func anOperatorsCertificateIsTakenOnlyWithItsOwnKey() throws {
    // Two key pairs to mix up, made as an operator might have.
    let (one, other) = (ScratchDirectory.path("one"), ScratchDirectory.path("other"))
    for store in [one, other] {
      #expect(try TownshipProcess.run(["init", "--store", store], environment: [:]).succeeded)
    }
    let file = { (store: String, name: String) in (store as NSString).appendingPathComponent(name) }
    let mixed = ScratchDirectory.path("mixed")
    let refused = try TownshipProcess.run(
      [
        "init", "--store", mixed, "--tls-cert", file(one, "tls-certificate.pem"), "--tls-key",
        file(other, "tls-key.pem"),
      ], environment: [:])
    #expect(!refused.succeeded && refused.errorLines.count == 1, "\(refused.error)")
    #expect(refused.error.contains("the key does not match the certificate"), "\(refused.error)")
    #expect(!FileManager.default.fileExists(atPath: mixed))

    let own = ScratchDirectory.path("own")
    let taken = try TownshipProcess.run(
      [
        "init", "--store", own, "--tls-cert", file(one, "tls-certificate.pem"), "--tls-key",
        file(one, "tls-key.pem"),
      ], environment: [:])
    #expect(taken.succeeded, "\(taken.error)")
    let certificate = { (store: String) in
      FileManager.default.contents(atPath: file(store, "tls-certificate.pem"))
    }
    #expect(certificate(own) == certificate(one))
  }
}
