/// The value of a report's delete register: whether it is deleted, and what the deleter saw.
///
/// A delete is a tombstone, never a hard delete. So that a delete made without knowledge of a
/// concurrent edit is surfaced as a conflict rather than hiding that edit, a delete records the
/// exact dots of every value and note it saw (`seen`). Any value or note in the merged report
/// whose dot is not among them was written concurrently with the delete.
public struct Deletion: Hashable, Sendable {
  /// True for a delete, false for a restore.
  public let isDeleted: Bool
  /// The dots of every value and note the writer saw, sorted; empty for a restore.
  public let seen: [Dot]

  /// Creates a deletion value; `seen` is sorted and deduplicated here.
  public init(isDeleted: Bool, seen: [Dot] = []) {
    self.isDeleted = isDeleted
    self.seen = Array(Set(seen)).sorted()
  }

  /// Checks the rule of `protocol/merge.md` section 8 that construction cannot settle: a
  /// restore has seen nothing. (``init(isDeleted:seen:)`` sorts `seen` and drops repeats.)
  ///
  /// Errors name `seen`; callers put the path of the deletion before it.
  public func validate() throws(ValidationError) {
    if !isDeleted, let first = seen.first {
      throw ValidationError(
        field: "seen", value: first.description,
        problem: .invalidClock("a restore has seen nothing, so its seen is empty"))
    }
  }

  /// Whether `dot` was seen by this delete, by binary search.
  func saw(_ dot: Dot) -> Bool {
    var low = 0
    var high = seen.count
    while low < high {
      let middle = (low + high) / 2
      if seen[middle] == dot { return true }
      if seen[middle] < dot { low = middle + 1 } else { high = middle }
    }
    return false
  }
}

extension Deletion: RegisterValue {
  /// Two deletes are the same decision whatever each had seen.
  public var conflictKey: Bool { isDeleted }

  /// A restore wins over a delete, so that an unsettled report stays visible; between two
  /// deletes, the one that saw more wins, then the one whose seen dots sort last.
  public static func winsOver(_ lhs: Deletion, _ rhs: Deletion) -> Bool {
    if lhs.isDeleted != rhs.isDeleted { return !lhs.isDeleted }
    if lhs.seen.count != rhs.seen.count { return lhs.seen.count > rhs.seen.count }
    return rhs.seen.lexicographicallyPrecedes(lhs.seen)
  }
}
