import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge

/// The township server's store: a replica plus devices, credentials, enrolment codes and
/// the audit trail, in the same database file.
public final class TownshipStore: Sendable {
  public let replica: ReplicaStore

  public init(_ replica: ReplicaStore) {
    self.replica = replica
  }

  /// Creates the server store and its first administrator; returns the administrator's token,
  /// which is shown once and stored only as a digest.
  public static func create(
    in directory: String, administrator: String, now: Int64,
    checkpointing: ReplicaStore.Checkpointing = .byTheWriter
  ) throws(StoreError) -> (TownshipStore, String) {
    var random = SystemRandomNumberGenerator()
    let replica = try ReplicaStore.create(
      in: directory, author: administrator, villages: [], replica: ReplicaID.random(using: &random),
      now: now, checkpointing: checkpointing)
    let store = TownshipStore(replica)
    let token = try store.addAdministrator(administrator, by: "township init", now: now)
    return (store, token)
  }

  /// Opens the server store in `directory`, upgrading it first if an older version made it
  /// (see ``ReplicaStore/open(in:checkpointing:upgrading:)``).
  public static func open(
    in directory: String, checkpointing: ReplicaStore.Checkpointing = .byTheWriter,
    upgrading: (StoreUpgrade) -> Void = { _ in }
  ) throws(StoreError) -> TownshipStore {
    TownshipStore(
      try ReplicaStore.open(in: directory, checkpointing: checkpointing, upgrading: upgrading))
  }

  /// Adds an administrator credential and returns its token.
  public func addAdministrator(_ name: String, by actor: String, reason: String = "", now: Int64)
    throws(StoreError) -> String
  {
    try Self.checkReason(reason)
    let token = Secret.newToken()
    try replica.write { db in
      // Actions are recorded by name, so two administrators of one name could not be told
      // apart in the audit trail.
      if try Bool.fetchOne(
        db, sql: "SELECT 1 FROM credential WHERE kind = 'administrator' AND name = ?",
        arguments: [name]) ?? false
      {
        throw AdminError.nameTaken(name)
      }
      try db.execute(
        sql:
          "INSERT INTO credential (digest, kind, principal, name, created_at) VALUES (?, 'administrator', ?, ?, ?)",
        arguments: [Secret.digest(token), name, name, now])
      try Self.audit(db, now, actor, "add administrator", name, "", reason)
    }
    return token
  }

  /// The principal a bearer token stands for; revoked and unknown tokens are refused.
  public func authenticate(_ token: String) throws(StoreError) -> Principal {
    try replica.read { db in
      guard
        let row = try Row.fetchOne(
          db.cachedStatement(
            sql: "SELECT kind, principal, name, revoked_at FROM credential WHERE digest = ?"),
          arguments: [Secret.digest(token)])
      else { throw AccessError.unauthenticated }
      if row["revoked_at"] as Int64? != nil { throw AccessError.revoked }
      if row["kind"] as String == "administrator" { return .administrator(name: row["name"]) }
      guard let device = try Self.device(db, id: row["principal"]) else {
        throw AccessError.unauthenticated
      }
      return .device(device)
    }
  }

  /// Issues a one-time enrolment code for a liaison and villages.
  public func issueEnrollment(
    name: String, villages: [String], lifetime: Int64, by actor: String, now: Int64
  ) throws(StoreError) -> Enrollment {
    let code = Secret.newEnrollmentCode()
    let enrollment = Enrollment(
      code: code, name: name, villages: villages, expiresAt: now + lifetime)
    try replica.write { db in
      try db.execute(
        sql: """
          INSERT INTO enrollment (digest, name, villages, created_by, created_at, expires_at)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          Secret.digest(code), name, StoreRows.villages(villages), actor, now, enrollment.expiresAt,
        ])
      try Self.audit(db, now, actor, "issue enrolment code", name, villages.joined(separator: ", "))
    }
    return enrollment
  }

  /// Exchanges an enrolment code for a device credential bound to `replica`, and binds the
  /// device's signing key to it.
  public func enroll(
    code: String, replica deviceReplica: ReplicaID, key: PublicSigningKey, now: Int64
  ) throws(StoreError) -> Enrolled {
    let token = Secret.newToken()
    let server = try replica.info().id
    return try replica.write { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT name, villages, expires_at, used_at FROM enrollment WHERE digest = ?",
          arguments: [Secret.digest(code)]),
        row["used_at"] as Int64? == nil, row["expires_at"] as Int64 > now
      else { throw AccessError.invalidCode }
      // A replica id is a device's for good, and one the log already holds (the server's
      // own, say) was never this device's: its pushes are judged by the counters it sent.
      if try deviceReplica == server
        || Bool.fetchOne(
          db,
          sql: """
            SELECT 1 FROM device WHERE replica = ?1
            UNION ALL SELECT 1 FROM change WHERE replica = ?1 LIMIT 1
            """,
          arguments: [deviceReplica.description]) ?? false
      {
        throw AccessError.replicaTaken
      }
      try checkKeyIsFree(key, db)
      let device = Device(
        id: UUID().uuidString.lowercased(), name: row["name"], replica: deviceReplica,
        villages: try StoreRows.villages(from: row["villages"]), key: key, unsignedThrough: 0)
      try db.execute(
        sql: "UPDATE enrollment SET used_at = ? WHERE digest = ?",
        arguments: [now, Secret.digest(code)])
      try db.execute(
        sql: """
          INSERT INTO device (id, name, replica, villages, created_at, public_key, unsigned_through)
          VALUES (?, ?, ?, ?, ?, ?, 0)
          """,
        arguments: [
          device.id, device.name, deviceReplica.description, StoreRows.villages(device.villages),
          now, Data(key.bytes),
        ])
      try db.execute(
        sql:
          "INSERT INTO credential (digest, kind, principal, name, created_at) VALUES (?, 'device', ?, ?, ?)",
        arguments: [Secret.digest(token), device.id, device.name, now])
      try Self.audit(
        db, now, device.name, "enrol device", device.id,
        device.villages.joined(separator: ", ") + "; key " + key.fingerprint)
      return Enrolled(device: device, token: token, server: server, serverKey: serverKey)
    }
  }

  /// Revokes a device: its credential is refused from the next request on.
  public func revoke(device id: String, by actor: String, reason: String, now: Int64)
    throws(StoreError)
  {
    try Self.checkReason(reason)
    try replica.write { db in
      guard let device = try Self.device(db, id: id) else { throw AdminError.unknownDevice(id) }
      // The first revocation's time stands: the trail and `township devices` keep telling
      // from when the device was refused.
      if let revokedAt = try Int64.fetchOne(
        db, sql: "SELECT revoked_at FROM device WHERE id = ?", arguments: [id])
      {
        throw AdminError.alreadyRevoked(name: device.name, device: id, at: revokedAt)
      }
      // Its changes above the highest counter judged so far are refused from now on, however
      // they arrive: signed by a key that may no longer be the liaison's alone.
      try db.execute(
        sql: "UPDATE device SET revoked_at = ?, revoked_after = highest_counter WHERE id = ?",
        arguments: [now, id])
      try db.execute(
        sql: "UPDATE credential SET revoked_at = ? WHERE kind = 'device' AND principal = ?",
        arguments: [now, id])
      try Self.audit(db, now, actor, "revoke device", id, "", reason)
    }
  }

  static func device(_ db: Database, id: String) throws -> Device? {
    try Row.fetchOne(
      db,
      sql:
        "SELECT id, name, replica, villages, public_key, unsigned_through FROM device WHERE id = ?",
      arguments: [id]
    ).flatMap(StoreRows.device)
  }
}
