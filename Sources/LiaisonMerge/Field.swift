/// The fields of a report that hold a single value each, in their canonical order.
///
/// Notes are not a field: they form an append-only set that never conflicts. Deletion is held
/// in a register of its own (``ReportState/deletion``) but is named ``deleted`` wherever
/// fields are listed, for example among a report's conflicts.
public enum Field: String, CaseIterable, Sendable, Hashable, Comparable, CustomStringConvertible {
  case village
  case category
  case title
  case details
  case urgency
  case status
  case location
  case parties
  case assignee
  case due
  case deleted

  /// The fields held in ``ReportState/fields``: every field but ``deleted``.
  public static let valueFields: [Field] = allCases.filter { $0 != .deleted }

  /// Every field in the bytewise order of its name's UTF-8: the order in which a change's
  /// faults are looked for (`protocol/merge.md` section 11), without sorting names each time.
  public static let bytewiseOrder: [Field] = allCases.sorted {
    $0.rawValue.utf8.lexicographicallyPrecedes($1.rawValue.utf8)
  }

  /// The fields a new report must set.
  public static let required: [Field] = [.village, .category, .title]

  /// True for the fields a new report must set.
  public var isRequired: Bool { Field.required.contains(self) }

  /// False for the fields that always hold a value: the required ones, urgency and status.
  public var isClearable: Bool {
    !isRequired && self != .urgency && self != .status && self != .deleted
  }

  /// The value a field shows before any write: urgency and status have defaults.
  public var defaultValue: FieldValue {
    switch self {
    case .urgency: .urgency(.normal)
    case .status: .status(.open)
    default: .absent
    }
  }

  /// The position of a value field in ``ReportState/fields``.
  var slot: Int {
    switch self {
    case .village: 0
    case .category: 1
    case .title: 2
    case .details: 3
    case .urgency: 4
    case .status: 5
    case .location: 6
    case .parties: 7
    case .assignee: 8
    case .due: 9
    case .deleted: preconditionFailure("deleted is not a value field")
    }
  }

  public var description: String { rawValue }

  /// Fields key the dictionaries of every change; the defaults of a `String` raw-value enum
  /// hash and compare the name, which made hashing a field a string's work (a tenth of
  /// decoding a change, `liaison-sync-bench signatures`).
  public func hash(into hasher: inout Hasher) {
    hasher.combine(ordinal)
  }

  public static func == (lhs: Field, rhs: Field) -> Bool {
    lhs.ordinal == rhs.ordinal
  }

  private var ordinal: UInt8 {
    if case .deleted = self { return 10 }
    return UInt8(slot)
  }

  public static func < (lhs: Field, rhs: Field) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}
