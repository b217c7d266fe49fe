import Foundation
import LiaisonTestScratch
import Testing

/// Both command lines in Chinese, through the real binaries: people read whole Chinese
/// sentences, and scripts read the same bytes whatever the locale.
@Suite(.serialized, .scratch) struct LanguageTests {
  /// The environments a script may run under: English, Chinese by `LIAISON_LANG`, and
  /// Chinese by the POSIX locale alone (an empty `LIAISON_LANG` is no choice).
  static let locales: [[String: String]] = [
    ["LIAISON_LANG": "en"], ["LIAISON_LANG": "zh-Hans"],
    ["LIAISON_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"],
  ]
  static let chinese = ["LIAISON_LANG": "zh-Hans"]

  /// A township with two devices that disagree on one report's title, after syncing.
  struct Township {
    let server: TownshipProcess
    let a: CommandLineRunner
    let b: CommandLineRunner
    let report: String

    /// Runs a `township` command as the administrator in the given locale.
    func township(_ arguments: [String], _ locale: [String: String]) throws
      -> CommandLineRunner.Outcome
    {
      try server.run(
        arguments + ["--server", server.url],
        environment: ["TOWNSHIP_TOKEN": server.server.adminToken].merging(locale) { $1 })
    }
  }

  func township() throws -> Township {
    let server = try TownshipProcess()
    let a = try LiveSyncTests().enrolledDevice(server, name: "李伟")
    let b = try LiveSyncTests().enrolledDevice(server, name: "王芳")
    let report = try a.record("水渠纠纷", "--details", "两户争用水渠", "--due", "2026-03-09")
    _ = try a.run("note", report, "已电话联系双方")
    for device in [a, b] { #expect(try device.run("sync").succeeded) }
    #expect(try a.run("edit", report, "--title", "东渠纠纷", "--status", "in_progress").succeeded)
    #expect(try b.run("edit", report, "--title", "西渠纠纷").succeeded)
    for device in [a, b, a] { #expect(try device.run("sync").succeeded) }
    return Township(server: server, a: a, b: b, report: report)
  }

  /// The same command's output in every locale; it must succeed and not be empty.
  func outputs(_ run: ([String: String]) throws -> CommandLineRunner.Outcome) throws -> [String] {
    try Self.locales.map { locale in
      let outcome = try run(locale)
      #expect(outcome.succeeded, "\(locale): \(outcome.error)")
      #expect(!outcome.output.isEmpty)
      return outcome.output
    }
  }

  @Test func scriptsReadTheSameBytesInEveryLocale() throws {
    let town = try township()
    let short = String(town.report.prefix(8))
    let device: [[String]] = [
      ["list", "--format", "json"], ["list", "--all", "--format", "json"],
      ["show", short, "--format", "json"], ["show", short, "--history", "--format", "json"],
      ["status", "--format", "json"], ["status", "--refused", "--format", "json"],
      ["export", "--format", "json"], ["export", "--format", "csv"],
    ]
    for arguments in device {
      let seen = try outputs { try town.a.run(arguments, environment: $0) }
      #expect(Set(seen).count == 1, "liaison \(arguments.joined(separator: " ")) differs")
    }
    // The audit trail first: `township export` adds an entry to it.
    let administrator: [[String]] = [
      ["audit", "--format", "json"], ["audit", short, "--format", "json"],
      ["reports", "--format", "json"], ["reports", "--conflicted", "--format", "json"],
      ["conflicts", "--format", "json"], ["conflict", "show", short, "--format", "json"],
      ["devices", "--format", "json"], ["export", "--format", "json"],
      ["export", "--format", "csv"],
    ]
    for arguments in administrator {
      let seen = try outputs { try town.township(arguments, $0) }
      #expect(Set(seen).count == 1, "township \(arguments.joined(separator: " ")) differs")
    }
    #expect(town.server.stop() == 0)
    let verify = try outputs { locale in
      try TownshipProcess.run(
        ["verify", "--store", town.server.home, "--format", "json"], environment: locale)
    }
    #expect(Set(verify).count == 1, "township verify --format json differs")
  }

  @Test func chineseReadsAsChineseWithoutPastedEnglish() throws {
    let town = try township()
    let short = String(town.report.prefix(8))
    var said: [(String, CommandLineRunner.Outcome)] = []
    func device(_ arguments: String...) throws {
      let arguments = arguments.filter { !$0.isEmpty }
      let outcome = try town.a.run(arguments, environment: Self.chinese)
      said.append(("liaison " + arguments.joined(separator: " "), outcome))
    }
    func administrator(_ arguments: String...) throws {
      let arguments = arguments.filter { !$0.isEmpty }
      let outcome = try town.township(arguments, Self.chinese)
      said.append(("township " + arguments.joined(separator: " "), outcome))
    }
    for command in [
      "", "init", "new", "edit", "note", "delete", "restore", "list", "show", "status", "export",
      "enroll", "repin", "sync",
    ] {
      try device(command, "--help")
    }
    try device("list")
    try device("show", short)
    try device("show", short, "--history")
    try device("status")
    try device("status", "--refused")
    try device("new", "--category", "fight", "--title", "x")
    try device("new", "--title", "x", "--due", "2026-02-30")
    try device("edit", short)
    try device("show", "zz")
    try device("show", "0000")
    try device("list", "--limit=-1")
    try device("enroll", "--server", "https://127.0.0.1:1", "--code", "abc", "--pin", "nonsense")
    try device("sync", "--batch-size", "0")
    try device("note", short, "已到现场核实")
    try device("edit", short, "--assignee", "张主任", "--urgency", "high")
    try device("export", "--format", "csv", "--output", ScratchDirectory.path("export") + ".csv")
    for command in [
      "", "init", "serve", "login", "enroll", "conflicts", "conflict", "resolve", "reports",
      "export", "devices", "revoke", "audit", "admin", "verify", "migrate", "summary",
    ] {
      try administrator(command, "--help")
    }
    try administrator("conflict", "show", "--help")
    try administrator("reports")
    try administrator("conflicts")
    try administrator("conflict", "show", short)
    try administrator("devices")
    try administrator("audit")
    try administrator("audit", short)
    try administrator("resolve", short)
    try administrator("resolve", short, "--field", "title", "--pick", "9")
    try administrator("resolve", short, "--field", "title", "--pick", "1", "--reason", "甲方核实")
    try administrator("revoke", "nobody", "--reason", "测试")
    try administrator("enroll", "--name", "赵六", "--village", "南村", "--hours", "0")

    for (command, outcome) in said {
      let text = outcome.output + outcome.error
      let chinese = text.contains { $0.isChineseCharacter }
      #expect(chinese, "\(command) says no Chinese:\n\(text)")
      let english = EnglishWords.pasted(in: text)
      #expect(english.isEmpty, "\(command) pastes English \(english):\n\(text)")
    }
  }

  @Test func theCheckFindsAPastedEnglishFragment() {
    #expect(EnglishWords.pasted(in: "事项 3f2a9c1e（已删除）") == [])
    #expect(EnglishWords.pasted(in: "事项 3f2a9c1e (deleted)") == ["deleted"])
    #expect(EnglishWords.pasted(in: "Updated 3f2a9c1e：标题") == ["Updated"])
    #expect(EnglishWords.pasted(in: "错误：category \"fight\" is not allowed").contains("allowed"))
    #expect(EnglishWords.pasted(in: "用 `liaison restore 3f2a` 可以恢复；--category dispute") == [])
  }

  @Test func theLocaleChoosesAndLiaisonLangWins() throws {
    let device = CommandLineRunner()
    let posix = ["LIAISON_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"]
    #expect(try device.run(["--help"], environment: posix).output.contains("登记、管理各村的事项"))
    let english = posix.merging(["LIAISON_LANG": "en"]) { $1 }
    #expect(try device.run(["--help"], environment: english).output.contains("Record and manage"))
    let overridden = posix.merging(["LC_ALL": "C"]) { $1 }
    #expect(
      try device.run(["--help"], environment: overridden).output.contains("Record and manage"))
    let township = try TownshipProcess.run(["--help"], environment: posix)
    #expect(township.output.contains("运行乡镇的 Liaison 同步服务器"))
  }

  @Test func englishIsAsBefore() throws {
    let device = CommandLineRunner()
    try device.initialize()
    let refused = try device.run("new", "--category", "fight", "--title", "x")
    #expect(
      refused.error
        == "Error: category \"fight\" is not allowed; use one of: hazard, dispute, assistance, grievance, visit, other\n"
    )
    let id = try device.record()
    let shown = try device.run("show", String(id.prefix(8)))
    #expect(shown.output.contains("\ncategory: dispute\n"), "\(shown.output)")
    #expect(shown.output.contains("\nstatus:   open\n"), "\(shown.output)")
    let listed = try device.run("list")
    #expect(listed.output.hasPrefix("ID "), "\(listed.output)")
  }
}

