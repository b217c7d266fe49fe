import LiaisonText
import Testing

@Suite struct CSVTests {
  let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// The encoded bytes after the byte-order mark, as text.
  private func body(_ bytes: [UInt8]) -> String {
    String(decoding: bytes.starts(with: bom) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
  }

  @Test func startsWithAByteOrderMarkUnlessToldNotTo() {
    let withMark = CSV.encode(header: ["标题"], rows: [["水渠纠纷"]])
    #expect(Array(withMark.prefix(3)) == bom)
    #expect(Array(withMark.dropFirst(3)) == Array("标题\r\n水渠纠纷\r\n".utf8))
    let without = CSV.encode(header: ["标题"], rows: [["水渠纠纷"]], byteOrderMark: false)
    #expect(without == Array("标题\r\n水渠纠纷\r\n".utf8))
  }

  @Test func recordsEndInCRLFTheLastOneToo() {
    let bytes = CSV.encode(header: ["id", "title"], rows: [["R-1", "Well"], ["R-2", "Road"]])
    #expect(body(bytes) == "id,title\r\nR-1,Well\r\nR-2,Road\r\n")
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r"))
    }
  }

  @Test func quotesOnlyFieldsThatNeedIt() {
    let fields = ["a,b", "say \"hi\"", "two\nlines", " padded", "trailing ", "水渠, 道路", "plain"]
    let bytes = CSV.encode(header: fields, rows: [], byteOrderMark: false)
    let expected =
      #""a,b","say ""hi""","two"# + "\n" + #"lines"," padded","trailing ","#
      + #""水渠, 道路",plain"# + "\r\n"
    #expect(body(bytes) == expected)
  }

  @Test func roundTripsThroughParse() throws {
    let header = ["编号", "标题", "备注"]
    let rows = [
      ["R-1", "水渠纠纷, 第2次", "他说：\"明天再谈\""],
      ["R-2", "two\nlines", "crlf\r\ninside"],
      ["R-3", "", "  spaced  "],
      ["R-4", "=SUM(A1:A9)", "@cmd"],
      ["", "", ""],
    ]
    let parsed = try CSV.parse(CSV.encode(header: header, rows: rows))
    var expected = [header] + rows
    expected[4][1] = "'=SUM(A1:A9)"
    expected[4][2] = "'@cmd"
    #expect(parsed == expected)
  }

  @Test func aLoneEmptyFieldIsNotABlankLine() throws {
    let bytes = CSV.encode(header: ["备注"], rows: [[""], ["x"]], byteOrderMark: false)
    #expect(body(bytes) == "备注\r\n\"\"\r\nx\r\n")
    #expect(try CSV.parse(bytes) == [["备注"], [""], ["x"]])
  }

  @Test func formulaLikeFieldsGetAnApostrophe() {
    let cases = [
      ("=1+1", "'=1+1"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("-2+3", "'-2+3"),
      ("@SUM(A1)", "'@SUM(A1)"), ("-", "'-"), ("\tx", "'\tx"), ("-1.2.3", "'-1.2.3"),
      ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("\rx", "\"'\rx\""),
    ]
    for (field, encoded) in cases {
      let bytes = CSV.encode(header: [field], rows: [], byteOrderMark: false)
      #expect(body(bytes) == encoded + "\r\n", "\(field)")
    }
  }

  @Test func numbersAndOrdinaryTextStayUnchanged() {
    let fields = ["-12.5", "-3", "+7", "116.397", "0", "39.9042", "a=b", "水=渠", "R-1"]
    let bytes = CSV.encode(header: fields, rows: [], byteOrderMark: false)
    #expect(body(bytes) == fields.joined(separator: ",") + "\r\n")
  }

  @Test func parsesCommonVariants() throws {
    #expect(try CSV.parse(Array("a,b\nc,d".utf8)) == [["a", "b"], ["c", "d"]])
    #expect(try CSV.parse(Array("a,\r\n,b\r\n".utf8)) == [["a", ""], ["", "b"]])
    #expect(try CSV.parse(Array("\"x\"\"y\",z\r".utf8)) == [["x\"y", "z"]])
    #expect(try CSV.parse(bom) == [])
    #expect(try CSV.parse([]) == [])
  }

  @Test func malformedInputIsAClearError() {
    #expect(throws: CSVError.unterminatedQuote(line: 2)) {
      try CSV.parse(Array("a,b\r\n1,\"open\r\nnever closed".utf8))
    }
    #expect(throws: CSVError.textAfterClosingQuote(line: 1)) {
      try CSV.parse(Array("\"a\"b,c\r\n".utf8))
    }
    #expect(throws: CSVError.invalidUTF8(line: 1)) {
      try CSV.parse([0xCB, 0xAE, 0xC7, 0xFE, 0x0D, 0x0A])  // "水渠" in GBK
    }
    let message = CSVError.unterminatedQuote(line: 7).description
    #expect(message.contains("line 7") && message.contains("quote"))
  }
}
