import LiaisonMerge

/// Writes canonical JSON (``CanonicalJSON``) straight into bytes, without building a
/// ``JSONValue`` tree first.
///
/// States and changes are encoded on every store write and every sync, and building a tree
/// of dictionaries only to sort and walk it again cost more than the SQL. The callers write
/// members in sorted key order themselves; tests check the bytes equal
/// `CanonicalJSON.encode(value.json)` for generated values.
struct CanonicalWriter {
  private(set) var bytes: [UInt8] = []
  private var needsComma = false

  init(capacity: Int = 512) {
    bytes.reserveCapacity(capacity)
  }

  /// `{ ... }`; members are written by `body` in sorted key order.
  mutating func object(_ body: (inout CanonicalWriter) -> Void) {
    separate()
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
    body(&self)
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  /// The `}` of an object whose members were written into a copy of the writer that
  /// ``object(_:)`` is still writing: a second encoding sharing the members before.
  mutating func endObject() {
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  /// `[ ... ]`.
  mutating func array(_ body: (inout CanonicalWriter) -> Void) {
    separate()
    bytes.append(UInt8(ascii: "["))
    needsComma = false
    body(&self)
    bytes.append(UInt8(ascii: "]"))
    needsComma = true
  }

  /// A member's key; its value follows.
  mutating func key(_ key: StaticString) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    key.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    needsComma = false
  }

  /// A member's key that is data, such as a replica id.
  mutating func key(_ key: String) {
    separate()
    CanonicalJSON.writeString(key, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  mutating func string(_ text: String) {
    separate()
    CanonicalJSON.writeString(text, to: &bytes)
    needsComma = true
  }

  mutating func integer(_ number: Int64) {
    separate()
    // Digits are written from the last into a buffer on the stack, then appended at once: no
    // intermediate string, and one capacity check instead of one a digit.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var magnitude = number.magnitude
      var start = digits.count
      repeat {
        start -= 1
        digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      if number < 0 {
        start -= 1
        digits[start] = UInt8(ascii: "-")
      }
      bytes.append(contentsOf: UnsafeMutableBufferPointer(rebasing: digits[start...]))
    }
    needsComma = true
  }

  mutating func bool(_ flag: Bool) {
    separate()
    bytes.append(contentsOf: (flag ? "true" : "false").utf8)
    needsComma = true
  }

  mutating func null() {
    separate()
    bytes.append(contentsOf: "null".utf8)
    needsComma = true
  }

  /// A replica id quoted: 32 lowercase hex digits, as its `description`, without the
  /// intermediate string.
  mutating func replica(_ id: ReplicaID) {
    hex(high: id.high, low: id.low, dashes: false)
  }

  /// A replica id as a member's key, as in a version vector.
  mutating func replicaKey(_ id: ReplicaID) {
    hex(high: id.high, low: id.low, dashes: false)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  /// A report id quoted, in the 8-4-4-4-12 form of its `description`.
  mutating func report(_ id: ReportID) {
    hex(high: id.high, low: id.low, dashes: true)
  }

  private mutating func hex(high: UInt64, low: UInt64, dashes: Bool) {
    separate()
    // The quoted digits are made on the stack and appended at once.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 38) { text in
      var count = 0
      func put(_ byte: UInt8) {
        text[count] = byte
        count += 1
      }
      put(UInt8(ascii: "\""))
      for index in 0..<32 {
        if dashes, index == 8 || index == 12 || index == 16 || index == 20 {
          put(UInt8(ascii: "-"))
        }
        let half = index < 16 ? high : low
        let digit = UInt8(truncatingIfNeeded: half >> UInt64(60 - (index % 16) * 4)) & 0xf
        // Lowercase hex by arithmetic: a table is a global, and its access costs a check.
        put(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") - 10 + digit)
      }
      put(UInt8(ascii: "\""))
      bytes.append(contentsOf: UnsafeMutableBufferPointer(rebasing: text[..<count]))
    }
    needsComma = true
  }

  private mutating func separate() {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
  }
}
