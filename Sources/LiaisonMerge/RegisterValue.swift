/// A value a ``Register`` can hold.
public protocol RegisterValue: Hashable, Sendable {
  /// The part of the value a person would have to decide about. Concurrent values with equal
  /// keys are not a conflict: nobody needs to choose between them.
  associatedtype ConflictKey: Hashable
  /// See ``ConflictKey``.
  var conflictKey: ConflictKey { get }

  /// The documented total order that picks the provisional winner among concurrent values:
  /// true when `lhs` wins over `rhs`. It depends on the values' data alone, never on arrival
  /// order, replica ids or clocks, so every replica shows the same winner.
  static func winsOver(_ lhs: Self, _ rhs: Self) -> Bool
}
