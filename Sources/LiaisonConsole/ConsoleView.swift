import LiaisonLocalization
import Mustache

/// Renders the console's pages from the mustache templates compiled into the binary.
///
/// `{{name}}` escapes HTML, so text residents and liaisons wrote always shows as text; the
/// only unescaped insertion, `{{{content}}}`, is a page these templates rendered.
enum ConsoleView {
  static let library: MustacheLibrary = {
    var library = MustacheLibrary()
    for (name, text) in ConsoleTemplates.all {
      do { try library.register(text, named: name) } catch {
        fatalError("the console's template \(name) does not parse: \(error)")
      }
    }
    return library
  }()

  /// Each language's console sentences without placeholders, by key without `console.` and
  /// with `_` for `.`: `console.nav.reports` is `{{t.nav_reports}}`.
  static let words: [Language: [String: String]] = Dictionary(
    uniqueKeysWithValues: Language.allCases.map { language in
      let localizer = Localizer(language)
      var words: [String: String] = [:]
      for key in Catalogue.keys where key.hasPrefix("console.") {
        let name = key.dropFirst("console.".count).replacingOccurrences(of: ".", with: "_")
        words[name] = localizer(key)
      }
      return (language, words)
    })

  /// The page `template` shows with `data`, inside the layout: header, navigation, language
  /// switch. `section` marks the navigation link of the page's section.
  static func page(
    _ template: String, _ data: [String: Any], visit: Visit, title: String,
    section: String? = nil
  ) -> String {
    var data = data
    let words = words[visit.localizer.language] ?? [:]
    data["t"] = words
    let content = library.render(data, withTemplate: template) ?? ""
    var layout: [String: Any] = [
      "lang": visit.localizer.language.rawValue, "t": words, "title": title,
      "content": content, "back": Visit.encoded(visit.path),
    ]
    if let session = visit.session {
      layout["session"] = ["administrator": session.administrator, "csrf": session.csrf]
    }
    if let section { layout["nav"] = [section: true] }
    return library.render(layout, withTemplate: "layout") ?? ""
  }
}
