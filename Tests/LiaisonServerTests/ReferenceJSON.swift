import Foundation

/// The fuzzer's oracle for "is this body JSON as `protocol/sync.md` section 2 defines it",
/// written from RFC 8259 and the spec, apart from the server's parser: an oracle built on the
/// code under test agrees with every bug in it.
///
/// It only recognises; it builds no values. Foundation's `JSONSerialization`, a third
/// implementation, checks it in turn: whatever this accepts, Foundation must parse.
enum ReferenceJSON {
  /// Why a body is not protocol JSON, by the rule it breaks.
  enum Fault: Error, Equatable {
    /// Not RFC 8259 JSON in UTF-8 at all.
    case grammar
    /// The protocol's further rules: one object never names a member twice, at most 64
    /// levels of nesting, no lone surrogate escapes, and numbers a double holds.
    case duplicateMember, tooDeep, loneSurrogate, numberOutOfRange
  }

  static func fault(of bytes: [UInt8]) -> Fault? {
    guard String(validating: bytes, as: UTF8.self) != nil else { return .grammar }
    var reader = Reader(bytes: bytes)
    do {
      reader.space()
      try reader.value(depth: 1)
      reader.space()
      return reader.at == bytes.count ? nil : .grammar
    } catch {
      return error
    }
  }

  private struct Reader {
    let bytes: [UInt8]
    var at = 0

    var next: UInt8? { at < bytes.count ? bytes[at] : nil }

    mutating func space() {
      while let byte = next, [0x20, 0x09, 0x0a, 0x0d].contains(byte) { at += 1 }
    }

    mutating func expect(_ text: String) throws(Fault) {
      for byte in text.utf8 {
        guard next == byte else { throw .grammar }
        at += 1
      }
    }

    mutating func value(depth: Int) throws(Fault) {
      switch next {
      case UInt8(ascii: "{"):
        guard depth <= 64 else { throw .tooDeep }
        at += 1
        space()
        // Names compare as Swift strings compare, by canonical equivalence: the spec's rule.
        var names = Set<String>()
        if next == UInt8(ascii: "}") {
          at += 1
          return
        }
        while true {
          space()
          guard names.insert(String(decoding: try string(), as: UTF16.self)).inserted else {
            throw .duplicateMember
          }
          space()
          try expect(":")
          space()
          try value(depth: depth + 1)
          space()
          if next == UInt8(ascii: "}") {
            at += 1
            return
          }
          try expect(",")
        }
      case UInt8(ascii: "["):
        guard depth <= 64 else { throw .tooDeep }
        at += 1
        space()
        if next == UInt8(ascii: "]") {
          at += 1
          return
        }
        while true {
          space()
          try value(depth: depth + 1)
          space()
          if next == UInt8(ascii: "]") {
            at += 1
            return
          }
          try expect(",")
        }
      case UInt8(ascii: "\""): _ = try string()
      case UInt8(ascii: "t"): try expect("true")
      case UInt8(ascii: "f"): try expect("false")
      case UInt8(ascii: "n"): try expect("null")
      default: try number()
      }
    }

    /// A string's UTF-16 code units once unescaped: equal names are equal here.
    mutating func string() throws(Fault) -> [UInt16] {
      try expect("\"")
      var start = at
      var units: [UInt16] = []
      while let byte = next {
        if byte == UInt8(ascii: "\"") {
          units += String(decoding: bytes[start..<at], as: UTF8.self).utf16
          at += 1
          return units
        }
        if byte < 0x20 { throw .grammar }
        if byte != UInt8(ascii: "\\") {
          at += 1
          continue
        }
        units += String(decoding: bytes[start..<at], as: UTF8.self).utf16
        at += 1
        guard let escape = next else { throw .grammar }
        at += 1
        switch escape {
        case UInt8(ascii: "u"):
          let unit = try hex()
          if (0xDC00...0xDFFF).contains(unit) { throw .loneSurrogate }
          if (0xD800...0xDBFF).contains(unit) {
            guard next == UInt8(ascii: "\\") else { throw .loneSurrogate }
            at += 1
            guard next == UInt8(ascii: "u") else { throw .loneSurrogate }
            at += 1
            let low = try hex()
            guard (0xDC00...0xDFFF).contains(low) else { throw .loneSurrogate }
            units += [unit, low]
          } else {
            units.append(unit)
          }
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
          UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          units.append(UInt16(escape))
        default: throw .grammar
        }
        start = at
      }
      throw .grammar
    }

    mutating func hex() throws(Fault) -> UInt16 {
      guard at + 4 <= bytes.count,
        let unit = UInt16(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16),
        bytes[at..<at + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
      else { throw .grammar }
      at += 4
      return unit
    }

    mutating func number() throws(Fault) {
      let start = at
      if next == UInt8(ascii: "-") { at += 1 }
      func digits(_ reader: inout Reader) -> Int {
        var count = 0
        while let byte = reader.next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
          reader.at += 1
          count += 1
        }
        return count
      }
      let first = next
      let whole = digits(&self)
      guard whole > 0, first != UInt8(ascii: "0") || whole == 1 else { throw .grammar }
      if next == UInt8(ascii: ".") {
        at += 1
        guard digits(&self) > 0 else { throw .grammar }
      }
      if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
        at += 1
        if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { at += 1 }
        guard digits(&self) > 0 else { throw .grammar }
      }
      let text = String(decoding: bytes[start..<at], as: UTF8.self)
      guard let value = Double(text), value.isFinite else { throw .numberOutOfRange }
    }
  }
}
