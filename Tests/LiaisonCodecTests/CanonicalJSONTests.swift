import LiaisonCodec
import LiaisonMerge
import LiaisonTestKit
import Testing

@Suite struct CanonicalJSONTests {
  @Test func sortsKeysAndEscapesOnlyWhatItMust() throws {
    let value = JSONValue.object([
      "b": .array([.integer(-12), .bool(true), .null]),
      "a": .string("引号\"\\/\n\u{1}"),
    ])
    #expect(CanonicalJSON.string(value) == #"{"a":"引号\"\\/\n\u0001","b":[-12,true,null]}"#)
  }

  @Test func equalObjectsEncodeEquallyWhateverTheirKeyOrder() throws {
    let first = try JSONValue(parsing: Array(#"{"x": 1, "y": {"b": 2, "a": 3}}"#.utf8))
    let second = try JSONValue(parsing: Array(#"{"y":{"a":3,"b":2},"x":1}"#.utf8))
    #expect(CanonicalJSON.encode(first) == CanonicalJSON.encode(second))
  }

  @Test func malformedJSONIsAnErrorNotACrash() {
    for text in ["{", "[1,", #"{"a" 1}"#, "nul", "\u{0}"] {
      #expect(throws: ValidationError.self) { try JSONValue(parsing: Array(text.utf8)) }
    }
  }

  @Test("states and changes survive an encode-decode round trip, byte for byte")
  func roundTrip() throws {
    for seed in UInt64(1)...200 {
      var simulation = MergeSimulation(seed: seed, replicaCount: 3, reportCount: 2)
      for _ in 0..<30 { simulation.step() }
      for replica in simulation.replicas {
        for state in replica.reports.values {
          let decoded = try ReportState(json: try JSONValue(parsing: state.canonicalBytes))
          #expect(decoded == state, "seed \(seed)")
          #expect(decoded.canonicalBytes == state.canonicalBytes, "seed \(seed)")
        }
      }
      for change in simulation.written.values {
        let decoded = try Change(json: try JSONValue(parsing: change.canonicalBytes))
        #expect(decoded == change, "seed \(seed)")
      }
    }
  }

  @Test("the direct writer produces exactly the bytes of the JSON tree, sorted and escaped")
  func directWriterAgreesWithTheTree() throws {
    for seed in UInt64(1)...300 {
      var simulation = MergeSimulation(seed: seed, replicaCount: 4, reportCount: 2)
      for _ in 0..<40 { simulation.step() }
      for replica in simulation.replicas {
        for state in replica.reports.values {
          #expect(state.canonicalBytes == CanonicalJSON.encode(state.json), "seed \(seed)")
        }
      }
      for change in simulation.written.values {
        #expect(change.canonicalBytes == CanonicalJSON.encode(change.json), "seed \(seed)")
      }
    }
    let awkward = try Change(
      report: Fixtures.report(1), dot: Dot(replica: ReplicaID(high: 1, low: 2), counter: 9),
      attribution: Attribution(author: "引号\"\\", time: 1_234_567_890_123),
      fields: [
        .location: .init(
          value: .location(Location(text: "桥", latitudeE7: -900_000_000, longitudeE7: 0)),
          seen: VersionVector()),
        .title: .init(value: .text("\\ \"quoted\""), seen: VersionVector()),
      ], deletion: nil, note: "line\nline\ttab")
    #expect(awkward.canonicalBytes == CanonicalJSON.encode(awkward.json))
  }

  @Test("both forms written at once equal the signed bytes and the canonical bytes")
  func signedAndCanonicalFormsAtOnce() {
    for seed in UInt64(1)...100 {
      var simulation = MergeSimulation(seed: seed, replicaCount: 3, reportCount: 2)
      for _ in 0..<30 { simulation.step() }
      for change in simulation.written.values {
        let signature = (0..<64).map { UInt8(truncatingIfNeeded: Int(seed) &+ $0) }
        for form in [change, change.signed(signature)] {
          let (signed, canonical) = form.signedAndCanonicalBytes
          #expect(signed == form.signedBytes, "seed \(seed)")
          #expect(canonical == form.canonicalBytes, "seed \(seed)")
          #expect(signed == CanonicalJSON.encode(change.json), "seed \(seed)")
        }
      }
    }
  }

  @Test func errorsNameTheJSONPathOfTheBadMember() throws {
    let text = #"""
      {"author":"李伟","dot":["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",2],"report":"00000000-0000-4000-8000-000000000001",
       "time":0,"fields":{"urgency":{"seen":{},"value":"critical"}}}
      """#
    let error = try #require(throws: ValidationError.self) {
      try Change(json: try JSONValue(parsing: Array(text.utf8)))
    }
    #expect(error.field == "fields.urgency.value")
    #expect(
      error.description
        == #"fields.urgency.value "critical" is not allowed; use one of: urgent, high, normal, low"#
    )
  }
}

@Suite struct JSONParserTests {
  @Test func readsEveryKindOfValueExactly() throws {
    let value = try JSONValue(
      parsing: Array(
        #" {"a": [1, -0, 9007199254740991, 1.5e3, true, false, null], "b": "\u6c34\n\"\\\/", "c": {}} "#
          .utf8))
    #expect(
      value
        == .object([
          "a": .array([
            .integer(1), .integer(0), .integer(9_007_199_254_740_991), .number(1500), .bool(true),
            .bool(false), .null,
          ]),
          "b": .string("水\n\"\\/"), "c": .object([:]),
        ]))
    #expect(try JSONValue(parsing: Array(#""\ud83d\ude00""#.utf8)) == .string("😀"))
    // Either side of the 18-digit fast path, and the ends of Int64.
    for number: Int64 in [
      -999_999_999_999_999_999, 999_999_999_999_999_999, 1_000_000_000_000_000_000, .max, .min,
    ] {
      #expect(try JSONValue(parsing: Array(String(number).utf8)) == .integer(number))
    }
    #expect(
      try JSONValue(parsing: Array("9223372036854775808".utf8)) == .number(9.223372036854775808e18))
  }

  @Test func refusesWhatThePeersCouldReadDifferently() {
    let refused: [[UInt8]] = [
      Array(#"{"a": 1, "a": 2}"#.utf8), Array("[01]".utf8), Array("[1,]".utf8),
      Array(#"{"a" 1}"#.utf8),
      Array(#""\ud800""#.utf8), Array("\"a\u{1}b\"".utf8), Array("[1] x".utf8), Array("".utf8),
      Array("nul".utf8),
      [0x22, 0xff, 0xfe, 0x22],
      Array(String(repeating: "[", count: 65).utf8) + Array(String(repeating: "]", count: 65).utf8),
      Array("1e999".utf8), Array(#""\x""#.utf8),
    ]
    for input in refused {
      #expect(throws: ValidationError.self, "\(String(decoding: input, as: UTF8.self))") {
        try JSONValue(parsing: input)
      }
    }
  }
}
