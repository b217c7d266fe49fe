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
