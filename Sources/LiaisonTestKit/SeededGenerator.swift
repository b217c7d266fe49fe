/// A repeatable random generator (xoshiro256**, seeded through SplitMix64).
///
/// Tests and tools draw every random choice from one of these, print the seed, and replay a
/// failure from that seed alone.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  /// The seed this generator started from.
  public let seed: UInt64
  private var state: (UInt64, UInt64, UInt64, UInt64)

  public init(seed: UInt64) {
    self.seed = seed
    var mixer = seed
    func splitMix() -> UInt64 {
      mixer &+= 0x9e37_79b9_7f4a_7c15
      var z = mixer
      z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
      z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
      return z ^ (z >> 31)
    }
    state = (splitMix(), splitMix(), splitMix(), splitMix())
  }

  public mutating func next() -> UInt64 {
    let result = rotate(state.1 &* 5, 7) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = rotate(state.3, 45)
    return result
  }

  /// A generator for one sub-task, independent of the draws this one makes afterwards.
  public mutating func split() -> SeededGenerator {
    SeededGenerator(seed: next())
  }

  private func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
    (value << count) | (value >> (64 - count))
  }
}
