import LiaisonMerge
import LiaisonTestKit
import Testing

/// Rules of `protocol/merge.md` sections 4, 5 and 8 as the merge core applies them in memory.
@Suite struct ValidationRuleTests {
  @Test("report ids are version 4 UUIDs of the RFC 4122 variant, in lowercase")
  func reportIDs() {
    #expect(ReportID("3f2a9c1e-0000-4000-8000-000000000001") != nil)
    for variant in ["8", "9", "a", "b"] {
      #expect(ReportID("3f2a9c1e-0000-4000-\(variant)000-000000000001") != nil)
    }
    for bad in [
      "00000000-0000-0000-0000-000000000000", "3f2a9c1e-0000-1000-8000-000000000001",
      "3f2a9c1e-0000-4000-c000-000000000001", "3f2a9c1e-0000-4000-0000-000000000001",
      "3F2A9C1E-0000-4000-8000-000000000001", "3f2a9c1e00004000-8000-000000000001-",
    ] {
      #expect(ReportID(bad) == nil, "\(bad)")
    }
    var random = SeededGenerator(seed: 4)
    for _ in 0..<100 {
      let id = ReportID.random(using: &random)
      #expect(ReportID(id.description) == id)
    }
  }

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
