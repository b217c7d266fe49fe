import LiaisonMerge
import LiaisonTownship
import PostgresNIO

extension PostgresTownshipStorage {
  public func devices() async throws(StoreError) -> [DeviceSummary] {
    try await transaction { session in
      var summaries: [DeviceSummary] = []
      for row in try await session.rows(
        """
        SELECT id, name, replica, villages, public_key, unsigned_through, created_at,
          last_seen_at, revoked_at, pulled_seq
        FROM device ORDER BY name, id
        """)
      {
        guard let device = try Self.device(row) else { continue }
        let (_, _, _, _, _, _, enrolledAt, lastSeenAt, revokedAt, pulled) = try row.decode(
          (String, String, String, String, ByteBuffer?, Int64?, Int64, Int64?, Int64?, Int64).self)
        summaries.append(
          DeviceSummary(
            device: device, enrolledAt: enrolledAt, lastSeenAt: lastSeenAt, revokedAt: revokedAt,
            pending: try await Self.pendingChanges(session, for: device, after: pulled)))
      }
      return summaries
    }
  }

  /// The device whose id or name is `text`, or whose id or replica id starts with it; of
  /// several devices of one name, those not revoked come first.
  public func findDevice(_ text: String) async throws(StoreError) -> Device {
    guard !text.isEmpty else { throw .admin(.unknownDevice(text)) }
    return try await transaction { session in
      let named = try await session.rows(
        "SELECT id, revoked_at FROM device WHERE id = \(text) OR name = \(text) ORDER BY id LIMIT 10"
      ).map { try $0.decode((String, Int64?).self) }
      let active = named.filter { $0.1 == nil }
      var ids = (active.isEmpty ? named : active).map(\.0)
      if ids.isEmpty {
        ids = try await PostgresRows.ids(
          session, in: "device", startingWith: text, matching: ["id", "replica"])
      }
      guard let first = ids.first else { throw AdminError.unknownDevice(text) }
      guard ids.count == 1 else { throw AdminError.ambiguousDevice(text, matches: ids) }
      guard let device = try await Self.device(session, id: first) else {
        throw AdminError.unknownDevice(text)
      }
      return device
    }
  }

  /// Changes after `cursor` to reports in the device's villages, not the device's own.
  static func pendingChanges(_ session: PostgresSession, for device: Device, after cursor: Int64)
    async throws -> Int
  {
    guard !device.villages.isEmpty else { return 0 }
    let count = try await session.value(
      """
      SELECT count(*) FROM change c JOIN report r ON r.key = c.report_key
      WHERE c.seq > \(cursor) AND c.replica <> \(device.replica.description)
        AND r.village = ANY(\(device.villages))
      """, as: Int64.self)
    return Int(count ?? 0)
  }

  /// Walks the whole log in one snapshot, so the servers go on serving meanwhile: the same
  /// checks as the SQLite backend's (``LogVerifier``), streaming the rows.
  public func verifyLog(progress: @escaping @Sendable (LogVerification.Progress) -> Void)
    async throws(StoreError) -> LogVerification
  {
    try await transaction(.snapshot) { session in
      let total = try await session.value("SELECT count(*) FROM change", as: Int64.self) ?? 0
      var verifier = LogVerifier(
        bindings: try await self.recordedBindings(session), total: Int(total), progress: progress)
      let rows = try await session.connection.query(
        """
        SELECT c.seq, c.body, c.report_key, r.id, r.state FROM change c
        JOIN report r ON r.key = c.report_key ORDER BY c.report_key, c.seq
        """, logger: session.logger)
      for try await row in rows {
        let (sequence, body, key, id, state) = try row.decode(
          (Int64, ByteBuffer, Int64, String, ByteBuffer).self)
        verifier.check(
          sequence: sequence, body: body.bytes, report: key, id: id, stored: state.bytes)
      }
      for row in try await session.rows(
        "SELECT id FROM report WHERE key NOT IN (SELECT report_key FROM change) ORDER BY key")
      {
        verifier.unexplained(report: try row.decode(String.self))
      }
      return verifier.finish()
    }
  }
}
