/// A plain-text table for terminal output that stays aligned when cells are written in
/// Chinese.
///
/// The `liaison` command line lists reports, people and sync state as tables; column widths
/// are measured with ``DisplayWidth`` rather than `count`, so two-column ideographs line up
/// with ASCII, and long free text can be truncated to fit a narrow terminal instead of
/// wrapping and breaking every row.
public struct TextTable: Sendable, Hashable {
  /// What separates two columns: two spaces keep neighbours apart even when a cell fills
  /// its column exactly.
  static let gap = "  "

  /// The columns, left to right, which fix how many cells each row shows.
  public var columns: [Column]

  /// A table with the given columns; rows are passed to ``render(rows:maxWidth:)`` so that
  /// the same layout can print any listing.
  public init(columns: [Column]) {
    self.columns = columns
  }

  /// The table as text: a header line, a line of `-` under each column, then one line per
  /// row, every line ending in "\n" and none in trailing spaces, ready to print or compare in
  /// tests.
  ///
  /// Each column is as wide as its widest cell or header in terminal columns. When
  /// `maxWidth` (usually the terminal width) is set and the table is wider, flexible columns
  /// give up width, widest first, down to their minimum, and their cells are cut with "…";
  /// if that is not enough the table stays wider, because rigid columns are never cut. A
  /// column that ``Column/wraps`` continues such cells on the lines below instead.
  /// Line breaks and tabs inside cells print as one space. Missing cells at the end of a
  /// row print empty; cells beyond the last column are ignored.
  public func render(rows: [[String]], maxWidth: Int?) -> String {
    guard !columns.isEmpty else { return "" }
    let headers = columns.map { DisplayWidth.singleLine($0.header) }
    let cells = rows.map { row in
      columns.indices.map { $0 < row.count ? DisplayWidth.singleLine(row[$0]) : "" }
    }
    let widths = layout(headers: headers, cells: cells, maxWidth: maxWidth)
    var output = line(headers, widths: widths)
    output += line(widths.map { String(repeating: "-", count: $0) }, widths: widths)
    for row in cells {
      // A wrapping column's cell takes as many lines as it needs; the others print on the
      // first and leave the lines below blank.
      let pieces = columns.indices.map { index in
        columns[index].wraps
          ? DisplayWidth.wrap(row[index], toWidth: widths[index]) : [row[index]]
      }
      for number in 0..<pieces.map(\.count).max()! {
        output += line(pieces.map { number < $0.count ? $0[number] : "" }, widths: widths)
      }
    }
    return output
  }

  /// The width of every column: natural widths first, then flexible ones shrunk until the
  /// table fits `maxWidth` or nothing more can give.
  func layout(headers: [String], cells: [[String]], maxWidth: Int?) -> [Int] {
    var widths = columns.indices.map { index in
      let content = cells.reduce(DisplayWidth.of(headers[index])) {
        max($0, DisplayWidth.of($1[index]))
      }
      return max(content, columns[index].minimumWidth ?? 0)
    }
    guard let maxWidth else { return widths }
    let floors = columns.indices.map { index in
      min(widths[index], columns[index].minimumWidth ?? Column.defaultMinimumWidth)
    }
    var excess = widths.reduce(0, +) + Self.gap.count * (widths.count - 1) - maxWidth
    while excess > 0 {
      let shrinkable = columns.indices.filter { columns[$0].flexible && widths[$0] > floors[$0] }
      guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
      let runnerUp = shrinkable.filter { $0 != widest }.map { widths[$0] }.max() ?? 0
      let target = max(floors[widest], runnerUp)
      let step = max(1, min(excess, widths[widest] - target))
      widths[widest] -= step
      excess -= step
    }
    return widths
  }

  /// One rendered line: each cell cut and padded to its column, joined by the gap, with the
  /// padding after the last visible text removed.
  func line(_ cells: [String], widths: [Int]) -> String {
    var parts: [String] = []
    for (index, column) in columns.enumerated() {
      let cell = DisplayWidth.truncate(cells[index], toWidth: widths[index])
      parts.append(DisplayWidth.pad(cell, toWidth: widths[index], alignRight: column.alignRight))
    }
    var text = parts.joined(separator: Self.gap)
    while text.last == " " {
      text.removeLast()
    }
    return text + "\n"
  }
}
