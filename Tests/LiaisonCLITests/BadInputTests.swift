import Foundation
import GRDB
import LiaisonTestScratch
import Testing

/// Every bad input gets one line naming the problem, a non-zero exit, and an unchanged store.
@Suite(.scratch) struct BadInputTests {
  let cli = CommandLineRunner()

  /// Runs a command that must be refused and checks the store did not change.
  func expectRefused(_ arguments: [String], mentioning phrase: String) throws {
    let before = try cli.snapshot()
    let outcome = try cli.run(arguments)
    #expect(!outcome.succeeded, "\(arguments) succeeded")
    #expect(outcome.errorLines.count == 1, "\(arguments): \(outcome.error)")
    #expect(outcome.error.contains(phrase), "\(arguments): \(outcome.error)")
    #expect(try cli.snapshot() == before, "\(arguments) changed the store")
  }

  @Test func noStoreYetSaysToRunInit() throws {
    let outcome = try cli.run("list")
    #expect(outcome.status != 0)
    #expect(outcome.errorLines.count == 1)
    #expect(outcome.error.contains("run `liaison init"))
    #expect(!FileManager.default.fileExists(atPath: cli.home))
  }

  /// A key file others may read stops every command, naming the file and the fix; nothing is
  /// written, and the key is not used.
  @Test func aSigningKeyFileOthersCanReadIsRefused() throws {
    try cli.initialize()
    let keyFile = (cli.home as NSString).appendingPathComponent("signing-key.pem")
    #expect(FileManager.default.fileExists(atPath: keyFile))
    let mode = try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile)
    try expectRefused(["new", "--category", "dispute", "--title", "水渠纠纷"], mentioning: keyFile)
    #expect(try cli.run("list").error.contains("chmod 600"))
  }

  @Test func unknownAndAmbiguousIdsAreNamed() throws {
    try cli.initialize()
    var ids: [String] = []
    // Seventeen ids must share a first hexadecimal digit somewhere.
    for index in 0..<17 { ids.append(try cli.record("报告 \(index)")) }
    let shared = Dictionary(grouping: ids, by: { $0.prefix(1) }).first { $0.value.count > 1 }!.key
    try expectRefused(["show", String(shared)], mentioning: "report ids start with \"\(shared)\"")
    let unused = "0123456789abcdef".first { digit in
      !ids.contains { $0.hasPrefix("\(digit)\(digit)\(digit)") }
    }!
    try expectRefused(
      ["edit", "\(unused)\(unused)\(unused)", "--status", "closed"],
      mentioning: "no report id starts with")
    try expectRefused(["note", "not-an-id!", "x"], mentioning: "is not a report id")
  }

  @Test func invalidValuesNameTheFieldAndWhatIsAllowed() throws {
    try cli.initialize()
    let id = try cli.record()
    try expectRefused(
      ["edit", id, "--urgency", "critical"], mentioning: "urgent, high, normal, low")
    try expectRefused(
      ["new", "--category", "fire", "--title", "x"], mentioning: "category \"fire\" is not allowed")
    try expectRefused(
      ["edit", id, "--title", String(repeating: "长", count: 201)],
      mentioning: "at most 200 characters")
    try expectRefused(["edit", id, "--due", "2026-02-30"], mentioning: "YYYY-MM-DD")
    try expectRefused(["edit", id, "--coordinates", "95,10"], mentioning: "latitude -90 to 90")
    try expectRefused(
      ["new", "--village", "北村", "--category", "visit", "--title", "x"],
      mentioning: "not enrolled for village \"北村\"")
    try expectRefused(["new", "--title", "only a title"], mentioning: "--category")
    try expectRefused(["edit", id], mentioning: "nothing to change")
  }

  @Test func aSecondInitRefusesToOverwrite() throws {
    try cli.initialize()
    _ = try cli.record()
    try expectRefused(["init", "--name", "王芳", "--village", "南湾"], mentioning: "already exists")
  }

  @Test func aCorruptStoreFileIsNamedAndLeftAlone() throws {
    try FileManager.default.createDirectory(atPath: cli.home, withIntermediateDirectories: true)
    let file = (cli.home as NSString).appendingPathComponent("liaison.sqlite")
    let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    _ = FileManager.default.createFile(atPath: file, contents: garbage)
    for command in [
      ["list"], ["new", "--category", "visit", "--title", "x"],
      ["init", "--name", "a", "--village", "b"],
    ] {
      let outcome = try cli.run(command)
      #expect(!outcome.succeeded)
      #expect(outcome.errorLines.count == 1, "\(outcome.error)")
      #expect(outcome.error.contains("not a usable Liaison store"), "\(command): \(outcome.error)")
    }
    #expect(FileManager.default.contents(atPath: file) == garbage)
  }

  @Test func aStoreFromANewerVersionIsNotTouched() throws {
    try cli.initialize()
    _ = try cli.record()
    let file = (cli.home as NSString).appendingPathComponent("liaison.sqlite")
    let database = try DatabaseQueue(path: file)
    try database.write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2: from the future')")
    }
    try database.close()
    for command in [["list"], ["new", "--category", "visit", "--title", "x"]] {
      let outcome = try cli.run(command)
      #expect(!outcome.succeeded)
      #expect(outcome.error.contains("written by a newer version"), "\(command): \(outcome.error)")
    }
  }

  /// A misspelt log level is refused with the list, before anything is created or served.
  @Test func townshipServeRefusesAnUnknownLogLevel() throws {
    let store = ScratchDirectory.path("township")
    let child = Process()
    child.executableURL = CommandLineRunner.binary.deletingLastPathComponent()
      .appendingPathComponent("township")
    child.arguments = ["serve", "--store", store, "--port", "0", "--log-level", "loud"]
    let errors = Pipe()
    child.standardError = errors
    child.standardOutput = Pipe()
    try child.run()
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    child.waitUntilExit()
    #expect(child.terminationStatus != 0)
    #expect(text.contains("'loud' is invalid") && text.contains("warning"), "\(text)")
    #expect(!FileManager.default.fileExists(atPath: store))
  }
}
