extension DisplayWidth {
  /// `text` broken into lines of at most `width` terminal columns, so a table cell can show
  /// all of it: an audit trail's reason is its point, and cutting it with "…" lost it.
  ///
  /// Lines break after a space where one falls in the line, else between characters (Chinese
  /// has no spaces to break at); a character is never split. The spaces at a break are
  /// dropped. Empty text is one empty line.
  public static func wrap(_ text: String, toWidth width: Int) -> [String] {
    guard width > 0, of(text) > width else { return [text] }
    var lines: [String] = []
    var line = ""
    var used = 0
    /// Where the current line could break: just after its last space.
    var lastSpace: String.Index?
    for cluster in text {
      let columns = columns(of: cluster)
      if used + columns > width, !line.isEmpty {
        if cluster != " ", let space = lastSpace {
          let rest = String(line[space...])
          lines.append(trimmingTrailingSpaces(String(line[..<space])))
          line = rest
        } else {
          lines.append(trimmingTrailingSpaces(line))
          line = ""
        }
        used = of(line)
        lastSpace = nil
        if cluster == " " { continue }
      }
      line.append(cluster)
      used += columns
      if cluster == " " { lastSpace = line.endIndex }
    }
    lines.append(trimmingTrailingSpaces(line))
    return lines
  }

  private static func trimmingTrailingSpaces(_ text: String) -> String {
    var text = text
    while text.last == " " { text.removeLast() }
    return text
  }
}
