import LiaisonMerge
import LiaisonTownship
import PostgresNIO

extension PostgresTownshipStorage {
  /// About where a pull page stops taking rows: well under the 64 MiB a device accepts.
  public static let pullPageBytes = 16 * 1024 * 1024

  /// Judges and applies a device's batch in one transaction, as the SQLite backend does.
  ///
  /// The batch is decoded and its signatures checked on a thread of its own; the
  /// transaction begins once that is done, so no lock waits on it. It holds ``appendLock``
  /// from its start, so its sequence numbers follow every earlier commit, and locks the
  /// device's row (its highest counter) and the rows of the reports it merges into. It reads
  /// those reports and the dots it may repeat in one query each, judges in memory
  /// (``PostgresPushBatch``) and writes each table's rows in one statement: a few round trips
  /// per batch under the lock, not a few per change.
  public func push(_ batch: PushBatch, from device: Device, now: Int64) async throws(StoreError)
    -> PushOutcome
  {
    var decoded: [PreparedChange] = []
    var index = 0
    while let next = batch.prepared(at: index) {
      if case .success(let prepared) = next { decoded.append(prepared) }
      index += 1
    }
    let ready = decoded
    return try await transaction { session in
      try await session.execute("SELECT pg_advisory_xact_lock(\(Self.appendLock))")
      var judgement = PushJudgement(
        device: device,
        highest: try await session.value(
          "SELECT highest_counter FROM device WHERE id = \(device.id) FOR UPDATE", as: Int64.self)
          ?? 0)
      // Every change the log holds from this device came in a push, at or below the highest
      // counter it has sent: only dots below it, or another replica's, may be logged already.
      let own = device.replica
      let maybeLogged = ready.map(\.change.dot).filter {
        $0.replica != own || Int64($0.counter) <= judgement.highest
      }
      var writes = try await PostgresPushBatch.read(
        reports: Array(Set(ready.map(\.change.report))), dots: maybeLogged, session)
      while let (index, prepared) = judgement.next(from: batch) {
        let change = prepared.change
        let id = change.report
        let stored = writes.reports[id]
        // Read ahead where the rules may ask (a report outside the device's villages), since
        // their question is synchronous; they ask it in no other case.
        var wasInScope = false
        if let stored, !device.villages.contains(stored.village) {
          wasInScope = VillageHistory.wasEver(
            in: Set(device.villages), try await writes.history(of: id, session))
        }
        switch judgement.judge(
          prepared, at: index, village: stored?.village, wasInScope: { wasInScope })
        {
        case .refused(let refusal, let keep):
          if keep {
            try await Self.keepRefused(
              change, from: device, reason: refusal.message, now: now, session)
          }
        case .apply:
          if try writes.receive(prepared) {
            judgement.accepted()
          } else if writes.loggedBody(change.dot) == prepared.body {
            judgement.duplicate()
          } else {
            let refusal = judgement.reused(change, at: index)
            try await Self.keepRefused(
              change, from: device, reason: refusal.message, now: now, session)
          }
        }
      }
      // A body refused whole, found out only once read to its end: nothing it held is kept.
      if let refusal = batch.refusal { throw StoreError.pushRefused(refusal) }
      try await writes.write(session)
      try await session.execute(
        """
        UPDATE device SET highest_counter = \(judgement.highest), last_seen_at = \(now)
        WHERE id = \(device.id)
        """)
      return judgement.outcome
    }
  }

  /// Keeps a liaison's write that the server refused in the audit trail, whole, once; the
  /// unique index on refused changes settles two pushes keeping it at once.
  private static func keepRefused(
    _ change: Change, from device: Device, reason: String, now: Int64, _ session: PostgresSession
  ) async throws {
    let body = String(decoding: change.canonicalBytes, as: UTF8.self)
    try await session.execute(
      """
      INSERT INTO audit (time, actor, action, subject, detail, reason)
      VALUES (\(now), \(device.name), 'refused change', \(change.report.description), \(body),
        \(reason))
      ON CONFLICT (subject, md5(detail)) WHERE action = 'refused change' DO NOTHING
      """)
  }

