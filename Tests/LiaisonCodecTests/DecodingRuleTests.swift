import LiaisonCodec
import LiaisonMerge
import LiaisonTestKit
import Testing

/// Rules of `protocol/merge.md` section 8 that an independent client found the decoder
/// applying differently from the specification.
@Suite struct DecodingRuleTests {
  /// A change whose only write sets `field` to the JSON `value`.
  static func change(_ field: String, _ value: String) -> String {
    #"{"author":"李伟","dot":["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",2],"fields":{""# + field
      + #"":{"seen":{},"value":"# + value
      + #"}},"report":"00000000-0000-4000-8000-000000000001","time":1772323200000}"#
  }

  /// A change that only deletes or restores with `deletion` as its value.
  static func deletion(_ value: String) -> String {
    #"{"author":"李伟","deletion":{"seen":{},"value":"# + value
      + #"},"dot":["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",9],"fields":{},"#
      + #""report":"00000000-0000-4000-8000-000000000001","time":1772323200000}"#
  }

  static func decode(_ text: String) throws(ValidationError) -> Change {
    try Change(json: try JSONValue(parsing: Array(text.utf8)))
  }

  static func failure(_ text: String) -> String {
    do {
      _ = try decode(text)
      return "no error"
    } catch {
      return "\(error.field) \(error.problem.code)"
    }
  }

  @Test("a point without text is a location, and encodes without text")
  func pointWithoutText() throws {
    let change = try Self.decode(
      Self.change("location", #"{"latitude_e7":312304000,"longitude_e7":1214737000}"#))
    let location = Location(text: "", latitudeE7: 312_304_000, longitudeE7: 1_214_737_000)
    #expect(change.fields[.location]?.value == .location(location))
    let canonical = String(decoding: change.canonicalBytes, as: UTF8.self)
    #expect(
      canonical.contains(#""value":{"latitude_e7":312304000,"longitude_e7":1214737000}}"#))
    #expect(CanonicalJSON.encode(change.json) == change.canonicalBytes)
  }

  @Test("blank location text is refused, even beside a point")
  func blankLocationText() {
    for blank in [#""""#, #"" ""#, #""\u3000""#] {
      #expect(
        Self.failure(
          Self.change(
            "location", #"{"latitude_e7":1,"longitude_e7":1,"text":"# + blank + "}"))
          == "fields.location.value.text empty")
      #expect(
        Self.failure(Self.change("location", #"{"text":"# + blank + "}"))
          == "fields.location.value.text empty")
    }
    #expect(Self.failure(Self.change("location", "{}")) == "fields.location.value empty")
    #expect(
      Self.failure(Self.change("location", #"{"text":"桥\n头"}"#))
        == "fields.location.value.text control_character")
  }

  @Test("a deletion's seen list is sorted, without repeats, and empty for a restore")
  func deletionSeenRules() {
    let a1 = #"["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",1]"#
    let a2 = #"["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",2]"#
    let b1 = #"["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",1]"#
    #expect(
      Self.failure(Self.deletion(#"{"deleted":true,"seen":[\#(a1),\#(a2),\#(b1)]}"#)) == "no error")
    #expect(
      Self.failure(Self.deletion(#"{"deleted":true,"seen":[\#(a2),\#(a1)]}"#))
        == "deletion.value.seen invalid_clock")
    #expect(
      Self.failure(Self.deletion(#"{"deleted":true,"seen":[\#(b1),\#(a1)]}"#))
        == "deletion.value.seen invalid_clock")
    #expect(
      Self.failure(Self.deletion(#"{"deleted":true,"seen":[\#(a1),\#(a1)]}"#))
        == "deletion.value.seen invalid_clock")
    #expect(Self.failure(Self.deletion(#"{"deleted":false,"seen":[]}"#)) == "no error")
    #expect(
      Self.failure(Self.deletion(#"{"deleted":false,"seen":[\#(a1)]}"#))
        == "deletion.value.seen invalid_clock")
  }

  @Test("report ids are version 4 UUIDs of the RFC 4122 variant")
  func reportIDVersionAndVariant() throws {
    let text =
      #"{"author":"李伟","dot":["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",2],"fields":{},"note":"x","#
      + #""report":"ID","time":1}"#
    for id in [
      "00000000-0000-0000-0000-000000000000", "00000000-0000-1000-8000-000000000001",
      "00000000-0000-4000-c000-000000000001", "00000000-0000-4000-7000-000000000001",
    ] {
      #expect(
        Self.failure(text.replacingOccurrences(of: "ID", with: id)) == "report invalid_id", "\(id)")
    }
    for id in [
      "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-9000-000000000001",
      "00000000-0000-4000-a000-000000000001", "00000000-0000-4000-b000-000000000001",
    ] {
      #expect(Self.failure(text.replacingOccurrences(of: "ID", with: id)) == "no error", "\(id)")
    }
  }

  @Test("notes are multi-line text of at most 20,000 scalars, in NFC")
  func noteRules() {
    let base =
      #"{"author":"李伟","dot":["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",2],"fields":{},"#
      + #""report":"00000000-0000-4000-8000-000000000001","time":1,"note":"#
    #expect(Self.failure(base + #""第一行\n\t第二行"}"#) == "no error")
    #expect(Self.failure(base + "\"" + String(repeating: "备", count: 20_000) + "\"}") == "no error")
    #expect(
      Self.failure(base + "\"" + String(repeating: "备", count: 20_001) + "\"}") == "note too_long")
    #expect(Self.failure(base + #""a\rb"}"#) == "note control_character")
    #expect(Self.failure(base + "\"Cafe\u{301}\"}") == "note not_normalized")
  }
}
