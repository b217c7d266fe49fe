import LiaisonMerge
import LiaisonTestKit
import Testing

/// Rules of `protocol/merge.md` sections 4, 5 and 8 as the merge core applies them in memory.
@Suite struct ValidationRuleTests {
  @Test("coordinates typed without words make a location with no text")
  func coordinatesWithoutWords() throws {
    for words in ["", "  ", "\u{3000}"] {
      let location = try Location.parse(text: words, coordinates: "31.2304,121.4737")
      #expect(location == Location(text: "", latitudeE7: 312_304_000, longitudeE7: 1_214_737_000))
      try FieldValue.location(location).validate(for: .location)
    }
    #expect(throws: ValidationError(field: "location", value: "", problem: .empty)) {
      try FieldValue.location(Location(text: "")).validate(for: .location)
    }
    #expect(try FieldValue.parse("  ", for: .location) == .absent)
  }
}
