import LiaisonCodec
import LiaisonMerge
import LiaisonTestKit
import Testing

/// `protocol/vectors` run through `Change(json:)`, the tree decoder (``VectorTests``); a
/// pushed change is read by `ChangeScanner` instead. Every change a vector holds, valid or
/// not, must read the same through both in a push's body, and the bytes the scanner keeps of
/// a canonical change must be the bytes the vector names: `canonical` for a decoding vector,
/// `signed_bytes` for a signature vector.
@Suite struct ScannerVectorTests {
  /// A vector's change input and the bytes it names for it.
  struct Case {
    let name: String
    let input: JSONValue
    let canonical: String?
    let signed: String?
  }

  static func cases() throws -> [Case] {
    try MergeVector.load(from: VectorTests.directory).compactMap { vector in
      guard case .object(let members) = vector.json, let input = members["input"] else {
        return nil
      }
      func text(_ key: String) -> String? {
        if case .string(let value)? = members[key] { value } else { nil }
      }
      switch (text("decode"), text("verify")) {
      case ("change", _):
        return Case(name: vector.name, input: input, canonical: text("canonical"), signed: nil)
      case (_, "change"):
        return Case(name: vector.name, input: input, canonical: nil, signed: text("signed_bytes"))
      default:
        return nil
      }
    }
  }

  @Test("every change of the vectors reads through the scanner as through the tree")
  func vectorsReadAlike() throws {
    let cases = try Self.cases()
    var random = SeededGenerator(seed: ChangeScannerTests.seed)
    var (decoded, encoded, valid) = (0, 0, 0)
    for vector in cases {
      let canonical = CanonicalJSON.encode(vector.input)
      for form in [canonical, JSONRendering.render(vector.input, using: &random)] {
        #expect(
          ChangeScannerTests.disagreement(
            ChangeScannerTests.body([form]), decoded: &decoded, encoded: &encoded) == nil,
          "\(vector.name), seed \(ChangeScannerTests.seed)")
      }
      // A valid change in canonical form is the scanner's to take, but for a deletion, which
      // it leaves to the tree; its own bytes are kept but where text needs an escape.
      guard (try? Change(json: vector.input)) != nil,
        case .object(let members) = vector.input, members["deletion"] == nil
      else { continue }
      valid += 1
      let reading = ChangeScannerTests.read(ChangeScannerTests.body([canonical]), scanning: true)
      guard case .decoded(_, let encodings)? = reading.elements.first else {
        Issue.record("\(vector.name): a valid change in canonical form was not decoded")
        continue
      }
      if let expected = vector.canonical, let encodings {
        #expect(String(decoding: encodings.canonical, as: UTF8.self) == expected, "\(vector.name)")
      }
      if let expected = vector.signed, let encodings {
        #expect(String(decoding: encodings.signed, as: UTF8.self) == expected, "\(vector.name)")
      }
    }
    #expect(cases.count > 50)
    #expect(valid > 0)
  }
}