/// Finding English words in what a Chinese command line said.
enum EnglishWords {
  /// Words of three or more Latin letters that are not commands, flags, values people
  /// type, names of formats and standards, or ArgumentParser's own (USAGE, OPTIONS...).
  static func pasted(in text: String) -> [String] {
    var found: [String] = []
    for line in text.split(separator: "\n") {
      var line = String(line)
      // ArgumentParser's own words and lines, which stay English (the README says so).
      for own in argumentParserWords { line = line.replacingOccurrences(of: own, with: " ") }
      // Examples and commands: `...` spans and lines that are a command.
      line = line.replacing(/`[^`]*`/, with: " ")
      let trimmed = line.drop(while: { $0 == " " })
      if trimmed.hasPrefix("liaison ") || trimmed.hasPrefix("township ") { continue }
      for token in line.split(whereSeparator: { $0.isWhitespace || $0.isChineseText }) {
        // Technical tokens: flags, paths, URLs, ids, pins, file names, `in_progress`.
        if token.contains(where: { "-/$:=#@_.<>'~\\".contains($0) || $0.isNumber }) { continue }
        for word in token.split(whereSeparator: { !($0.isASCII && $0.isLetter) })
        where word.count >= 3 && !allowed.contains(String(word)) {
          found.append(String(word))
        }
      }
    }
    return found
  }

  static let argumentParserWords = [
    "OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "Show help information.",
    "for detailed help.", "See '", "(default: ", "(values: ", "<subcommand>",
  ]

  /// Latin words a Chinese sentence rightly keeps.
  static let allowed: Set<String> = [
    // Commands and subcommands.
    "liaison", "township", "init", "new", "edit", "note", "delete", "restore", "list", "show",
    "status", "export", "enroll", "repin", "sync", "serve", "login", "conflicts", "conflict",
    "resolve", "reports", "devices", "revoke", "audit", "admin", "add", "verify", "migrate",
    "summary",
    "help",
    // Values people type, formats and the fields `--field` takes.
    "hazard", "dispute", "assistance", "grievance", "visit", "other", "urgent", "high",
    "normal", "low", "open", "resolved", "closed", "json", "csv", "table", "link", "yes",
    "village", "category", "title", "details", "urgency", "location", "parties", "assignee",
    "due", "trace", "debug", "info", "notice", "warning", "error", "critical",
    // Names of standards, products and placeholders in examples.
    "CSV", "JSON", "UTF", "BOM", "RFC", "HTTPS", "HTTP", "TLS", "PEM", "SQLite", "Liaison",
    "PostgreSQL", "Unicode", "NFC", "git", "SIGINT", "SIGTERM", "HOST", "PORT", "USER", "README",
    "CODE", "https", "http", "localhost", "createdb", "administrator",
    // What the tests typed, and the audit trail's details as recorded (`key ed25519:...`).
    "fight", "nobody", "key",
  ]
}

extension Character {
  /// A Han character, as Chinese sentences are written.
  var isChineseCharacter: Bool {
    unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
  }

  /// Chinese text and punctuation: Han characters, full-width punctuation and brackets.
  var isChineseText: Bool {
    unicodeScalars.contains { $0.value >= 0x2E80 } || "“”‘’—…".contains(self)
  }
}
