/// The value of one report field.
public enum FieldValue: Hashable, Sendable, CustomStringConvertible {
  /// No value: an optional field that was never set or was cleared.
  case absent
  /// Free text: village, title, details, parties, assignee.
  case text(String)
  case category(Category)
  case urgency(Urgency)
  case status(Status)
  /// A due date.
  case date(CalendarDate)
  case location(Location)

  /// The value as a person reads it; empty for ``absent``.
  public var description: String {
    switch self {
    case .absent: ""
    case .text(let text): text
    case .category(let value): value.rawValue
    case .urgency(let value): value.rawValue
    case .status(let value): value.rawValue
    case .date(let date): date.description
    case .location(let location):
      [location.text, location.coordinatesText.map { "(\($0))" } ?? ""]
        .filter { !$0.isEmpty }.joined(separator: " ")
    }
  }

  /// The text of a ``text`` value, or nil.
  public var text: String? {
    if case .text(let text) = self { text } else { nil }
  }

  /// Ranks the kinds of value for the total order; only matters for malformed mixes.
  var kindRank: Int {
    switch self {
    case .absent: 0
    case .text: 1
    case .category: 2
    case .urgency: 3
    case .status: 4
    case .date: 5
    case .location: 6
    }
  }
}

extension FieldValue: RegisterValue {
  public var conflictKey: FieldValue { self }

  /// The provisional-winner order of `protocol/merge.md`, which errs towards attention:
  /// a value beats no value; the more pressing category, urgency and the less settled status
  /// win; the earlier due date wins; text and locations compare by their UTF-8 bytes, the
  /// greater winning, then by coordinates.
  public static func winsOver(_ lhs: FieldValue, _ rhs: FieldValue) -> Bool {
    switch (lhs, rhs) {
    case (.text(let a), .text(let b)):
      return utf8Greater(a, b)
    case (.category(let a), .category(let b)):
      return a.attentionRank < b.attentionRank
    case (.urgency(let a), .urgency(let b)):
      return a.attentionRank < b.attentionRank
    case (.status(let a), .status(let b)):
      return a.attentionRank < b.attentionRank
    case (.date(let a), .date(let b)):
      return a < b
    case (.location(let a), .location(let b)):
      if a.text != b.text { return utf8Greater(a.text, b.text) }
      let left = (
        a.latitudeE7.map(Int64.init) ?? Int64.min, a.longitudeE7.map(Int64.init) ?? Int64.min
      )
      let right = (
        b.latitudeE7.map(Int64.init) ?? Int64.min, b.longitudeE7.map(Int64.init) ?? Int64.min
      )
      return left > right
    default:
      return lhs.kindRank > rhs.kindRank
    }
  }
}

/// True when `a`'s UTF-8 bytes sort after `b`'s, byte by byte.
func utf8Greater(_ a: String, _ b: String) -> Bool {
  b.utf8.lexicographicallyPrecedes(a.utf8)
}
