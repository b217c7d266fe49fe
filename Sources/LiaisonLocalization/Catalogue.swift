/// The string catalogues: one per language, each a table from key to whole sentence.
///
/// Keys are dotted, grouped by who reads them: `field.*` and `value.*` for report fields and
/// their values, `common.*` for words both command lines share, `liaison.*` and `township.*`
/// for each command line, `console.*` for the web console. `swift test` fails when a key is
/// in one catalogue and not the other, or when the two disagree on a sentence's placeholders.
public enum Catalogue {
  /// The catalogue of a language.
  public static func entries(for language: Language) -> [String: String] {
    switch language {
    case .english: english
    case .chinese: chinese
    }
  }

  /// Every key, in the English catalogue's order of keys sorted.
  public static var keys: [String] { english.keys.sorted() }

  /// The named placeholders of a sentence, `{count}` and the like, sorted.
  public static func placeholders(in sentence: String) -> [String] {
    var names: [String] = []
    var rest = Substring(sentence)
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else { break }
      let name = after[..<close]
      if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) {
        names.append(String(name))
      }
      rest = after[after.index(after: close)...]
    }
    return names.sorted()
  }
}