  public func pull(after cursor: Int64, limit: Int, for device: Device) async throws(StoreError)
    -> PullPage
  {
    try await pull(after: cursor, limit: limit, for: device, maximumBytes: Self.pullPageBytes)
  }

  /// The changes after `cursor` to reports in the device's villages, not its own, in log
  /// order, which is commit order; read in one snapshot, so the log's end and its rows agree.
  /// A page ends early, with `more`, once its bodies reach `maximumBytes`.
  public func pull(after cursor: Int64, limit: Int, for device: Device, maximumBytes: Int)
    async throws(StoreError) -> PullPage
  {
    try await transaction(.snapshot) { session in
      let end =
        try await session.value("SELECT coalesce(max(seq), 0) FROM change", as: Int64.self) ?? 0
      if cursor > end { throw StoreError.cursorBeyondLog(cursor, end: end) }
      let own = device.replica.description
      let rows = try await session.rows(
        """
        SELECT c.seq, c.body, c.replica, r.village, r.key, c.moves FROM change c
        JOIN report r ON r.key = c.report_key
        WHERE c.seq > \(cursor) AND c.replica <> \(own) ORDER BY c.seq LIMIT \(Int64(limit) + 1)
        """
      ).map { try $0.decode((Int64, ByteBuffer, String, String, Int64, Bool).self) }
      // The device's own moves of a report back into its villages: it missed what was
      // written while the report was away, and its own change is never sent back to carry
      // them.
      let ownMoves = try await session.rows(
        """
        SELECT c.seq, r.key, r.village FROM change c JOIN report r ON r.key = c.report_key
        WHERE c.replica = \(own) AND c.seq > \(cursor) AND c.seq <= \(end) AND c.moves
        ORDER BY c.seq
        """
      ).map { try $0.decode((Int64, Int64, String).self) }.filter {
        device.villages.contains($0.2)
      }
      let moved = Set(rows.prefix(limit).filter(\.5).map(\.4) + ownMoves.map(\.1))
      var page = PullPageBuilder(
        device: device, log: try await Self.histories(of: moved, through: end, session))
      let (next, more) = try page.take(
        rows, limit: limit, maximumBytes: maximumBytes, after: cursor, end: end,
        sequence: \.0
      ) { page, row in
        try page.consider(
          sequence: row.0, body: row.1.bytes, replica: row.2, village: row.3, report: row.4,
          moves: row.5)
      }
      for move in ownMoves where move.0 <= next {
        try page.sendHistory(of: move.1, before: move.0)
      }
      return PullPage(
        bodies: page.bodies, cursor: next, more: more,
        keys: try await self.keyBindings(session, for: page.authors.sorted()))
    }
  }

  /// The logged changes of the reports `moved`, up to `end`, read ahead for a pull page.
  private static func histories(
    of moved: Set<Int64>, through end: Int64, _ session: PostgresSession
  ) async throws -> PrefetchedPullLog {
    guard !moved.isEmpty else { return PrefetchedPullLog(changes: [:]) }
    var changes: [Int64: [LoggedChange]] = [:]
    for row in try await session.rows(
      """
      SELECT report_key, seq, body, replica FROM change
      WHERE report_key = ANY(\(Array(moved))) AND seq <= \(end) ORDER BY seq
      """)
    {
      let (report, sequence, body, replica) = try row.decode(
        (Int64, Int64, ByteBuffer, String).self)
      changes[report, default: []].append(
        LoggedChange(sequence: sequence, body: body.bytes, replica: replica))
    }
    return PrefetchedPullLog(changes: changes)
  }

  public func recordPull(by device: Device, through cursor: Int64, now: Int64)
    async throws(StoreError)
  {
    try await transaction { session in
      try await session.execute(
        """
        UPDATE device SET pulled_seq = GREATEST(pulled_seq, \(cursor)), last_seen_at = \(now)
        WHERE id = \(device.id)
        """)
    }
  }
}
