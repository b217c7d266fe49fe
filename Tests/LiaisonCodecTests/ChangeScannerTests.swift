import LiaisonCodec
import LiaisonMerge
import LiaisonTestKit
import Testing

/// The direct decoder of pushed changes (`ChangeScanner`) against the parser and tree decoder
/// it stands in for: over a corpus of changes, written out in other member orders and white
/// space and then mutated byte by byte, a body read with `parse(_:streamingChanges:_:)` must
/// throw what `parse(_:streaming:_:)` throws and hand out as many elements, and an element
/// that comes out decoded must be the change `Change(json:)` makes of the same element.
@Suite struct ChangeScannerTests {
  static let seed: UInt64 = 20_261_130

  /// Signed and unsigned changes of every kind: creations with every field, a location with
  /// and without words, edits that cleared fields, notes, a delete and a restore, and writes
  /// whose context names two replicas.
  static func corpus() throws -> [JSONValue] {
    let (first, second, third) = (
      Fixtures.replica(0xa1), Fixtures.replica(0xb2), Fixtures.replica(0xc3)
    )
    let key = TestKeys.key(0xa1)
    var changes: [Change] = []
    var state = ReportState(id: Fixtures.report(1))
    func write(_ edit: ReportEdit, _ replica: ReplicaID, _ counter: UInt64) throws -> Change {
      let change = try state.write(
        edit, dot: Dot(replica: replica, counter: counter),
        attribution: Fixtures.author("李伟", minutes: Int64(counter)))
      changes.append(change)
      return change
    }
    _ = try write(
      Fixtures.everyField, first, 1)
    // A concurrent title from another replica, then a third that saw both.
    var other = state
    let concurrent = try other.write(
      ReportEdit(values: [.title: .text("Bridge cracks")]), dot: Dot(replica: second, counter: 1),
      attribution: Fixtures.author("王芳"))
    changes.append(concurrent)
    _ = try write(ReportEdit(values: [.title: .text("北桥裂缝")]), first, 2)
    state.apply(concurrent)
    _ = try write(ReportEdit(values: [.title: .text("北桥")]), third, 7)
    _ = try write(
      ReportEdit(values: [.status: .status(.inProgress), .assignee: .text("李四")]), first, 3)
    _ = try write(ReportEdit(values: [.details: .absent, .due: .absent]), first, 4)
    _ = try write(
      ReportEdit(values: [.location: .location(Location(text: "", latitudeE7: 1, longitudeE7: -1))]
      ),
      first, 5)
    _ = try write(.note("已上报乡里"), first, 6)
    _ = try write(.delete, first, 8)
    _ = try write(.restore, first, 9)
    var creation = ReportState(id: Fixtures.report(2))
    changes.append(
      try creation.write(
        Fixtures.newReport(title: "Water \"quotes\" and \\ slashes", village: "Hillside"),
        dot: Dot(replica: second, counter: 2), attribution: Fixtures.author("O'Brien")))
    return changes.map(\.json) + changes.map { TestKeys.sign($0.json, with: key) }
  }

  /// What a body read either way gave: its elements, and its error or nil.
  struct Reading {
    var elements: [StreamedChange] = []
    var error: String?
  }

  static func read(_ body: [UInt8], scanning: Bool) -> Reading {
    nonisolated(unsafe) var reading = Reading()
    do {
      if scanning {
        _ = try JSONValue.parse(body, streamingChanges: "changes") { reading.elements.append($0) }
      } else {
        _ = try JSONValue.parse(body, streaming: "changes") {
          reading.elements.append(.parsed($0))
        }
      }
    } catch {
      reading.error = "\(error.field) \(error.problem)"
    }
    return reading
  }

  /// Nil when reading `body` by the scanner agrees with the tree; else what differs. Counts
  /// the elements that came out decoded, and those that came with their encodings.
  static func disagreement(_ body: [UInt8], decoded: inout Int, encoded: inout Int) -> String? {
    let (tree, scanned) = (read(body, scanning: false), read(body, scanning: true))
    guard tree.error == scanned.error else {
      return "errors differ: \(tree.error ?? "none") / \(scanned.error ?? "none")"
    }
    guard tree.elements.count == scanned.elements.count else {
      return "\(tree.elements.count) elements / \(scanned.elements.count)"
    }
    for (treeElement, scannedElement) in zip(tree.elements, scanned.elements) {
      guard case .parsed(let json) = treeElement else { return "the tree decoded" }
      switch scannedElement {
      case .parsed(let value):
        if value != json { return "the parsed elements differ" }
      case .decoded(let change, let encodings):
        decoded += 1
        guard let expected = try? Change(json: json) else {
          return "decoded a change the tree refuses: \(json)"
        }
        if expected != change { return "decoded \(change), the tree \(expected)" }
        if let encodings {
          encoded += 1
          let made = ChangeEncodings(signed: change.signedBytes, canonical: change.canonicalBytes)
          if encodings != made {
            return "took \(String(decoding: encodings.canonical, as: UTF8.self)) as canonical"
          }
        }
      }
    }
    return nil
  }

