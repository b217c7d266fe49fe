/// The languages the command lines and the console speak.
///
/// Only people read a language: JSON output, the wire, logs, the audit trail's machine fields
/// and error codes stay the same in every language, so scripts never change with the locale.
public enum Language: String, CaseIterable, Sendable, Hashable {
  case english = "en"
  case chinese = "zh-Hans"

  /// The language a command line's environment asks for.
  ///
  /// `LIAISON_LANG` (`zh-Hans`, `zh`, `en`) wins; then the POSIX order `LC_ALL`,
  /// `LC_MESSAGES`, `LANG`, where the first one set decides: `zh_CN.UTF-8`, `zh_SG` or `zh`
  /// mean Simplified Chinese, anything else English.
  public static func from(environment: [String: String]) -> Language {
    if let chosen = environment["LIAISON_LANG"], !chosen.isEmpty {
      return named(chosen) ?? .english
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let locale = environment[name], !locale.isEmpty {
        return named(locale) ?? .english
      }
    }
    return .english
  }

  /// The language a browser's `Accept-Language` header prefers, by its quality values;
  /// English when it names neither language.
  public static func from(acceptLanguage header: String?) -> Language {
    guard let header else { return .english }
    var best: (language: Language, quality: Double)?
    for part in header.split(separator: ",") {
      let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      guard let tag = pieces.first, let language = named(tag) else { continue }
      var quality = 1.0
      for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
        quality = Double(parameter.dropFirst(2)) ?? 0
      }
      if quality > 0, quality > best?.quality ?? -1 { best = (language, quality) }
    }
    return best?.language ?? .english
  }

  /// The language a tag or locale names: `zh-Hans`, `zh-CN`, `zh_CN.UTF-8`, `en-GB`, `C`...
  /// Traditional Chinese tags (`zh-Hant`, `zh-TW`, `zh-HK`) are not Simplified: nil.
  public static func named(_ tag: String) -> Language? {
    let lowered = tag.lowercased().replacingOccurrences(of: "_", with: "-")
    let base = lowered.split(separator: ".").first.map(String.init) ?? lowered
    if base == "zh" || base.hasPrefix("zh-") {
      let traditional = ["zh-hant", "zh-tw", "zh-hk", "zh-mo"]
      return traditional.contains(where: { base.hasPrefix($0) }) ? nil : .chinese
    }
    if base == "en" || base.hasPrefix("en-") || base == "c" || base == "posix" {
      return .english
    }
    return nil
  }
}
