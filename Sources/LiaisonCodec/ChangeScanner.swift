import LiaisonMerge

/// Decodes a change straight from its JSON bytes, without a tree of ``JSONValue``s between,
/// when it has the shape devices write; declines anything else.
///
/// Parsing a pushed change into dictionaries and then reading it out of them cost about 14 µs
/// of the server's 115 µs a change (`liaison-sync-bench signatures`: `parse_us` and
/// `decode_us`, against `scan_us` for this). This reads the bytes once, and never judges:
/// whatever it does not take in full it declines (a number that is not a plain integer, a deletion, an unknown or repeated member, any value the rules
/// refuse), and the parser then reads that change into a tree for
/// ``Change/init(json:path:)``, which names the fault as it always has. So a change it
/// returns is the one that decoder returns from the same bytes, and the bytes it takes are
/// JSON the parser accepts (`ChangeScannerTests` holds it to both over mutations of a
/// corpus). It takes every value the same way as that decoder, through ``FieldValue``,
/// ``ReplicaID``, ``ReportID`` and ``Change``'s own checks; only the JSON around them is
/// read here.
///
/// A change sent in its canonical form (no white space, members in bytewise order, no
/// escapes, as every device of ours sends it) comes with its encodings: its own bytes, and
/// those bytes without the `signature` member, which is what the signature covers. Encoding
/// both again cost more than the scan. Anything the scanner cannot tell is canonical that way
/// leaves the encodings to be made from the change.
struct ChangeScanner {
  /// Why the scanner gives a change back to the parser: no reason is kept, since the tree
  /// decoder finds and names it.
  private struct Declined: Error {}

  private let bytes: [UInt8]
  private var position: Int
  /// False once anything read is not as the canonical encoding writes it.
  private var canonical = true
  /// The `signature` member with the comma before it, in a canonical change.
  private var signatureMember: Range<Int>?

  /// The change whose JSON starts at `start` (after any white space), the position just
  /// after it, and its encodings when its bytes are canonical; nil to leave it to the tree
  /// decoder.
  static func change(in bytes: [UInt8], at start: Int)
    -> (change: Change, end: Int, encodings: ChangeEncodings?)?
  {
    var scanner = ChangeScanner(bytes: bytes, position: start)
    let change: Change
    do throws(Declined) {
      change = try scanner.change()
    } catch {
      return nil
    }
    let end = scanner.position
    guard scanner.canonical else { return (change, end, nil) }
    let canonical = Array(bytes[start..<end])
    guard let signature = scanner.signatureMember else {
      return (change, end, ChangeEncodings(signed: canonical, canonical: canonical))
    }
    let signed = Array(bytes[start..<signature.lowerBound] + bytes[signature.upperBound..<end])
    return (change, end, ChangeEncodings(signed: signed, canonical: canonical))
  }

  private mutating func change() throws(Declined) -> Change {
    var author: String?
    var dot: Dot?
    var fields: [Field: Change.Write<FieldValue>]?
    var note: String?
    var report: ReportID?
    var signature: [UInt8]?
    var time: Int64?
    try open(UInt8(ascii: "{"))
    var previous: Range<Int>?
    repeat {
      let name = try memberName(after: &previous)
      if matches(name, "author") {
        try once(author)
        author = try string()
      } else if matches(name, "dot") {
        try once(dot)
        dot = try self.dot()
      } else if matches(name, "fields") {
        try once(fields)
        fields = try writes()
      } else if matches(name, "note") {
        try once(note)
        note = try string()
      } else if matches(name, "report") {
        try once(report)
        guard let id = ReportID(try string()) else { throw Declined() }
        report = id
      } else if matches(name, "signature") {
        try once(signature)
        // In canonical bytes, a comma and a quote come before the name.
        let memberStart = name.lowerBound - 2
        let text = try string()
        signatureMember = memberStart..<position
        signature = try decoded { () throws(ValidationError) in
          try Change.signature(.string(text), path: "")
        }
      } else if matches(name, "time") {
        try once(time)
        time = try integer()
      } else {
        // `deletion` among them: rare enough to leave to the tree decoder.
        throw Declined()
      }
    } while try next(closing: UInt8(ascii: "}"))
    guard let author, let dot, let fields, let report, let time else { throw Declined() }
    return try decoded { () throws(ValidationError) in
      // The values were checked as they were read; the author and the note are checked here.
      try FieldValue.checkText(
        author, field: "author", maximum: TextLimits.author, multiline: false)
      if let note {
        try FieldValue.checkText(note, field: "note", maximum: TextLimits.note, multiline: true)
      }
      return try Change(
        membersChecked: report, dot: dot, attribution: Attribution(author: author, time: time),
        fields: fields, deletion: nil, note: note, signature: signature)
    }
  }

