/// A multi-value register in the dotted-version-vector style (Almeida et al., 2014).
///
/// It holds the values no write has yet superseded, each under the dot of the write that
/// made it, and a causal context: the version vector of every write to this register that
/// this state has seen. A local write supersedes every value its replica has seen; a merge
/// keeps each value the other side has not seen superseded. Concurrent writes therefore stay
/// side by side until a later write, one that has seen them all, replaces them.
///
/// The contents sit in one immutable box shared by every copy, so copying a register is one
/// reference and two registers that share a box are known equal without reading it.
public struct Register<Value: RegisterValue>: Hashable, Sendable {
  /// One value with the write that made it.
  public struct Entry: Hashable, Sendable {
    public let dot: Dot
    public let value: Value
    public let attribution: Attribution

    public init(dot: Dot, value: Value, attribution: Attribution) {
      self.dot = dot
      self.value = value
      self.attribution = attribution
    }
  }

  final class Storage: Sendable {
    let entries: [Entry]
    let context: VersionVector

    init(entries: [Entry], context: VersionVector) {
      self.entries = entries
      self.context = context
    }
  }

  /// nil for a register no write has touched.
  private var storage: Storage?

  /// The register no write has touched.
  public init() {
    storage = nil
  }

  /// Rebuilds a register from its parts, as a decoder does, after checking its rules.
  public init(entries: [Entry], context: VersionVector) throws(RegisterError) {
    for index in entries.indices {
      if index > 0, !(entries[index - 1].dot.replica < entries[index].dot.replica) {
        throw .entriesNotSortedByReplica(entries[index].dot)
      }
      if !context.contains(entries[index].dot) {
        throw .entryOutsideContext(entries[index].dot)
      }
    }
    self.init(unchecked: entries, context: context)
  }

  private init(unchecked entries: [Entry], context: VersionVector) {
    storage = context.isEmpty && entries.isEmpty ? nil : Storage(entries: entries, context: context)
    checkInvariants()
  }

  /// The register holding only `entry`, as a change delivers it: `seen` is what the writer
  /// had seen of this register before the write.
  public init(delta entry: Entry, seen: VersionVector) {
    var context = seen
    context.add(entry.dot)
    self.init(unchecked: [entry], context: context)
  }

  /// The values not yet superseded, sorted by dot; at most one per replica.
  public var entries: [Entry] { storage?.entries ?? [] }

  /// Every write to this register this state has seen.
  public var context: VersionVector { storage?.context ?? VersionVector() }

  /// True when no write has touched the register.
  public var isEmpty: Bool { storage == nil }

  /// True when both registers share their contents: a pointer comparison, so it reads nothing.
  func isIdentical(to other: Register) -> Bool {
    storage === other.storage
  }

  public static func == (lhs: Register, rhs: Register) -> Bool {
    lhs.storage === rhs.storage || (lhs.entries == rhs.entries && lhs.context == rhs.context)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(entries)
    hasher.combine(context)
  }

  /// A local write: `value` replaces every value this state has seen.
  ///
  /// `dot` must be new to this register: its replica's next counter.
  public mutating func write(_ value: Value, dot: Dot, attribution: Attribution) {
    precondition(!context.contains(dot), "a write needs a dot the register has not seen")
    var context = self.context
    context.add(dot)
    self = Register(
      unchecked: [Entry(dot: dot, value: value, attribution: attribution)], context: context)
  }

  /// Merges two states of the same register: commutative, associative and idempotent.
  public func merged(with other: Register) -> Register {
    guard let mine = storage, !isIdentical(to: other) else {
      return other.storage == nil ? self : other
    }
    guard let theirs = other.storage else { return self }
    if mine.context == theirs.context, mine.entries == theirs.entries { return self }
    // When one side has seen every write the other has, the general merge below returns that
    // side unchanged unless it holds a value the other side has seen and dropped. Checking
    // that directly avoids building a new register in the common, sequential case.
    let order = mine.context.compare(to: theirs.context)
    if order == .before, Register.isUnchanged(theirs, byMergeWith: mine) { return other }
    if order == .after, Register.isUnchanged(mine, byMergeWith: theirs) { return self }

    let (left, right) = (mine.entries, theirs.entries)
    var result: [Entry] = []
    result.reserveCapacity(Swift.max(left.count, right.count))
    var leftIndex = 0
    var rightIndex = 0
    while leftIndex < left.count || rightIndex < right.count {
      if rightIndex == right.count
        || (leftIndex < left.count && left[leftIndex].dot < right[rightIndex].dot)
      {
        if !theirs.context.contains(left[leftIndex].dot) { result.append(left[leftIndex]) }
        leftIndex += 1
      } else if leftIndex == left.count || right[rightIndex].dot < left[leftIndex].dot {
        if !mine.context.contains(right[rightIndex].dot) { result.append(right[rightIndex]) }
        rightIndex += 1
      } else {
        // Same dot on both sides: the same write. Two different writes under one dot break
        // the protocol; keeping the greater keeps merge a function of the states.
        let (a, b) = (left[leftIndex], right[rightIndex])
        result.append(a == b || Register.entryOrder(a, b) ? a : b)
        leftIndex += 1
        rightIndex += 1
      }
    }
    return Register(
      unchecked: Register.oneEntryPerReplica(result),
      context: mine.context.joined(with: theirs.context))
  }

