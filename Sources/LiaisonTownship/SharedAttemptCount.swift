/// Failed authentications and enrolment attempts counted where every server process sees
/// them: a storage that several `township serve` processes share conforms (PostgreSQL), so a
/// guesser whose requests a balancer spreads over N processes meets one limit, not N.
///
/// Each process still refuses from its own memory, and learns a refusal the others counted
/// at the next failure it sees from that address: over a window, an address gets at most
/// `maximumFailures` plus one try per further process before every process refuses it.
public protocol SharedAttemptCount: Sendable {
  /// Counts one failure from `address` in its window of `window` milliseconds (a new window
  /// begins with the first failure after the last has ended), refuses the address for a
  /// window once its failures pass `maximumFailures`, and returns the count.
  func recordFailedAttempt(
    from address: String, now: Int64, window: Int64, maximumFailures: Int
  ) async throws(StoreError) -> AttemptCount
}

/// An address's failures in its current window, and until when it is refused (0 or a past
/// time when it is not).
public struct AttemptCount: Sendable, Equatable {
  public let failures: Int
  public let refusedUntil: Int64

  public init(failures: Int, refusedUntil: Int64) {
    self.failures = failures
    self.refusedUntil = refusedUntil
  }
}
