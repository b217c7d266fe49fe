/// A summary of the writes a replica has seen: for each replica, the highest counter seen.
///
/// Entries are sorted by replica. Up to two are held inline, since most registers are written
/// by one or two replicas: comparing, joining and copying such a vector touches no heap memory.
public struct VersionVector: Hashable, Sendable, CustomStringConvertible {
  /// A placeholder for an unused inline slot; no real dot has counter 0.
  private static let unused = Dot(unchecked: ReplicaID(high: 0, low: 0), counter: 0)

  private var first = VersionVector.unused
  private var second = VersionVector.unused
  /// Every entry, when there are more than two; empty otherwise.
  private var overflow: [Dot] = []

  /// The empty vector: nothing seen.
  public init() {}

  /// Creates the smallest vector that covers every dot given.
  public init(covering dots: some Sequence<Dot>) {
    var best: [ReplicaID: UInt64] = [:]
    for dot in dots { best[dot.replica] = Swift.max(best[dot.replica] ?? 0, dot.counter) }
    self.init(sortedEntries: best.map { Dot(replica: $0.key, counter: $0.value) }.sorted())
  }

  /// Builds a vector from entries sorted by replica, one per replica, counters at least 1;
  /// decoders check those rules before they call this.
  public init(sortedEntries: [Dot]) {
    for entry in sortedEntries { appendSorted(entry) }
    checkInvariants()
  }

  /// How many replicas the vector names.
  public var count: Int {
    !overflow.isEmpty ? overflow.count : first.counter == 0 ? 0 : second.counter == 0 ? 1 : 2
  }

  /// True when nothing has been seen.
  public var isEmpty: Bool { first.counter == 0 && overflow.isEmpty }

  /// One dot per replica, sorted by replica, each holding the highest counter seen.
  public var entries: [Dot] {
    (0..<count).map(element)
  }

  private func element(_ index: Int) -> Dot {
    !overflow.isEmpty ? overflow[index] : index == 0 ? first : second
  }

  /// Appends an entry that sorts after every entry already here.
  private mutating func appendSorted(_ dot: Dot) {
    if !overflow.isEmpty {
      overflow.append(dot)
    } else if first.counter == 0 {
      first = dot
    } else if second.counter == 0 {
      second = dot
    } else {
      overflow = [first, second, dot]
      first = VersionVector.unused
      second = VersionVector.unused
    }
  }

  /// The highest counter seen from `replica`, or 0.
  public subscript(replica: ReplicaID) -> UInt64 {
    if overflow.isEmpty {
      if first.replica == replica { return first.counter }
      if second.replica == replica { return second.counter }
      return 0
    }
    for entry in overflow where entry.replica == replica { return entry.counter }
    return 0
  }

  /// True when the write `dot` is among those summarised.
  public func contains(_ dot: Dot) -> Bool {
    self[dot.replica] >= dot.counter
  }

  /// Records that every write of `dot.replica` up to `dot.counter` has been seen.
  public mutating func add(_ dot: Dot) {
    var single = VersionVector()
    single.appendSorted(dot)
    join(single)
  }

  /// The least vector that covers both: the per-replica maximum.
  public func joined(with other: VersionVector) -> VersionVector {
    if self == other || other.isEmpty { return self }
    if isEmpty { return other }
    var result = VersionVector()
    let (leftCount, rightCount) = (count, other.count)
    var left = 0
    var right = 0
    while left < leftCount || right < rightCount {
      if right == rightCount
        || (left < leftCount && element(left).replica < other.element(right).replica)
      {
        result.appendSorted(element(left))
        left += 1
      } else if left == leftCount || other.element(right).replica < element(left).replica {
        result.appendSorted(other.element(right))
        right += 1
      } else {
        let (a, b) = (element(left), other.element(right))
        result.appendSorted(a.counter >= b.counter ? a : b)
        left += 1
        right += 1
      }
    }
    return result
  }

  /// Joins `other` into this vector.
  public mutating func join(_ other: VersionVector) {
    self = joined(with: other)
  }

  /// How this vector's history relates to `other`'s.
  public func compare(to other: VersionVector) -> CausalOrder {
    if self == other { return .equal }
    var selfAhead = false
    var otherAhead = false
    let (leftCount, rightCount) = (count, other.count)
    var left = 0
    var right = 0
    while left < leftCount || right < rightCount {
      if right == rightCount
        || (left < leftCount && element(left).replica < other.element(right).replica)
      {
        selfAhead = true
        left += 1
      } else if left == leftCount || other.element(right).replica < element(left).replica {
        otherAhead = true
        right += 1
      } else {
        let (a, b) = (element(left).counter, other.element(right).counter)
        if a > b { selfAhead = true } else if b > a { otherAhead = true }
        left += 1
        right += 1
      }
      if selfAhead && otherAhead { return .concurrent }
    }
    return selfAhead ? .after : otherAhead ? .before : .equal
  }

  /// True when every write `other` summarises is summarised here too.
  public func covers(_ other: VersionVector) -> Bool {
    let order = compare(to: other)
    return order == .equal || order == .after
  }

  public var description: String {
    "{" + entries.map { "\($0.replica): \($0.counter)" }.joined(separator: ", ") + "}"
  }

  func checkInvariants() {
    #if DEBUG
      let all = entries
      for index in all.indices {
        precondition(all[index].counter >= 1, "version vector counters start at 1")
        if index > 0 {
          precondition(
            all[index - 1].replica < all[index].replica,
            "version vector entries must be sorted by replica, one per replica")
        }
      }
      precondition(overflow.isEmpty || overflow.count > 2, "two entries or fewer are held inline")
    #endif
  }
}
