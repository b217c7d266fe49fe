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
      "3f2a9c1e-0000-4000-8000-0000000000011", "3f2a9c1e-0000-4000-8000-00000000001",
      "3f2a9c1e-0000-4000-8000-00000000000é", "3f2a9c1e-0000-4000-8000-000000000001\0",
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

  @Test("white space is exactly the Unicode White_Space property")
  func whiteSpaceIsUnicodeWhiteSpace() {
    // The list protocol/merge.md section 8 gives.
    let listed: [ClosedRange<UInt32>] = [
      0x09...0x0D, 0x20...0x20, 0x85...0x85, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
      0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000,
    ]
    var found: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      if let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace { found.append(value) }
    }
    #expect(found == listed.flatMap { Array($0) })
    // isBlank's shortcut past the property table agrees with it on every scalar.
    var disagreeing: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if FieldValue.isBlank(String(scalar)) != scalar.properties.isWhitespace {
        disagreeing.append(value)
      }
    }
    #expect(disagreeing.isEmpty)
    #expect(FieldValue.isBlank(""))
    #expect(FieldValue.isBlank(" \u{3000}\t"))
    #expect(!FieldValue.isBlank(" \u{3000}x"))
    for value in found {
      let text = String(Character(Unicode.Scalar(value)!))
      #expect(throws: ValidationError.self) {
        try FieldValue.checkText(text, field: "note", maximum: 10, multiline: true)
      }
    }
    // These look like nothing but are not White_Space, so they count as content.
    for value: UInt32 in [0x200B, 0x180E, 0xFEFF, 0x2060] {
      let text = String(Character(Unicode.Scalar(value)!))
      #expect(throws: Never.self, "U+\(String(value, radix: 16))") {
        try FieldValue.checkText(text, field: "note", maximum: 10, multiline: true)
      }
    }
  }

  @Test("a write that sets fields and deletes in one operation deletes without a conflict")
  func setAndDeleteInOneWrite() throws {
    let a = Fixtures.replica(1)
    var state = ReportState(id: Fixtures.report(1))
    try state.write(
      Fixtures.newReport(), dot: Dot(replica: a, counter: 1), attribution: Fixtures.author("李伟"))
    var edit = ReportEdit(values: [.status: .status(.closed)], note: "重复的报告", deleting: true)
    let change = try state.write(
      edit, dot: Dot(replica: a, counter: 2), attribution: Fixtures.author("李伟"))
    #expect(change.deletion?.value.seen.contains(change.dot) == false)
    #expect(state.conflicts == [])
    #expect(state.isDeleted)
    #expect(state.value(.status) == .status(.closed))
    // A restore with values in the same write is a restore that also edits.
    edit = ReportEdit(values: [.status: .status(.open)], deleting: false)
    try state.write(edit, dot: Dot(replica: a, counter: 3), attribution: Fixtures.author("李伟"))
    #expect(!state.isDeleted)
    #expect(state.conflicts == [])
  }

  @Test("a restore sees nothing, and a delete's seen holds each dot once, sorted")
  func deletionValues() throws {
    let a = Fixtures.replica(1)
    let write = Change.Write(
      value: Deletion(isDeleted: false, seen: [Dot(replica: a, counter: 1)]), seen: VersionVector())
    let error = #expect(throws: ValidationError.self) {
      try Change(
        report: Fixtures.report(1), dot: Dot(replica: a, counter: 2),
        attribution: Fixtures.author("李伟"), deletion: write)
    }
    #expect(error?.field == "deletion.value.seen")
    #expect(error?.problem.code == "invalid_clock")
  }
}
