/// One write's identity: the replica that made it and that replica's counter at the time.
///
/// Every local write takes the next counter of its replica, so no two writes share a dot.
/// Counters start at 1 and stay below 2^53, so every JSON implementation reads them exactly.
public struct Dot: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The largest counter a dot may carry: the largest integer every JSON parser reads exactly.
  public static let maximumCounter: UInt64 = (1 << 53) - 1

  /// The replica that made the write.
  public let replica: ReplicaID
  /// The replica's counter for this write, from 1.
  public let counter: UInt64

  /// Creates a dot; `counter` must be between 1 and ``maximumCounter``.
  public init(replica: ReplicaID, counter: UInt64) {
    precondition(
      counter >= 1 && counter <= Dot.maximumCounter, "a dot's counter is 1...2^53-1")
    self.replica = replica
    self.counter = counter
  }

  /// A dot with any counter, for placeholders that are never used as real dots.
  init(unchecked replica: ReplicaID, counter: UInt64) {
    self.replica = replica
    self.counter = counter
  }

  public var description: String { "\(replica):\(counter)" }

  /// Dots order by replica, then by counter.
  public static func < (lhs: Dot, rhs: Dot) -> Bool {
    lhs.replica != rhs.replica ? lhs.replica < rhs.replica : lhs.counter < rhs.counter
  }
}
