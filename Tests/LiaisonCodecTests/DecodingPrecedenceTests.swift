import LiaisonCodec
import LiaisonMerge
import LiaisonTestKit
import Testing

/// A document with several faults must be refused with the same `{field, code}` every time,
/// the first in the order of `protocol/merge.md` section 11, whatever order its members were
/// parsed or inserted in.
@Suite struct DecodingPrecedenceTests {
  static let good: [String: String] = [
    "author": #""李伟""#,
    "dot": #"["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",2]"#,
    "fields": #"{"title":{"seen":{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":1},"value":"水渠纠纷"}}"#,
    "report": #""00000000-0000-4000-8000-000000000001""#,
    "time": "1772323200000",
  ]

  /// The change text with `overrides` replacing or adding members; nil removes one.
  static func text(_ overrides: [String: String?]) -> String {
    var members = good
    for (name, value) in overrides { members[name] = value }
    return "{"
      + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }
      .joined(separator: ",") + "}"
  }

  static func error(decoding text: String, as kind: String = "change") -> String {
    do {
      let json = try JSONValue(parsing: Array(text.utf8))
      switch kind {
      case "state": _ = try ReportState(json: json)
      default: _ = try Change(json: json)
      }
      return "no error"
    } catch {
      return "\(error.field) \(error.problem.code)"
    }
  }

  /// Each case: a document with several faults, and the one error the specification picks.
  static let cases: [(String, String, String)] = [
    // Unknown members come before every other check of their object, first name first.
    (text(["zeta": "1", "alpha": "2", "report": #""nope""#]), "change", "alpha unknown_field"),
    // Members are checked in bytewise order of their names: author before report and time.
    (
      text(["author": #""  ""#, "report": #""nope""#, "time": "1.5"]), "change",
      "author empty"
    ),
    (text(["dot": #"["aaaa",0]"#, "report": #""nope""#]), "change", "dot invalid_id"),
    (text(["report": #""nope""#, "time": "1.5"]), "change", "report invalid_id"),
    // Fields in bytewise order of their names, whatever order the object lists them.
    (
      text([
        "fields": #"{"village":{"seen":{},"value":""},"urgency":{"seen":{},"value":"x"},"#
          + #""title":{"seen":{},"value":"a\nb"},"status":{"seen":{},"value":null}}"#
      ]), "change", "fields.status.value required"
    ),
    (
      text(["fields": #"{"zzz":{"seen":{},"value":"x"},"aaa":1,"title":{"seen":{},"value":""}}"#]),
      "change", "fields.aaa unknown_field"
    ),
    // Within a write, `seen` comes before `value`.
    (
      text(["fields": #"{"title":{"seen":{"xyz":1},"value":""}}"#]), "change",
      "fields.title.seen.xyz invalid_id"
    ),
    // Version vector keys in bytewise order.
    (
      text([
        "fields": #"{"title":{"seen":{"zz":1,"bb":1,"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":0},"#
          + #""value":"x"}}"#
      ]), "change", "fields.title.seen.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa invalid_clock"
    ),
    // A location's members: latitude_e7, longitude_e7, text.
    (
      text([
        "fields":
          #"{"location":{"seen":{},"value":{"text":5,"longitude_e7":"x","latitude_e7":1.5}}}"#
      ]), "change", "fields.location.value.latitude_e7 wrong_type"
    ),
    // Rules that relate members come after every member is checked.
    (
      text([
        "dot": #"["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",1]"#,
        "fields": #"{"title":{"seen":{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":1},"value":"x"}}"#,
        "note": #""a\u0001""#,
      ]), "change", "note control_character"
    ),
    (
      text([
        "dot": #"["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",1]"#,
        "fields": #"{"village":{"seen":{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":1},"value":"x"},"#
          + #""title":{"seen":{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":1},"value":"x"}}"#,
        "deletion":
          #"{"seen":{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":1},"value":{"deleted":true,"seen":[]}}"#,
      ]), "change", "deletion.seen invalid_clock"
    ),
    (
      text([
        "dot": #"["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",1]"#,
        "fields": #"{"village":{"seen":{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":1},"value":"x"},"#
          + #""title":{"seen":{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":1},"value":"x"}}"#,
      ]), "change", "fields.title.seen invalid_clock"
    ),
    // States: members deletion, fields, id, notes; register members context, values; entry
    // members author, dot, time, value.
    (
      #"{"notes":[{"text":""}],"id":"x","fields":{"title":{"context":{},"values":[]},"#
        + #""details":{"values":[{"value":5,"author":"","zz":1}],"context":{}}}}"#,
      "state", "fields.details.values[0].zz unknown_field"
    ),
    (
      #"{"notes":[],"id":"x","fields":{"title":{"context":{},"values":[]},"#
        + #""details":{"values":[{"value":5,"author":"","dot":["a",1],"time":1}],"context":{}}}}"#,
      "state", "fields.details.values[0].author empty"
    ),
    (
      #"{"notes":[{"time":1,"text":"","dot":["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",1],"author":"x"}],"#
        + #""id":"x","fields":{}}"#, "state", "id invalid_id"
    ),
  ]

  @Test("several faults give the specified error, a hundred times over")
  func severalFaultsGiveOneAnswer() {
    for (text, kind, expected) in Self.cases {
      var answers: Set<String> = []
      for _ in 0..<100 { answers.insert(Self.error(decoding: text, as: kind)) }
      #expect(answers == [expected], "\(text)")
    }
  }

  /// The same members inserted into dictionaries in many orders give one error.
  @Test func insertionOrderDoesNotMatter() throws {
    let json = try JSONValue(
      parsing: Array(
        Self.text([
          "zeta": "1", "omega": "2",
          "fields": #"{"village":{"seen":{},"value":""},"title":{"seen":{},"value":""}}"#,
        ]).utf8))
    guard case .object(let members) = json else { throw NotAnObject() }
    var random = SeededGenerator(seed: 13)
    for _ in 0..<100 {
      var rebuilt: [String: JSONValue] = [:]
      for key in members.keys.shuffled(using: &random) { rebuilt[key] = members[key] }
      let error = try #require(throws: ValidationError.self) {
        try Change(json: .object(rebuilt))
      }
      #expect(error.field == "omega")
      #expect(error.problem.code == "unknown_field")
      var withoutUnknown = rebuilt
      withoutUnknown["zeta"] = nil
      withoutUnknown["omega"] = nil
      let second = try #require(throws: ValidationError.self) {
        try Change(json: .object(withoutUnknown))
      }
      #expect(second.field == "fields.title.value")
      #expect(second.problem.code == "empty")
    }
  }

  /// A change built in memory reports its faults in the same order as a decoded one.
  @Test func changesBuiltInMemoryReportTheFirstFaultToo() throws {
    for _ in 0..<50 {
      let error = try #require(throws: ValidationError.self) {
        try Change(
          report: Fixtures.report(1), dot: Dot(replica: Fixtures.replica(1), counter: 1),
          attribution: Fixtures.author("李伟"),
          fields: [
            .village: .init(value: .text(""), seen: VersionVector()),
            .urgency: .init(value: .absent, seen: VersionVector()),
            .title: .init(value: .text(""), seen: VersionVector()),
            .assignee: .init(value: .text("a\nb"), seen: VersionVector()),
          ])
      }
      #expect(error.field == "fields.assignee.value")
      #expect(error.problem.code == "control_character")
    }
  }
}

private struct NotAnObject: Error {}
