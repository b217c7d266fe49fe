import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge

/// A device's link to its township server, and how far each direction of sync has got.
public struct ServerLink: Sendable, Equatable {
  public let url: String
  public let token: String
  public let device: String
  /// The last change-log sequence the server has acknowledged.
  public let sentSequence: Int64
  /// The server's cursor after the last page applied here.
  public let cursor: Int64
  public let lastSync: Int64?
  /// The DER of the server certificate pinned at enrolment; nil for a server reached by
  /// plain `http://` (started with `--insecure-http`).
  public let certificate: [UInt8]?
  /// The server's signing key, pinned at enrolment; nil while the server is one from before
  /// signed changes, or this device has not sent it its key yet.
  public let serverKey: PublicSigningKey?
}

extension ReplicaStore {
  static let serverPeer = "server"

  /// Records the credential an enrolment returned, with the server certificate it pinned
  /// (nil for plain HTTP) and the server's signing key, and takes the villages it grants.
  /// Enrolling again replaces all of them: the next sync sends the whole log and pulls from
  /// the start.
  public func link(
    toServer url: String, token: String, device: String, villages: [String],
    certificate: [UInt8]?, serverKey: PublicSigningKey
  ) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO peer (
            name, url, token, device, sent_seq, received_cursor, certificate, server_key)
          VALUES (?, ?, ?, ?, 0, '0', ?, ?)
          ON CONFLICT (name) DO UPDATE SET url = excluded.url, token = excluded.token,
            device = excluded.device, sent_seq = 0, received_cursor = '0',
            certificate = excluded.certificate, server_key = excluded.server_key
          """,
        arguments: [
          Self.serverPeer, url, token, device, certificate.map { Data($0) },
          Data(serverKey.bytes),
        ])
      try db.execute(
        sql: "UPDATE replica SET villages = ?", arguments: [StoreRows.villages(villages)])
    }
  }

  /// The server link, or nil before `liaison enroll`.
  public func serverLink() throws(StoreError) -> ServerLink? {
    try read { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql:
            "SELECT url, token, device, sent_seq, received_cursor, last_sync_at, certificate, server_key FROM peer WHERE name = ?",
          arguments: [Self.serverPeer]), let token = row["token"] as String?
      else { return nil }
      return ServerLink(
        url: row["url"], token: token, device: row["device"] ?? "", sentSequence: row["sent_seq"],
        cursor: Int64(row["received_cursor"] as String? ?? "0") ?? 0, lastSync: row["last_sync_at"],
        certificate: (row["certificate"] as Data?).map { [UInt8]($0) },
        serverKey: (row["server_key"] as Data?).flatMap { PublicSigningKey(bytes: [UInt8]($0)) })
    }
  }

  /// Pins the server's signing key, which a server from before signed changes had none of,
  /// once this device has sent the server its own key.
  public func pinServerKey(_ key: PublicSigningKey) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: "UPDATE peer SET server_key = ? WHERE name = ?",
        arguments: [Data(key.bytes), Self.serverPeer])
    }
  }

  /// This replica's changes up to this counter were written before it had a key: unsigned.
  public func unsignedThrough() throws(StoreError) -> Int64 {
    try read { db in try Int64.fetchOne(db, sql: "SELECT unsigned_through FROM replica") ?? 0 }
  }

  /// This replica's own changes the server has not acknowledged, oldest first, as the
  /// canonical JSON the log holds: a push sends these bytes without decoding them.
  public func unsentChanges(limit: Int) throws(StoreError) -> [(sequence: Int64, body: [UInt8])] {
    try unsentChanges(after: nil, limit: limit)
  }

  /// This replica's changes after `sequence` (after the push checkpoint when nil), oldest
  /// first: a sync reads the next batch while the server stores the one before it.
  public func unsentChanges(after sequence: Int64?, limit: Int) throws(StoreError)
    -> [(sequence: Int64, body: [UInt8])]
  {
    try read { db in
      let replica = try ReplicaInfo.fetch(db)
      let sent =
        try sequence
        ?? Int64.fetchOne(
          db, sql: "SELECT sent_seq FROM peer WHERE name = ?", arguments: [Self.serverPeer]) ?? 0
      let rows = try Row.fetchCursor(
        db, sql: "SELECT seq, body FROM change WHERE replica = ? AND seq > ? ORDER BY seq LIMIT ?",
        arguments: [replica.id.description, sent, limit])
      var pending: [(sequence: Int64, body: [UInt8])] = []
      while let row = try rows.next() {
        pending.append((row[0], [UInt8](row[1] as Data)))
      }
      return pending
    }
  }

  /// Records that the server acknowledged every change up to `sequence`, and the changes among
  /// them it refused, with its reasons, in one transaction.
  public func acknowledgePush(
    upTo sequence: Int64, refused: [(sequence: Int64, code: String, message: String)] = [],
    at time: Int64 = 0
  ) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: "UPDATE peer SET sent_seq = max(sent_seq, ?) WHERE name = ?",
        arguments: [sequence, Self.serverPeer])
      for refusal in refused {
        try db.execute(
          sql: """
            INSERT INTO refusal (seq, code, message, refused_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (seq) DO UPDATE SET code = excluded.code, message = excluded.message,
              refused_at = excluded.refused_at
            """, arguments: [refusal.sequence, refusal.code, refusal.message, time])
      }
    }
  }

  /// Moves the push checkpoint back to the start of the log, so the next push sends every
  /// change this replica wrote: the server counts those it has as duplicates and takes those
  /// it lost (it was restored from an older backup).
  public func resetPushCheckpoint() throws(StoreError) {
    try write { db in
      try db.execute(
        sql: "UPDATE peer SET sent_seq = 0 WHERE name = ?", arguments: [Self.serverPeer])
    }
  }

  /// The changes written here that the server refused, oldest first.
  public func refusedChanges() throws(StoreError) -> [RefusedChange] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT r.seq, c.report, c.counter, c.time, r.code, r.message, r.refused_at
          FROM refusal r JOIN change c ON c.seq = r.seq ORDER BY r.seq
          """
      ).map { row in
        RefusedChange(
          sequence: row["seq"], report: row["report"], counter: row["counter"],
          writtenAt: row["time"], code: row["code"], message: row["message"],
          refusedAt: row["refused_at"])
      }
    }
  }

  /// The pulled changes this device could not accept, oldest first.
  public func unreadableChanges() throws(StoreError) -> [UnreadableChange] {
    try read { db in
      let rows = try Row.fetchAll(
        db,
        sql: "SELECT body, code, field, message, received_at FROM unreadable_change ORDER BY seq")
      return rows.map { row -> UnreadableChange in
        let body: Data = row["body"]
        let field: String? = row["field"]
        return UnreadableChange(
          body: [UInt8](body), code: row["code"], field: field, message: row["message"],
          receivedAt: row["received_at"])
      }
    }
  }

  /// Applies a pulled page, prepared while the previous one was applied, and advances the
  /// pull cursor in the same transaction, so an interrupted sync resumes from the last page
  /// applied.
  ///
  /// `unreadable` are the page's changes this device could not accept: they are kept, once
  /// each, for `liaison status --refused`, and the cursor moves past them all the same.
  @discardableResult
  public func applyPulled(
    _ changes: [PreparedChange], unreadable: [UnreadableChange] = [], cursor: Int64,
    at time: Int64 = 0
  ) throws(StoreError) -> Int {
    try write { db in
      for change in unreadable {
        // A page pulled again after a lost checkpoint brings the same bytes.
        try db.execute(
          sql: """
            INSERT INTO unreadable_change (body, code, field, message, received_at)
            SELECT ?1, ?2, ?3, ?4, ?5
            WHERE NOT EXISTS (SELECT 1 FROM unreadable_change WHERE body = ?1)
            """,
          arguments: [Data(change.body), change.code, change.field, change.message, time])
      }
      let transaction = StoreTransaction(db)
      var applied = 0
      // A dot above the highest counter logged from its replica cannot be logged, which
      // spares each new report a read of the log.
      var highest: [ReplicaID: UInt64] = [:]
      for prepared in changes {
        let dot = prepared.change.dot
        let logged: UInt64
        if let known = highest[dot.replica] {
          logged = known
        } else {
          logged = try UInt64(
            Int64.fetchOne(
              db, sql: "SELECT max(counter) FROM change WHERE replica = ?",
              arguments: [dot.replica.description]) ?? 0)
        }
        if try transaction.receive(prepared, unlogged: dot.counter > logged) { applied += 1 }
        highest[dot.replica] = max(logged, dot.counter)
      }
      try db.execute(
        sql: "UPDATE peer SET received_cursor = ? WHERE name = ?",
        arguments: [String(cursor), Self.serverPeer])
      return applied
    }
  }

  /// Records the time of a completed sync.
  public func markSynced(at time: Int64) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: "UPDATE peer SET last_sync_at = ? WHERE name = ?", arguments: [time, Self.serverPeer])
    }
  }

  /// Trusts another server certificate (nil: plain HTTP) at `url`, keeping the credential,
  /// the checkpoints and everything else: the township replaced its certificate, and the
  /// device was given the new pin.
  public func repin(server url: String, certificate: [UInt8]?) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: "UPDATE peer SET url = ?, certificate = ? WHERE name = ?",
        arguments: [url, certificate.map { Data($0) }, Self.serverPeer])
    }
  }
}
