import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge

extension TownshipStore {
  /// The server replica's public key, which devices pin at enrolment.
  public var serverKey: PublicSigningKey { replica.signer.publicKey }

  /// Binds a key to a device enrolled before changes were signed, once: its changes up to
  /// `unsignedThrough` stay valid unsigned, and every later one must carry the key's
  /// signature. Sending the key already bound again changes nothing.
  public func bindKey(
    _ key: PublicSigningKey, unsignedThrough: Int64, for device: Device, now: Int64
  ) throws(StoreError) {
    try replica.write { db in
      if let bound = try Data.fetchOne(
        db, sql: "SELECT public_key FROM device WHERE id = ?", arguments: [device.id])
      {
        guard [UInt8](bound) == key.bytes else { throw AccessError.keyAlreadyBound }
        return
      }
      try checkKeyIsFree(key, db)
      guard unsignedThrough >= 0 else {
        throw ValidationError(
          field: "unsigned_through", value: "\(unsignedThrough)",
          problem: .malformed("a counter is zero or more"))
      }
      try db.execute(
        sql: "UPDATE device SET public_key = ?, unsigned_through = ? WHERE id = ?",
        arguments: [Data(key.bytes), unsignedThrough, device.id])
      try Self.audit(
        db, now, device.name, "bind device key", device.id,
        "key \(key.fingerprint); changes up to \(unsignedThrough) unsigned")
    }
  }

  /// The server-signed key bindings of `replicas`: the server's own and each device's. A
  /// replica that is neither has none, so no device takes a change under it.
  public func keyBindings(for replicas: [ReplicaID]) throws(StoreError) -> [KeyBinding] {
    try replica.read { db in try keyBindings(db, for: replicas.map(\.description)) }
  }

  func keyBindings(_ db: Database, for replicas: [String]) throws -> [KeyBinding] {
    guard !replicas.isEmpty else { return [] }
    let recorded = try recordedBindings(db)
    return replicas.compactMap { ReplicaID($0).flatMap { recorded[$0] } }.map {
      $0.signed(by: replica.signer)
    }
  }

  /// Every replica's binding as this server records it, unsigned: the server's own and each
  /// device's.
  func recordedBindings(_ db: Database) throws -> [ReplicaID: KeyBinding] {
    var bindings: [ReplicaID: KeyBinding] = [:]
    let server = try ReplicaInfo.fetch(db)
    bindings[server.id] = KeyBinding(
      replica: server.id, key: serverKey,
      unsignedThrough: try Int64.fetchOne(db, sql: "SELECT unsigned_through FROM replica") ?? 0)
    for row in try Row.fetchAll(
      db.cachedStatement(
        sql: "SELECT replica, public_key, unsigned_through, revoked_after FROM device"))
    {
      guard let id = ReplicaID(row["replica"] as String) else { continue }
      let key = (row["public_key"] as Data?).flatMap { PublicSigningKey(bytes: [UInt8]($0)) }
      bindings[id] = KeyBinding(
        replica: id, key: key, unsignedThrough: key == nil ? nil : row["unsigned_through"] ?? 0,
        revokedAfter: row["revoked_after"])
    }
    return bindings
  }

  /// Refuses a key some replica has already: the server's, or another device's.
  func checkKeyIsFree(_ key: PublicSigningKey, _ db: Database) throws {
    let taken =
      try key == serverKey
      || Bool.fetchOne(
        db, sql: "SELECT 1 FROM device WHERE public_key = ?", arguments: [Data(key.bytes)]) ?? false
    if taken { throw AccessError.keyInUse }
  }
}