  /// `{"<field>": {"seen": {...}, "value": ...}, ...}`, value fields only.
  private mutating func writes() throws(Declined) -> [Field: Change.Write<FieldValue>] {
    var writes: [Field: Change.Write<FieldValue>] = [:]
    var written: UInt16 = 0
    try open(UInt8(ascii: "{"))
    if consume(UInt8(ascii: "}")) { return writes }
    var previous: Range<Int>?
    repeat {
      let name = try memberName(after: &previous)
      guard let index = Self.valueFields.firstIndex(where: { matches(name, $0.name) }),
        written & 1 << index == 0
      else { throw Declined() }
      written |= 1 << index
      let field = Self.valueFields[index].field
      var seen: VersionVector?
      var value: FieldValue?
      try open(UInt8(ascii: "{"))
      var previousMember: Range<Int>?
      repeat {
        let member = try memberName(after: &previousMember)
        if matches(member, "seen") {
          try once(seen)
          seen = try versionVector()
        } else if matches(member, "value") {
          try once(value)
          value = try self.value(of: field)
        } else {
          throw Declined()
        }
      } while try next(closing: UInt8(ascii: "}"))
      guard let seen, let value else { throw Declined() }
      writes[field] = Change.Write(value: value, seen: seen)
    } while try next(closing: UInt8(ascii: "}"))
    return writes
  }

  private static let valueFields = Field.valueFields.map {
    (field: $0, name: Array($0.rawValue.utf8))
  }

  /// A field's value: null, a string, or for a location an object, read as
  /// ``FieldValue/init(json:field:path:)`` reads it.
  private mutating func value(of field: Field) throws(Declined) -> FieldValue {
    skipWhitespace()
    guard position < bytes.count else { throw Declined() }
    let json: JSONValue
    switch bytes[position] {
    case UInt8(ascii: "n"):
      guard literal("null") else { throw Declined() }
      json = .null
    case UInt8(ascii: "\""):
      json = .string(try string())
    case UInt8(ascii: "{") where field == .location:
      json = try location()
    default:
      throw Declined()
    }
    let value = try decoded { () throws(ValidationError) in
      try FieldValue(json: json, field: field, path: "")
    }
    // A date is written back as its description, which need not be the text it was read from.
    if case .date(let date) = value, json != .string(date.description) { canonical = false }
    return value
  }

  /// A location's members as the tree holds them, for ``FieldValue/init(json:field:path:)``.
  private mutating func location() throws(Declined) -> JSONValue {
    var members: [String: JSONValue] = [:]
    try open(UInt8(ascii: "{"))
    var previous: Range<Int>?
    repeat {
      let name = try memberName(after: &previous)
      let key: String
      let value: JSONValue
      if matches(name, "latitude_e7") {
        (key, value) = ("latitude_e7", .integer(try integer()))
      } else if matches(name, "longitude_e7") {
        (key, value) = ("longitude_e7", .integer(try integer()))
      } else if matches(name, "text") {
        (key, value) = ("text", .string(try string()))
      } else {
        throw Declined()
      }
      guard members.updateValue(value, forKey: key) == nil else { throw Declined() }
    } while try next(closing: UInt8(ascii: "}"))
    return .object(members)
  }

  /// `["<replica>", counter]`.
  private mutating func dot() throws(Declined) -> Dot {
    try open(UInt8(ascii: "["))
    guard let replica = ReplicaID(try string()) else { throw Declined() }
    skipWhitespace()
    guard consume(UInt8(ascii: ",")) else { throw Declined() }
    let counter = try integer()
    skipWhitespace()
    guard consume(UInt8(ascii: "]")), counter >= 1 else { throw Declined() }
    return Dot(replica: replica, counter: UInt64(counter))
  }

