import Foundation

/// Turns catalogue keys into sentences in one language.
///
/// Every sentence a person reads is one catalogue entry with named placeholders, `{count}`,
/// never English fragments pasted together: word order differs between languages, so only
/// the whole sentence can be translated.
public struct Localizer: Sendable {
  /// The language this localizer speaks.
  public let language: Language

  public init(_ language: Language) {
    self.language = language
  }

  /// The localizer the process's environment asks for (see ``Language/from(environment:)``).
  public static var current: Localizer {
    Localizer(Language.from(environment: ProcessInfo.processInfo.environment))
  }

  /// The sentence for `key` with its placeholders filled.
  ///
  /// A key missing from this language falls back to English, then to the key itself, so a
  /// missing translation shows up as a readable key rather than a crash; `swift test` fails
  /// on any missing key long before that.
  public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
    let template = Catalogue.entries(for: language)[key] ?? Catalogue.english[key] ?? key
    return Self.fill(template, arguments)
  }

  /// The sentence for `key` chosen by `count`: `KEY.one` when the count is exactly 1 and the
  /// language inflects, `KEY.other` otherwise; `{count}` is filled with the count.
  public func plural(_ key: String, count: Int, _ arguments: [String: String] = [:]) -> String {
    var filled = arguments
    filled["count"] = String(count)
    let form = count == 1 ? "\(key).one" : "\(key).other"
    return self(form, filled)
  }

  /// A field's name: `category` reads 类别.
  public func fieldName(_ field: String) -> String {
    let key = "field.\(field)"
    return Catalogue.english[key] == nil ? field : self(key)
  }

  /// A value's name: `dispute` reads 纠纷. Values the catalogue does not know, such as a
  /// village or free text, are returned as written.
  public func valueName(_ value: String) -> String {
    let key = "value.\(value)"
    return Catalogue.english[key] == nil ? value : self(key)
  }

  /// A time to the minute in the reader's zone: `2026-03-01 08:00`, or `2026年3月1日 08:00`.
  public func time(milliseconds: Int64, timeZone: TimeZone = .current) -> String {
    format(milliseconds, timeZone, english: "yyyy-MM-dd HH:mm", chinese: "yyyy年M月d日 HH:mm")
  }

  /// A day in the reader's zone: `2026-03-01`, or `2026年3月1日`.
  public func day(milliseconds: Int64, timeZone: TimeZone = .current) -> String {
    format(milliseconds, timeZone, english: "yyyy-MM-dd", chinese: "yyyy年M月d日")
  }

  /// A calendar date written `YYYY-MM-DD` (a due date), in the reader's language; text that
  /// is not such a date is returned as written.
  public func calendarDate(_ text: String) -> String {
    guard language == .chinese else { return text }
    let parts = text.split(separator: "-")
    guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Int(parts[2])
    else { return text }
    return "\(year)年\(month)月\(day)日"
  }

  private func format(
    _ milliseconds: Int64, _ timeZone: TimeZone, english: String, chinese: String
  ) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    formatter.dateFormat = language == .chinese ? chinese : english
    return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
  }

  /// Replaces each `{name}` with its argument; a placeholder without one is left as written.
  static func fill(_ template: String, _ arguments: [String: String]) -> String {
    guard !arguments.isEmpty, template.contains("{") else { return template }
    var result = template
    for (name, value) in arguments {
      result = result.replacingOccurrences(of: "{\(name)}", with: value)
    }
    return result
  }
}
