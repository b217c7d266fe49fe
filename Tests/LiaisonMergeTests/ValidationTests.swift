import LiaisonMerge
import Testing

@Suite struct ValidationTests {
  @Test func enumsListWhatIsAllowed() {
    let error = #expect(throws: ValidationError.self) {
      try FieldValue.parse("critical", for: .urgency)
    }
    #expect(
      error?.description
        == #"urgency "critical" is not allowed; use one of: urgent, high, normal, low"#)
    #expect(error?.problem.code == "not_allowed")
  }

  @Test func titlesCountCharactersNotBytes() throws {
    #expect(
      try FieldValue.parse(String(repeating: "题", count: 200), for: .title)
        == .text(String(repeating: "题", count: 200)))
    let error = #expect(throws: ValidationError.self) {
      try FieldValue.parse(String(repeating: "题", count: 201), for: .title)
    }
    #expect(error?.problem == .tooLong(maximum: 200))
  }

  @Test func datesMustExist() throws {
    #expect(try FieldValue.parse("2028-02-29", for: .due) == .date(CalendarDate("2028-02-29")!))
    for bad in ["2026-02-29", "2026-13-01", "2026-1-01", "tomorrow", "2026-04-31"] {
      #expect(throws: ValidationError(field: "due", value: bad, problem: .invalidDate)) {
        try FieldValue.parse(bad, for: .due)
      }
    }
  }

  @Test func coordinatesParseExactlyAndCheckTheirRange() throws {
    let location = try Location.parse(text: "桥头", coordinates: "31.2304,121.4737")
    #expect(location.latitudeE7 == 312_304_000)
    #expect(location.longitudeE7 == 1_214_737_000)
    #expect(location.coordinatesText == "31.2304,121.4737")
    #expect(
      try Location.parse(text: "", coordinates: "-0.5, -179.9999999").coordinatesText
        == "-0.5,-179.9999999")
    for bad in ["91,0", "0,181", "31.12345678,1", "31", "a,b", "1,,2", "."] {
      #expect(throws: ValidationError.self) { try Location.parse(text: "x", coordinates: bad) }
    }
  }

  @Test func inputIsNormalizedToNFCAtTheEdge() throws {
    #expect(
      try FieldValue.parse("Cafe\u{301}", for: .title).text.map { Array($0.utf8) }
        == Array("Café".utf8))
  }

  @Test func emptyInputClearsOnlyOptionalFields() throws {
    #expect(try FieldValue.parse("  ", for: .details) == .absent)
    #expect(throws: ValidationError.self) { try FieldValue.parse("", for: .title) }
    #expect(throws: ValidationError.self) { try FieldValue.parse("", for: .urgency) }
  }
}