  /// `{"<replica>": counter, ...}`, its entries in bytewise order of their keys, as
  /// ``VersionVector/init(json:path:)`` orders them.
  private mutating func versionVector() throws(Declined) -> VersionVector {
    try open(UInt8(ascii: "{"))
    if consume(UInt8(ascii: "}")) { return VersionVector() }
    var entries: [(key: Range<Int>, dot: Dot)] = []
    var previous: Range<Int>?
    repeat {
      let key = try memberName(after: &previous)
      guard let replica = ReplicaID(String(decoding: bytes[key], as: UTF8.self)) else {
        throw Declined()
      }
      let counter = try integer()
      guard counter >= 1 else { throw Declined() }
      entries.append((key, Dot(replica: replica, counter: UInt64(counter))))
    } while try next(closing: UInt8(ascii: "}"))
    if entries.count > 1 {
      entries.sort { bytes[$0.key].lexicographicallyPrecedes(bytes[$1.key]) }
      // A key twice is a duplicate member, which the parser refuses.
      for index in entries.indices.dropFirst()
      where bytes[entries[index - 1].key].elementsEqual(bytes[entries[index].key]) {
        throw Declined()
      }
    }
    return VersionVector(sortedEntries: entries.map(\.dot))
  }

  // MARK: JSON

  /// A member's name, ASCII without escapes (every name the protocol knows), and its colon;
  /// not canonical unless it sorts after `previous`, the object's member before it.
  private mutating func memberName(after previous: inout Range<Int>?) throws(Declined)
    -> Range<Int>
  {
    skipWhitespace()
    guard consume(UInt8(ascii: "\"")) else { throw Declined() }
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let name = start..<position
        position += 1
        skipWhitespace()
        guard consume(UInt8(ascii: ":")) else { throw Declined() }
        if let previous, !bytes[previous].lexicographicallyPrecedes(bytes[name]) {
          canonical = false
        }
        previous = name
        return name
      }
      guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { throw Declined() }
      position += 1
    }
    throw Declined()
  }

  /// A string, read as the parser reads one.
  private mutating func string() throws(Declined) -> String {
    skipWhitespace()
    guard let (text, end) = JSONParser.string(in: bytes, at: position) else { throw Declined() }
    // Every escape is longer than what it stands for; the canonical form writes one only
    // where it must, and valid JSON has nothing raw that needs one.
    if end - position - 2 != text.utf8.count { canonical = false }
    position = end
    return text
  }

  /// A plain integer, `-?(0|[1-9][0-9]*)`, of at most 2^53-1 in magnitude, as
  /// `JSONReader.integer` takes it; a fraction or an exponent is declined.
  private mutating func integer() throws(Declined) -> Int64 {
    skipWhitespace()
    let negative = consume(UInt8(ascii: "-"))
    let start = position
    var magnitude: Int64 = 0
    while position < bytes.count, position - start < 17,
      case let digit = bytes[position] &- UInt8(ascii: "0"), digit < 10
    {
      magnitude = magnitude * 10 + Int64(digit)
      position += 1
    }
    let digits = position - start
    guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0"),
      magnitude <= Dot.maximumCounter
    else { throw Declined() }
    if position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"),
        UInt8(ascii: "E"):
        throw Declined()
      default: break
      }
    }
    if negative, magnitude == 0 { canonical = false }
    return negative ? -magnitude : magnitude
  }

  private mutating func literal(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count,
      word.withUTF8Buffer({ bytes[position..<position + count].elementsEqual($0) })
    else { return false }
    position += count
    return true
  }

  private func matches(_ name: Range<Int>, _ expected: StaticString) -> Bool {
    name.count == expected.utf8CodeUnitCount
      && expected.withUTF8Buffer { bytes[name].elementsEqual($0) }
  }

  private func matches(_ name: Range<Int>, _ expected: [UInt8]) -> Bool {
    bytes[name].elementsEqual(expected)
  }

  /// After a member or element: true for a comma, false for `closing`.
  private mutating func next(closing: UInt8) throws(Declined) -> Bool {
    skipWhitespace()
    if consume(UInt8(ascii: ",")) { return true }
    guard consume(closing) else { throw Declined() }
    return false
  }

  private mutating func open(_ byte: UInt8) throws(Declined) {
    skipWhitespace()
    guard consume(byte) else { throw Declined() }
    skipWhitespace()
  }

  /// A member seen twice is a duplicate, which the parser refuses.
  private func once<T>(_ member: T?) throws(Declined) {
    if member != nil { throw Declined() }
  }

  private func decoded<T>(_ read: () throws(ValidationError) -> T) throws(Declined) -> T {
    do {
      return try read()
    } catch {
      throw Declined()
    }
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0a, 0x0d:
        position += 1
        canonical = false
      default: return
      }
    }
  }

  private mutating func consume(_ byte: UInt8) -> Bool {
    guard position < bytes.count, bytes[position] == byte else { return false }
    position += 1
    return true
  }
}
