import LiaisonCodec
import LiaisonTestKit

/// JSON text of a value in the forms a client other than ours may write (members in any
/// order, white space anywhere JSON allows it), and byte mutations of such text, for tests
/// that hold two readers of the same bytes to one answer.
enum JSONRendering {
  /// `value` with its members shuffled, JSON's four white space bytes sprinkled between
  /// tokens, and now and then a character of a string escaped.
  static func render(_ value: JSONValue, using random: inout SeededGenerator) -> [UInt8] {
    var output: [UInt8] = []
    write(value, to: &output, using: &random)
    return output
  }

  private static func write(
    _ value: JSONValue, to output: inout [UInt8], using random: inout SeededGenerator
  ) {
    func space() {
      for _ in 0..<(Int.random(in: 0..<4, using: &random) == 0 ? 1 : 0) {
        output.append([0x20, 0x09, 0x0a, 0x0d].randomElement(using: &random)!)
      }
    }
    space()
    switch value {
    case .object(let members):
      output.append(UInt8(ascii: "{"))
      for (index, key) in members.keys.shuffled(using: &random).enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        space()
        output += CanonicalJSON.encode(.string(key))
        space()
        output.append(UInt8(ascii: ":"))
        write(members[key]!, to: &output, using: &random)
      }
      space()
      output.append(UInt8(ascii: "}"))
    case .array(let items):
      output.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        write(item, to: &output, using: &random)
      }
      space()
      output.append(UInt8(ascii: "]"))
    case .string(let text) where Int.random(in: 0..<4, using: &random) == 0:
      output += escapingOneCharacter(text)
    default:
      output += CanonicalJSON.encode(value)
    }
    space()
  }

  /// The string's JSON with its first ASCII letter or digit written as a `\u` escape, which
  /// reads the same and is not the canonical form.
  private static func escapingOneCharacter(_ text: String) -> [UInt8] {
    var encoded = CanonicalJSON.encode(.string(text))
    guard
      let index = encoded.indices.dropFirst().first(where: {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(encoded[$0])
          || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(encoded[$0])
      }), encoded[index - 1] != UInt8(ascii: "\\")
    else { return encoded }
    let hex = Array("0123456789abcdef".utf8)
    let byte = encoded[index]
    encoded.replaceSubrange(
      index...index, with: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xf)]])
    return encoded
  }

  /// Bytes that change the meaning of JSON text when put in place of others.
  private static let interesting: [UInt8] =
    Array(#"{}[],:"\-.eE+019 nulltrfa"#.utf8) + [
      0x00, 0x09, 0x1f, 0x7f, 0x80, 0xc3, 0xe4, 0xff,
    ]

  /// `bytes` with one change: a byte replaced, removed or inserted, a run repeated or cut,
  /// or the text cut short.
  static func mutate(_ bytes: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
    guard !bytes.isEmpty else { return bytes }
    var bytes = bytes
    let index = Int.random(in: 0..<bytes.count, using: &random)
    switch Int.random(in: 0..<6, using: &random) {
    case 0: bytes[index] = interesting.randomElement(using: &random)!
    case 1: bytes.remove(at: index)
    case 2: bytes.insert(interesting.randomElement(using: &random)!, at: index)
    case 3:
      let end = min(bytes.count, index + Int.random(in: 1...24, using: &random))
      bytes.insert(contentsOf: bytes[index..<end], at: end)
    case 4:
      let end = min(bytes.count, index + Int.random(in: 1...24, using: &random))
      bytes.removeSubrange(index..<end)
    default: bytes.removeSubrange(index...)
    }
    return bytes
  }
}
