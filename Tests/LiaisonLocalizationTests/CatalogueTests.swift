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
    // A sentence of Latin letters only is untranslated, unless it is a placeholder alone.
    for (key, sentence) in Catalogue.chinese {
      let words = sentence.replacing(/\{[a-z_]+\}/, with: "")
      let hasLatinWord = words.split(whereSeparator: { !$0.isLetter || !$0.isASCII })
        .contains { $0.count >= 3 }
      #expect(!hasLatinWord || Self.allowedLatin.contains(key), "\(key): \(sentence)")
    }
  }

  /// Keys whose Chinese sentence rightly keeps Latin words: commands, flags, formats.
  static let allowedLatin: Set<String> = []

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
