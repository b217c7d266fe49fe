import LiaisonText
import Testing

@Suite struct TextTableTests {
  let table = TextTable(columns: [
    .init("编号"),
    .init("标题", flexible: true),
    .init("数量", alignRight: true),
    .init("Status"),
  ])

  let rows = [
    ["R-1", "水渠纠纷", "3", "open 待处理"],
    ["R-22", "Road repair 道路维修", "12", "closed"],
    ["R-333", "Well", "1024", "审核中"],
  ]

  @Test func rendersHeaderSeparatorAndRowsByDisplayWidth() {
    let expected = """
      编号   标题                  数量  Status
      -----  --------------------  ----  -----------
      R-1    水渠纠纷                 3  open 待处理
      R-22   Road repair 道路维修    12  closed
      R-333  Well                  1024  审核中

      """
    #expect(table.render(rows: rows, maxWidth: nil) == expected)
  }

  @Test func everyCellLinesUpByDisplayWidthWhateverItsScript() {
    let lines = lines(of: table.render(rows: rows, maxWidth: nil))
    #expect(lines.count == rows.count + 2)
    // The header and the rows, each with the cells it shows; the separator is checked below.
    let shown = [(lines[0], ["编号", "标题", "数量", "Status"])] + zip(lines.dropFirst(2), rows)
    let header = cellSpans(in: lines[0], cells: shown[0].1)
    for (line, cells) in shown {
      let spans = cellSpans(in: line, cells: cells)
      // Up to the last column's start, every line is equally wide.
      #expect(line.hasSuffix(cells[3]))
      #expect(DisplayWidth.of(line.dropLast(cells[3].count)) == header[3].start, "\(line)")
      // Left-aligned columns share their start, the right-aligned one its end.
      #expect(spans.map(\.start) == [0, header[1].start, spans[2].start, header[3].start])
      #expect(spans[2].end == header[2].end, "\(line)")
    }
    let lastWidth = shown.map { DisplayWidth.of($0.1[3]) }.max()!
    #expect(DisplayWidth.of(lines[1]) == header[3].start + lastWidth)
    #expect(lines[1].allSatisfy { $0 == "-" || $0 == " " })
  }

  @Test func maximumWidthIsRespectedWithLongChineseTitles() {
    let table = TextTable(columns: [
      .init("编号"), .init("标题", flexible: true), .init("日期"),
      .init("备注", flexible: true),
    ])
    let title = String(repeating: "村东头水渠被堵导致农田无法灌溉", count: 4)
    let rows = (1...5).map { ["R-\($0)", title, "2024-06-0\($0)", "需要与村委会协调 \($0)"] }
    let unlimited = lines(of: table.render(rows: rows, maxWidth: nil))
    #expect(unlimited.contains { DisplayWidth.of($0) > 80 })
    let output = table.render(rows: rows, maxWidth: 80)
    for line in lines(of: output) {
      #expect(DisplayWidth.of(line) <= 80, "\(line)")
    }
    for (index, line) in lines(of: output).dropFirst(2).enumerated() {
      #expect(line.hasPrefix("R-\(index + 1)  "))
      #expect(line.contains("2024-06-0\(index + 1)"))
      #expect(line.contains("…"))
    }
  }

  @Test func theWidestFlexibleColumnGivesWayFirst() {
    let table = TextTable(columns: [
      .init("A", flexible: true), .init("B", flexible: true),
    ])
    let wide = String(repeating: "x", count: 30)
    let narrow = String(repeating: "y", count: 10)
    let output = table.render(rows: [[wide, narrow]], maxWidth: 32)
    #expect(lines(of: output)[2] == String(repeating: "x", count: 19) + "…  " + narrow)
  }

  @Test func flexibleColumnsStopAtTheirMinimumWidth() {
    let table = TextTable(columns: [
      .init("ID"), .init("Title", minimumWidth: 12, flexible: true), .init("Note", flexible: true),
    ])
    let cells = ["R-1", "水渠纠纷调解会议记录", "很长的备注内容"]
    let output = table.render(rows: [cells], maxWidth: 10)
    let row = lines(of: output)[2]
    #expect(row == "R-1  水渠纠纷调…   很长的…")
    #expect(DisplayWidth.of(row) == 3 + 2 + 12 + 2 + 8 - 1)
  }

  @Test func anEmptyListShowsOnlyTheHeaderAndSeparator() {
    let expected = "编号  标题  数量  Status\n----  ----  ----  ------\n"
    #expect(table.render(rows: [], maxWidth: 80) == expected)
  }

  @Test func linesHaveNoTrailingSpacesAndCellsStayOnOneLine() {
    let output = table.render(
      rows: [["R-9", "第一行\n第二行", "", ""], ["R-10", "a\tb"]], maxWidth: nil)
    let lines = lines(of: output)
    #expect(lines.count == 4)
    #expect(output.hasSuffix("\n"))
    for line in lines {
      #expect(line.last != " ", "\(line)")
    }
    #expect(lines[2] == "R-9   第一行 第二行")
    #expect(lines[3] == "R-10  a b")
  }

  /// The lines of `output`, which must end in a line break.
  private func lines(of output: String) -> [String] {
    #expect(output.hasSuffix("\n"))
    return output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
      String($0)
    }
  }

  /// The display columns each cell's text spans on `line`, found left to right.
  private func cellSpans(in line: String, cells: [String]) -> [(start: Int, end: Int)] {
    var spans: [(start: Int, end: Int)] = []
    var rest = line[...]
    var consumed = 0
    for cell in cells {
      guard let range = rest.firstRange(of: cell) else {
        Issue.record("\(cell) missing from \(line)")
        return spans
      }
      let start = consumed + DisplayWidth.of(rest[..<range.lowerBound])
      let end = start + DisplayWidth.of(cell)
      spans.append((start, end))
      consumed = end
      rest = rest[range.upperBound...]
    }
    return spans
  }
}
