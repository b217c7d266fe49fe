import LiaisonText
import Testing

@Suite struct DisplayWidthTests {
  @Test func asciiTakesOneColumnPerCharacter() {
    #expect(DisplayWidth.of("") == 0)
    #expect(DisplayWidth.of("report-42") == 9)
    #expect(DisplayWidth.of("Water channel dispute"[...]) == 21)
  }

  @Test func chineseKanaHangulAndFullWidthFormsTakeTwo() {
    #expect(DisplayWidth.of("水渠纠纷") == 8)
    #expect(DisplayWidth.of("，。、") == 6)
    #expect(DisplayWidth.of("ＡＢ１") == 6)
    #expect(DisplayWidth.of("カタカナ") == 8)
    #expect(DisplayWidth.of("한국") == 4)
    #expect(DisplayWidth.of("\u{3000}") == 2)
  }

  @Test func mixedTextAddsUp() {
    #expect(DisplayWidth.of("Report 水渠 #3") == 14)
    #expect(DisplayWidth.of("村委会 meeting, 第2次") == 21)
  }

  @Test func combiningMarksRideOnTheirBase() {
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("Cafe\u{301}") == 4)
    #expect(DisplayWidth.of("\u{1100}\u{1161}") == 2)
  }

  @Test func emojiTakeTwoColumnsWhateverTheirModifiers() {
    #expect(DisplayWidth.of("😀") == 2)
    #expect(DisplayWidth.of("👍🏽") == 2)
    #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
    #expect(DisplayWidth.of("🤔 ok") == 5)
  }

  @Test func controlAndZeroWidthCharactersTakeNone() {
    #expect(DisplayWidth.of("a\u{200B}b") == 2)
    #expect(DisplayWidth.of("\u{7}\u{1B}") == 0)
    #expect(DisplayWidth.of("a\tb") == 2)
    #expect(DisplayWidth.of("\u{FEFF}") == 0)
  }

  @Test func truncationCutsBeforeAWholeIdeograph() {
    #expect(DisplayWidth.truncate("水渠纠纷", toWidth: 5) == "水渠…")
    #expect(DisplayWidth.truncate("水渠纠纷", toWidth: 7) == "水渠纠…")
    #expect(DisplayWidth.truncate("水渠纠纷", toWidth: 8) == "水渠纠纷")
    #expect(DisplayWidth.truncate("水渠纠纷", toWidth: 1) == "…")
    #expect(DisplayWidth.truncate("水渠纠纷", toWidth: 0) == "")
    #expect(DisplayWidth.truncate("Cafe\u{301} au lait", toWidth: 5) == "Cafe\u{301}…")
  }

  @Test func truncationNeverExceedsTheWidthNorSplitsACharacter() {
    let samples = ["水渠纠纷调解", "Road 道路 repair", "e\u{301}e\u{301}水", "👨‍👩‍👧😀ab", "abc"]
    for text in samples {
      for limit in 0...(DisplayWidth.of(text) + 2) {
        let cut = DisplayWidth.truncate(text, toWidth: limit)
        #expect(DisplayWidth.of(cut) <= limit, "\(text) at \(limit)")
        if cut != text && !cut.isEmpty {
          #expect(cut.last == "…")
          #expect(text.starts(with: cut.dropLast()), "\(text) at \(limit)")
          #expect(DisplayWidth.of(cut) >= limit - 1, "\(text) at \(limit) wasted space")
        }
      }
    }
  }

  @Test func paddingFillsByDisplayWidth() {
    #expect(DisplayWidth.pad("水渠", toWidth: 6) == "水渠  ")
    #expect(DisplayWidth.pad("水渠", toWidth: 6, alignRight: true) == "  水渠")
    #expect(DisplayWidth.pad("12", toWidth: 4, alignRight: true) == "  12")
    #expect(DisplayWidth.pad("水渠纠纷", toWidth: 4) == "水渠纠纷")
  }

  @Test func singleLineTurnsEachRunOfSpaceOrControlIntoOneSpace() {
    #expect(DisplayWidth.singleLine("第一行\n第二行\t\t备注\r\n") == "第一行 第二行 备注 ")
    #expect(DisplayWidth.singleLine("a\u{7}\u{1B}b") == "a b")
    #expect(DisplayWidth.singleLine("plain 文本") == "plain 文本")
    #expect(DisplayWidth.singleLine("\n\n") == " ")
  }
}
