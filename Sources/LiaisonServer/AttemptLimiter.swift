import Synchronization

/// Counts failed authentications and enrolment attempts by client address, and says when an
/// address has had too many: a guesser of tokens or enrolment codes gets a few tries a minute,
/// not thousands a second.
///
/// Shared mutable state of the whole server, behind a mutex: it is touched twice per request
/// at most, each time for a dictionary lookup, which an actor's hop would cost more than.
public final class AttemptLimiter: Sendable {
  /// Failures an address may have within ``window`` before it is refused.
  public let maximumFailures: Int
  /// Milliseconds over which failures are counted, and for which an address is then refused.
  public let window: Int64

  private struct Record {
    var failures: Int
    var windowStart: Int64
    var refusedUntil: Int64
  }

  private let records = Mutex<[String: Record]>([:])

  public init(maximumFailures: Int = 10, window: Int64 = 60_000) {
    self.maximumFailures = maximumFailures
    self.window = window
  }

  /// Seconds until `address` may try again, or nil when it may now.
  public func retryAfter(_ address: String, now: Int64) -> Int? {
    records.withLock { records in
      guard let record = records[address], record.refusedUntil > now else { return nil }
      return Int((record.refusedUntil - now + 999) / 1000)
    }
  }

  /// Refuses `address` until `time` at least: a refusal that another process counted.
  public func refuse(_ address: String, until time: Int64, now: Int64) {
    records.withLock { records in
      var record = records[address] ?? Record(failures: 0, windowStart: now, refusedUntil: 0)
      record.refusedUntil = max(record.refusedUntil, time)
      records[address] = record
    }
  }

  /// Records a failure; true when it is the one that takes the address over the limit.
  @discardableResult
  public func recordFailure(_ address: String, now: Int64) -> Bool {
    records.withLock { records in
      // Entries of addresses that stopped failing are dropped now and then, so a scan of
      // many addresses cannot grow the table without end.
      if records.count > 10_000 {
        records = records.filter {
          $0.value.windowStart + window > now || $0.value.refusedUntil > now
        }
      }
      var record = records[address] ?? Record(failures: 0, windowStart: now, refusedUntil: 0)
      if now - record.windowStart >= window {
        record = Record(failures: 0, windowStart: now, refusedUntil: record.refusedUntil)
      }
      record.failures += 1
      let crossed = record.failures == maximumFailures + 1
      if record.failures > maximumFailures { record.refusedUntil = now + window }
      records[address] = record
      return crossed
    }
  }
}
