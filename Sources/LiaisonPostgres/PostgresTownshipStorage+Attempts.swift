import LiaisonTownship
import PostgresNIO

extension PostgresTownshipStorage: SharedAttemptCount {
  /// One statement counts the failure and says whether the address is now refused, so two
  /// processes counting at once each see the other's failure.
  public func recordFailedAttempt(
    from address: String, now: Int64, window: Int64, maximumFailures: Int
  ) async throws(StoreError) -> AttemptCount {
    try await transaction { session in
      let fresh = now - window
      guard
        let row = try await session.rows(
          """
          INSERT INTO attempt_failure AS a (address, window_start, failures, refused_until)
          VALUES (\(address), \(now), 1, CASE WHEN 1 > \(maximumFailures) THEN \(now + window)
            ELSE 0 END)
          ON CONFLICT (address) DO UPDATE SET
            window_start = CASE WHEN a.window_start <= \(fresh) THEN \(now) ELSE a.window_start END,
            failures = CASE WHEN a.window_start <= \(fresh) THEN 1 ELSE a.failures + 1 END,
            refused_until = CASE
              WHEN (CASE WHEN a.window_start <= \(fresh) THEN 1 ELSE a.failures + 1 END)
                > \(maximumFailures) THEN \(now + window)
              ELSE a.refused_until END
          RETURNING failures, refused_until
          """
        ).first
      else { throw StoreError.database("counting a failed attempt returned no row") }
      let (failures, refusedUntil) = try row.decode((Int32, Int64).self)
      if failures == 1 {
        // A new window: the addresses that stopped failing go, a few at a time, so that a
        // scan from many addresses cannot grow the table without end. Rows another
        // transaction holds are skipped, not waited for (two prunes waiting on each other's
        // new rows deadlocked), and the conditions are checked again on the row deleted: one
        // counted again meanwhile stays.
        try await session.execute(
          """
          DELETE FROM attempt_failure
          WHERE address IN (
              SELECT address FROM attempt_failure
              WHERE window_start <= \(fresh) AND refused_until <= \(now)
              LIMIT 100 FOR UPDATE SKIP LOCKED)
            AND window_start <= \(fresh) AND refused_until <= \(now)
          """)
      }
      return AttemptCount(failures: Int(failures), refusedUntil: refusedUntil)
    }
  }
}
