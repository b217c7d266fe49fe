import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonStore
import LiaisonTestKit

/// Makes `POST /v1/push` bodies for the fuzzer: valid change sets from a device, then mutated
/// in their JSON tree (wrong types, extreme numbers, duplicated dots, deep nesting, enormous
/// strings, missing and unknown members) and in their bytes (invalid UTF-8, truncation, bit
/// flips, splices of two bodies).
struct PushMutator {
  let device: ReplicaID
  let key: SigningKey
  var random: SeededGenerator

  /// Valid changes by `device`: creations with every kind of field, edits, notes, a delete
  /// and a restore, over a few reports; counters run from `firstCounter`.
  func corpus(firstCounter: UInt64) throws -> [JSONValue] {
    var changes: [JSONValue] = []
    var counter = firstCounter
    for report in 1...3 {
      var state = ReportState(id: Fixtures.report(report + Int(firstCounter)))
      let edits = [
        Fixtures.everyField,
        ReportEdit(values: [.status: .status(.inProgress), .assignee: .text("李四")]),
        ReportEdit(values: [.details: .absent, .title: .text("Broken bridge")]),
        .note("已上报乡里"), .delete, .restore,
      ]
      for edit in edits {
        let change = try state.write(
          edit, dot: Dot(replica: device, counter: counter),
          attribution: Fixtures.author("李伟", minutes: Int64(counter)))
        changes.append(key.sign(change).json)
        counter += 1
      }
    }
    return changes
  }

  /// A body of one to a few changes from the corpus, mutated one way or several.
  mutating func body(from corpus: [JSONValue], spliceWith other: [UInt8]) -> [UInt8] {
    let start = Int.random(in: 0..<corpus.count, using: &random)
    let count = Int.random(in: 1...min(6, corpus.count - start), using: &random)
    var value = JSONValue.object(["changes": .array(Array(corpus[start..<start + count]))])
    for _ in 0..<Int.random(in: 0...3, using: &random) { value = mutate(value) }
    var bytes = CanonicalJSON.encode(value)
    if Int.random(in: 0..<10, using: &random) < 4 { bytes = mutateBytes(bytes, other: other) }
    return bytes
  }

  /// Replaces one node of the tree, chosen at random, with a mutation of it.
  mutating func mutate(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(var members) where !members.isEmpty && Bool.random(using: &random):
      let key = members.keys.sorted().randomElement(using: &random)!
      switch Int.random(in: 0..<8, using: &random) {
      case 0: members[key] = nil
      case 1: members["unexpected"] = members[key]
      default: members[key] = mutate(members[key]!)
      }
      return .object(members)
    case .array(var items) where !items.isEmpty && Bool.random(using: &random):
      let index = Int.random(in: 0..<items.count, using: &random)
      switch Int.random(in: 0..<8, using: &random) {
      case 0: items.append(items[index])  // the same dot twice
      case 1: items.remove(at: index)
      case 2: items.swapAt(index, Int.random(in: 0..<items.count, using: &random))
      default: items[index] = mutate(items[index])
      }
      return .array(items)
    default:
      return replacement(for: value)
    }
  }

  private mutating func replacement(for value: JSONValue) -> JSONValue {
    switch Int.random(in: 0..<10, using: &random) {
    case 0: return .null
    case 1: return .bool(Bool.random(using: &random))
    case 2:
      return .integer(
        [
          0, -1, 1, 2, Int64(Dot.maximumCounter), Int64(Dot.maximumCounter) + 1, Int64.max,
          Int64.min, -Int64(Dot.maximumCounter), 1_800_000_001, Int64(Int32.max) + 1,
        ].randomElement(using: &random)!)
    case 3: return .number([0.5, -1e300, 1e300, 3.0].randomElement(using: &random)!)
    case 4:
      let unit = ["x", "水", "\u{0}", "\n", "\u{1F600}", "\\", "\""].randomElement(using: &random)!
      let length = [0, 1, 199, 200, 201, 20_000, 20_001, 100_000].randomElement(using: &random)!
      return .string(String(repeating: unit, count: length))
    case 5:
      return .string(
        [
          "东村", "西村", "hazard", "urgent", "in_progress", "2026-02-30", "0000-01-01",
          Fixtures.replica(0xd1).description, Fixtures.replica(0xd2).description,
          Fixtures.report(1).description, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "",
        ].randomElement(using: &random)!)
    case 6:
      var nested = value
      for _ in 0..<Int.random(in: 1...80, using: &random) { nested = .array([nested]) }
      return nested
    case 7: return .array([value, value])
    case 8: return .object(["seen": .object([:]), "value": value])
    default: return .array([.string(Fixtures.replica(0xd1).description), value])
    }
  }

  /// Damages the encoded bytes: the kinds of input a tree cannot hold.
  mutating func mutateBytes(_ bytes: [UInt8], other: [UInt8]) -> [UInt8] {
    guard !bytes.isEmpty else { return bytes }
    var bytes = bytes
    let at = Int.random(in: 0..<bytes.count, using: &random)
    switch Int.random(in: 0..<7, using: &random) {
    case 0: return Array(bytes[..<at])  // truncated
    case 1:
      for _ in 0..<Int.random(in: 1...8, using: &random) {
        let position = Int.random(in: 0..<bytes.count, using: &random)
        bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
      }
      return bytes
    case 2:
      let invalid: [[UInt8]] = [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe6, 0xb0], [0x80]]
      bytes.insert(contentsOf: invalid.randomElement(using: &random)!, at: at)
      return bytes
    case 3:
      let text = [#"\ud800"#, #"\u0000"#, #"\x"#, "1e999", "-0", "99999999999999999999"]
      bytes.insert(contentsOf: Array(text.randomElement(using: &random)!.utf8), at: at)
      return bytes
    case 4:
      let cut = other.isEmpty ? 0 : Int.random(in: 0..<other.count, using: &random)
      return Array(bytes[..<at]) + Array(other[cut...])  // a splice of two bodies
    case 5:
      return Array(repeating: UInt8(ascii: "["), count: Int.random(in: 60...5_000, using: &random))
    default:
      bytes.insert(contentsOf: bytes[at...].prefix(64), at: at)
      return bytes
    }
  }
}
