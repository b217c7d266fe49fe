/// Terminal column arithmetic for text that mixes Chinese and Latin script.
///
/// `String.count` says how many characters a report title has, but a terminal gives each
/// Chinese character two cells, so output aligned by `count` turns ragged as soon as someone
/// writes in Chinese. These functions measure, cut and pad by the columns a terminal really
/// uses, following the East Asian Width rules that `wcwidth(3)` applies.
public enum DisplayWidth {
  /// The number of terminal columns `text` occupies, so that callers can line up columns of
  /// Chinese and English text.
  ///
  /// Each grapheme cluster (each `Character`) counts as wide as its first scalar: accents and
  /// other combining marks ride along for free, CJK ideographs, kana, Hangul, full-width
  /// forms and most pictographic emoji take two columns, control and zero-width characters
  /// take none, and everything else takes one.
  public static func of(_ text: some StringProtocol) -> Int {
    var total = 0
    for cluster in text {
      total += columns(of: cluster)
    }
    return total
  }

  /// `text` cut to fit in `limit` columns, so that one long report title cannot push a table
  /// off the screen.
  ///
  /// Text that already fits comes back unchanged. Otherwise the result keeps as many whole
  /// characters as fit and ends in "…" (one column) to show that something was cut. A
  /// character is never split, so a two-column ideograph that would straddle the limit is
  /// dropped and the result may be one column narrower than `limit`; it is never wider.
  public static func truncate(_ text: String, toWidth limit: Int) -> String {
    guard of(text) > limit else { return text }
    guard limit > 0 else { return "" }
    let budget = limit - 1
    var kept = ""
    var used = 0
    for cluster in text {
      let width = columns(of: cluster)
      if used + width > budget { break }
      kept.append(cluster)
      used += width
    }
    kept.append("…")
    return kept
  }

  /// `text` followed (or, with `alignRight`, preceded) by enough spaces to fill `width`
  /// columns, because padding by `count` misaligns anything that contains Chinese.
  ///
  /// Text that is already `width` columns or wider comes back unchanged; use
  /// ``truncate(_:toWidth:)`` first when the column must not grow.
  public static func pad(_ text: String, toWidth width: Int, alignRight: Bool = false) -> String {
    let missing = width - of(text)
    guard missing > 0 else { return text }
    let fill = String(repeating: " ", count: missing)
    return alignRight ? fill + text : text + fill
  }

  /// `text` on one line: every run of white space or control characters becomes one space.
  ///
  /// Field reports are typed on phones, with line breaks, tabs and stray control characters
  /// inside what is meant as a single value; printed as-is they would break a table row in
  /// two or move the cursor. Leading and trailing runs become a single space as well, so the
  /// text keeps its word boundaries but is not otherwise trimmed.
  public static func singleLine(_ text: String) -> String {
    var result = ""
    var inRun = false
    for cluster in text {
      if isSpaceOrControl(cluster) {
        if !inRun {
          result.append(" ")
        }
        inRun = true
      } else {
        result.append(cluster)
        inRun = false
      }
    }
    return result
  }

  private static func isSpaceOrControl(_ cluster: Character) -> Bool {
    cluster.isWhitespace
      || cluster.unicodeScalars.contains { $0.properties.generalCategory == .control }
  }
}
