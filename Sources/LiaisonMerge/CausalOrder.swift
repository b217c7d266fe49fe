/// How two version vectors, or the histories they summarise, relate.
public enum CausalOrder: Sendable, Hashable {
  /// Both have seen exactly the same writes.
  case equal
  /// The first has seen only writes the second has also seen, and fewer of them.
  case before
  /// The first has seen every write the second has, and more.
  case after
  /// Each has seen a write the other has not.
  case concurrent
}
