import Foundation
import GRDB
import LiaisonMerge

extension TownshipStore {
  /// Every enrolled device, by name, with how many changes wait for its next pull.
  public func devices() throws(StoreError) -> [DeviceSummary] {
    try replica.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT id, name, replica, villages, created_at, last_seen_at, revoked_at, pulled_seq,
            public_key, unsigned_through
          FROM device ORDER BY name, id
          """)
      return try rows.compactMap { row -> DeviceSummary? in
        guard let device = try StoreRows.device(row) else { return nil }
        return DeviceSummary(
          device: device, enrolledAt: row["created_at"], lastSeenAt: row["last_seen_at"],
          revokedAt: row["revoked_at"],
          pending: try Self.pendingChanges(db, for: device, after: row["pulled_seq"]))
      }
    }
  }

  /// Notes that a device has pulled every change up to `cursor`, so `township devices` can
  /// tell how far behind it is.
  public func recordPull(by device: Device, through cursor: Int64, now: Int64) throws(StoreError) {
    try replica.write { db in
      try db.execute(
        sql: "UPDATE device SET pulled_seq = max(pulled_seq, ?), last_seen_at = ? WHERE id = ?",
        arguments: [cursor, now, device.id])
    }
  }

  /// The device whose id is `text`, whose name it is, or whose id or replica id starts with
  /// it. Of several
  /// devices of one name, those not revoked come first, so a liaison enrolled again after a
  /// revocation is named as simply as before.
  public func findDevice(_ text: String) throws(StoreError) -> Device {
    guard !text.isEmpty else { throw .admin(.unknownDevice(text)) }
    return try replica.read { db in
      let named = try Row.fetchAll(
        db,
        sql: "SELECT id, revoked_at FROM device WHERE id = ?1 OR name = ?1 ORDER BY id LIMIT 10",
        arguments: [text])
      let active = named.filter { ($0["revoked_at"] as Int64?) == nil }
      var ids = (active.isEmpty ? named : active).map { $0["id"] as String }
      if ids.isEmpty {
        // A prefix of the device id, or of its replica id as `township conflict show` prints
        // it beside the liaison's name.
        ids = try StoreRows.ids(db, in: "device", startingWith: text, matching: ["id", "replica"])
      }
      guard let first = ids.first else { throw AdminError.unknownDevice(text) }
      guard ids.count == 1 else { throw AdminError.ambiguousDevice(text, matches: ids) }
      guard let device = try Self.device(db, id: first) else {
        throw AdminError.unknownDevice(text)
      }
      return device
    }
  }

  /// Changes after `cursor` to reports in the device's villages, not the device's own.
  static func pendingChanges(_ db: Database, for device: Device, after cursor: Int64) throws
    -> Int
  {
    guard !device.villages.isEmpty else { return 0 }
    let places = Array(repeating: "?", count: device.villages.count).joined(separator: ", ")
    var arguments: StatementArguments = [cursor, device.replica.description]
    _ = arguments.append(contentsOf: StatementArguments(device.villages))
    return try Int.fetchOne(
      db,
      sql: """
        SELECT count(*) FROM change c JOIN report r ON r.key = c.report_key
        WHERE c.seq > ? AND c.replica != ? AND r.village IN (\(places))
        """, arguments: arguments) ?? 0
  }
}
