import Foundation
import LiaisonLocalization
import Testing

@Suite struct CatalogueTests {
  @Test func everyKeyIsInEveryCatalogue() {
    for language in Language.allCases {
      let keys = Set(Catalogue.entries(for: language).keys)
      let english = Set(Catalogue.english.keys)
      #expect(english.subtracting(keys).sorted() == [], "missing in \(language.rawValue)")
      #expect(keys.subtracting(english).sorted() == [], "only in \(language.rawValue)")
    }
  }

  @Test func everyTranslationHasTheSamePlaceholders() {
    for (key, sentence) in Catalogue.english {
      let translated = Catalogue.chinese[key] ?? sentence
      #expect(
        Catalogue.placeholders(in: translated) == Catalogue.placeholders(in: sentence),
        "\(key): \(sentence) / \(translated)")
    }
  }

  @Test func pluralKeysComeInPairs() {
    for key in Catalogue.keys where key.hasSuffix(".one") {
      let other = key.dropLast(".one".count) + ".other"
      #expect(Catalogue.english[String(other)] != nil, "\(key) has no .other")
    }
  }

  @Test func noChineseSentenceIsLeftInEnglish() {
    // Latin words in a Chinese sentence are commands, flags, values people type, names of
    // formats and standards: anything else was left untranslated.
    for (key, sentence) in Catalogue.chinese {
      var words = sentence.replacing(/\{[a-z_]+\}/, with: " ").replacing(/`[^`]*`/, with: " ")
      // Technical tokens: flags, paths, addresses, file names, `in_progress`.
      words = words.replacing(/[\x21-\x7E]*[-\/$:=#@_.<>~\\0-9][\x21-\x7E]*/, with: " ")
      let latin = words.split(whereSeparator: { !$0.isLetter || !$0.isASCII })
        .filter { $0.count >= 3 && !Self.allowedLatin.contains(String($0)) }
      #expect(latin.isEmpty, "\(key): \(sentence)")
      let han = sentence.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
      #expect(han || Self.placeholdersOnly.contains(key), "\(key) has no Chinese: \(sentence)")
    }
  }

  /// Latin words a Chinese sentence rightly keeps: commands, values people type, formats.
  static let allowedLatin: Set<String> = [
    "liaison", "township", "init", "new", "edit", "note", "delete", "restore", "list", "show",
    "status", "export", "enroll", "repin", "sync", "serve", "login", "conflicts", "conflict",
    "resolve", "reports", "devices", "revoke", "audit", "admin", "add", "verify", "migrate",
    "summary",
    "hazard", "dispute", "assistance", "grievance", "visit", "other", "urgent", "high", "normal",
    "low", "open", "resolved", "closed", "json", "csv", "table", "link", "yes", "title", "status",
    "location", "deleted", "trace", "debug", "info", "notice", "warning", "error", "critical",
    "CSV", "JSON", "UTF", "BOM", "RFC", "HTTPS", "HTTP", "TLS", "PEM", "SQLite", "Liaison",
    "PostgreSQL", "Unicode", "NFC", "git", "SIGINT", "SIGTERM", "HOST", "PORT", "USER", "README",
    "CODE", "createdb", "https", "localhost", "urgency", "and", "pinning", "serving", "certificate",
  ]

  /// Keys whose Chinese sentence is placeholders and punctuation only, rightly.
  static let placeholdersOnly: Set<String> = [
    "common.choice", "common.listSeparator", "console.list_separator",
    "common.show.conflictedField", "liaison.new.hint",
    "township.audit.entry",
    "township.audit.entryDetail", "township.audit.separator", "township.tls.unreadable",
    "township.tls.mismatch", "township.migrate.upgrading", "township.verify.unreadable",
    "township.conflict.discussion", "liaison.new.ask", "common.show.label",
    "township.conflict.place", "liaison.history.change",
  ]

  @Test func languageFollowsTheEnvironmentLikePOSIX() {
    #expect(Language.from(environment: [:]) == .english)
    #expect(Language.from(environment: ["LANG": "zh_CN.UTF-8"]) == .chinese)
    #expect(Language.from(environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "C"]) == .english)
    #expect(Language.from(environment: ["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US"]) == .chinese)
    #expect(Language.from(environment: ["LIAISON_LANG": "en", "LC_ALL": "zh_CN"]) == .english)
    #expect(Language.from(environment: ["LIAISON_LANG": "zh-Hans"]) == .chinese)
    #expect(Language.from(environment: ["LANG": "zh_TW.UTF-8"]) == .english)
  }

  @Test func languageFollowsAcceptLanguageByQuality() {
    #expect(Language.from(acceptLanguage: nil) == .english)
    #expect(Language.from(acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8") == .chinese)
    #expect(Language.from(acceptLanguage: "en-US,en;q=0.9,zh;q=0.8") == .english)
    #expect(Language.from(acceptLanguage: "fr, zh-Hans;q=0.5") == .chinese)
    #expect(Language.from(acceptLanguage: "zh;q=0, en") == .english)
    #expect(Language.from(acceptLanguage: "de") == .english)
  }

  @Test func valuesAndDatesReadInTheLanguage() {
    let chinese = Localizer(.chinese)
    #expect(chinese.valueName("dispute") == "纠纷")
    #expect(chinese.valueName("东村") == "东村")
    #expect(chinese.fieldName("assignee") == "包案人")
    #expect(Localizer(.english).valueName("in_progress") == "in progress")
    let utc = TimeZone(identifier: "UTC")!
    #expect(chinese.time(milliseconds: 1_772_352_000_000, timeZone: utc) == "2026年3月1日 08:00")
    #expect(Localizer(.english).day(milliseconds: 1_772_352_000_000, timeZone: utc) == "2026-03-01")
    #expect(chinese.calendarDate("2026-03-09") == "2026年3月9日")
    #expect(chinese("common.error", ["message": "x"]) == "错误：x")
  }
}