  static func body(_ elements: [[UInt8]]) -> [UInt8] {
    var body = Array(#"{"changes":["#.utf8)
    for (index, element) in elements.enumerated() {
      if index > 0 { body.append(UInt8(ascii: ",")) }
      body += element
    }
    return body + Array("]}".utf8)
  }

  @Test(
    "every change of the corpus but deletes and restores is decoded directly, as the tree decodes it"
  )
  func corpusDecodesDirectly() throws {
    let corpus = try Self.corpus()
    var (decoded, encoded) = (0, 0)
    let body = Self.body(corpus.map(CanonicalJSON.encode))
    #expect(Self.disagreement(body, decoded: &decoded, encoded: &encoded) == nil)
    #expect(Self.leftToTheTree(corpus) == 4)
    #expect(decoded == corpus.count - Self.leftToTheTree(corpus))
    // Canonical bytes come with their encodings, but for escaped text, which is canonical
    // too and left to the encoder: the first creation's newline and the quoted title.
    #expect(encoded == decoded - 4)
  }

  /// The changes the scanner leaves to the tree decoder: deletes and restores, signed and
  /// unsigned.
  static func leftToTheTree(_ corpus: [JSONValue]) -> Int {
    corpus.filter { change in
      guard case .object(let members) = change else { return true }
      return members["deletion"] != nil
    }.count
  }

  @Test("member order and white space do not matter")
  func orderAndWhiteSpace() throws {
    let corpus = try Self.corpus()
    var random = SeededGenerator(seed: Self.seed)
    for round in 0..<50 {
      var (decoded, encoded) = (0, 0)
      let body = Self.body(corpus.map { JSONRendering.render($0, using: &random) })
      let problem = Self.disagreement(body, decoded: &decoded, encoded: &encoded)
      #expect(problem == nil, "seed \(Self.seed), round \(round)")
      #expect(
        decoded == corpus.count - Self.leftToTheTree(corpus), "seed \(Self.seed), round \(round)")
    }
  }

  @Test("an escape the canonical form does not write leaves the encodings to the encoder")
  func needlessEscape() throws {
    let marker = Array(#""report":""#.utf8)
    let elements = try Self.corpus().map { change in
      var bytes = CanonicalJSON.encode(change)
      // The id's first digit as a \u escape: the same change, in bytes that are not canonical.
      let start = (0...bytes.count - marker.count).first {
        bytes[$0..<$0 + marker.count].elementsEqual(marker)
      }!
      let digit = bytes[start + marker.count]
      bytes.replaceSubrange(
        start + marker.count...start + marker.count,
        with: Array("\\u00\(String(digit, radix: 16))".utf8))
      return bytes
    }
    var (decoded, encoded) = (0, 0)
    #expect(Self.disagreement(Self.body(elements), decoded: &decoded, encoded: &encoded) == nil)
    #expect(decoded == elements.count - Self.leftToTheTree(try Self.corpus()))
    #expect(encoded == 0)
  }

  @Test("mutated bytes: the scanner declines or agrees, and the body's verdict is unchanged")
  func mutations() throws {
    let corpus = try Self.corpus()
    var random = SeededGenerator(seed: Self.seed)
    var (decoded, encoded) = (0, 0)
    var failures: [String] = []
    for round in 0..<20_000 where failures.count < 5 {
      var elements = (0..<Int.random(in: 1...3, using: &random)).map { _ in
        let change = corpus.randomElement(using: &random)!
        return Bool.random(using: &random)
          ? CanonicalJSON.encode(change) : JSONRendering.render(change, using: &random)
      }
      let target = Int.random(in: 0..<elements.count, using: &random)
      for _ in 0..<Int.random(in: 1...3, using: &random) {
        elements[target] = JSONRendering.mutate(elements[target], using: &random)
      }
      let body = Self.body(elements)
      if let problem = Self.disagreement(body, decoded: &decoded, encoded: &encoded) {
        failures.append(
          "seed \(Self.seed), round \(round): \(problem) in \(String(decoding: body, as: UTF8.self))"
        )
      }
    }
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    // Most mutations break a change; enough survive to show the scanner took some.
    #expect(decoded > 1_000)
    #expect(encoded > 500)
  }
}