  /// Merges `other` into this register.
  public mutating func merge(_ other: Register) {
    if isIdentical(to: other) { return }
    self = merged(with: other)
  }

  /// Whether the general merge of `dominant` with `other`, all of whose writes `dominant` has
  /// seen, returns `dominant` unchanged: it keeps every value there (none is one `other` has
  /// seen and superseded) and no value under a shared dot differs.
  private static func isUnchanged(_ dominant: Storage, byMergeWith other: Storage) -> Bool {
    for entry in dominant.entries where other.context.contains(entry.dot) {
      guard other.entries.contains(where: { $0.dot == entry.dot }) else { return false }
    }
    for entry in other.entries {
      if let mine = dominant.entries.first(where: { $0.dot == entry.dot }), mine != entry {
        return false
      }
    }
    return true
  }

  /// The concurrent entries in provisional order, the winner first.
  public var entriesInProvisionalOrder: [Entry] {
    entries.count < 2 ? entries : entries.sorted(by: Register.entryOrder)
  }

  /// The provisional winner: the entry every replica shows first, or nil for an empty register.
  public var winner: Entry? {
    let entries = entries
    return entries.count < 2 ? entries.first : entries.min(by: Register.entryOrder)
  }

  /// The distinct values a person would choose between, winner first.
  public var distinctValues: [Value] {
    var seen = Set<Value.ConflictKey>()
    return entriesInProvisionalOrder.map(\.value).filter { seen.insert($0.conflictKey).inserted }
  }

  /// True when concurrent writes left values a person must choose between.
  public var isConflicted: Bool {
    let entries = entries
    guard entries.count > 1 else { return false }
    let first = entries[0].value.conflictKey
    return entries.dropFirst().contains { $0.value.conflictKey != first }
  }

  /// The total order over entries: value first, then attribution, then dot.
  static func entryOrder(_ a: Entry, _ b: Entry) -> Bool {
    if a.value != b.value { return Value.winsOver(a.value, b.value) }
    if a.attribution.author != b.attribution.author {
      return utf8Greater(a.attribution.author, b.attribution.author)
    }
    if a.attribution.time != b.attribution.time { return a.attribution.time > b.attribution.time }
    return a.dot < b.dot
  }

  /// A replica's writes are sequential, so two surviving entries from one replica can only
  /// come from a malformed context; the later one is kept so the state stays well formed.
  private static func oneEntryPerReplica(_ entries: [Entry]) -> [Entry] {
    guard entries.count > 1,
      entries.indices.dropFirst().contains(where: {
        entries[$0 - 1].dot.replica == entries[$0].dot.replica
      })
    else { return entries }
    var result: [Entry] = []
    result.reserveCapacity(entries.count)
    for entry in entries {
      if let last = result.last, last.dot.replica == entry.dot.replica {
        result[result.count - 1] = entry
      } else {
        result.append(entry)
      }
    }
    return result
  }

  func checkInvariants() {
    #if DEBUG
      context.checkInvariants()
      let entries = entries
      for (index, entry) in entries.enumerated() {
        precondition(context.contains(entry.dot), "every value's dot is in the context")
        if index > 0 {
          precondition(
            entries[index - 1].dot.replica < entry.dot.replica,
            "values are sorted by dot, one per replica")
        }
      }
    #endif
  }
}

/// Why a decoded register was refused.
public enum RegisterError: Error, Hashable, Sendable, CustomStringConvertible {
  case entriesNotSortedByReplica(Dot)
  case entryOutsideContext(Dot)

  public var description: String {
    switch self {
    case .entriesNotSortedByReplica(let dot):
      "register values must be sorted by replica, one per replica (at dot \(dot))"
    case .entryOutsideContext(let dot):
      "value dot \(dot) is not covered by the register's context"
    }
  }
}
