import LiaisonText
import Testing

/// Cells that must be read whole wrap instead of being cut.
@Suite struct WrapTests {
  @Test func wrapBreaksAfterSpacesAndBetweenIdeographsWithinTheWidth() {
    #expect(DisplayWidth.wrap("short", toWidth: 10) == ["short"])
    #expect(DisplayWidth.wrap("", toWidth: 10) == [""])
    #expect(
      DisplayWidth.wrap("the east family keeps it", toWidth: 10)
        == ["the east", "family", "keeps it"])
    #expect(DisplayWidth.wrap("核实后采纳乙方意见", toWidth: 6) == ["核实后", "采纳乙", "方意见"])
    // A word longer than the line is broken where it must be, never lost.
    #expect(DisplayWidth.wrap("abcdefghij kl", toWidth: 4) == ["abcd", "efgh", "ij", "kl"])
    for width in 2...12 {
      for line in DisplayWidth.wrap("核实 after 采纳 the 乙方 opinion", toWidth: width) {
        #expect(DisplayWidth.of(line) <= width, "\(width): \(line)")
      }
    }
  }

  @Test func aWrappingColumnShowsItsCellWholeOnSeveralLines() {
    let table = TextTable(columns: [
      .init("WHO"), .init("REASON", minimumWidth: 8, flexible: true, wraps: true),
    ])
    let reason = "核实后采纳乙方意见，并通知双方"
    let output = table.render(rows: [["王主任", reason]], maxWidth: 20)
    let lines = output.split(separator: "\n").map(String.init)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 }, "\(output)")
    #expect(!output.contains("…"))
    #expect(lines.count > 3, "\(output)")
    #expect(lines[2].hasPrefix("王主任"))
    // Read down the column, the reason is whole.
    let cells = output.split(separator: "\n").dropFirst(2).joined()
    #expect(String(cells.filter { !$0.isWhitespace }) == "王主任" + reason)
  }
}
