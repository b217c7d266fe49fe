import Foundation
import LiaisonMerge
import LiaisonTownship
import PostgresNIO

extension PostgresTownshipStorage {
  public func authenticate(_ token: String) async throws(StoreError) -> Principal {
    try await transaction { session in
      guard
        let row = try await session.rows(
          """
          SELECT kind, name, revoked_at, principal FROM credential
          WHERE digest = \(Secret.digest(token))
          """
        ).first
      else { throw AccessError.unauthenticated }
      let (kind, name, revokedAt, principal) = try row.decode(
        (String, String, Int64?, String).self)
      if revokedAt != nil { throw AccessError.revoked }
      if kind == "administrator" { return .administrator(name: name) }
      guard let device = try await Self.device(session, id: principal) else {
        throw AccessError.unauthenticated
      }
      return .device(device)
    }
  }

  public func addAdministrator(_ name: String, by actor: String, reason: String, now: Int64)
    async throws(StoreError) -> String
  {
    try AuditReason.check(reason)
    let token = Secret.newToken()
    try await transaction { session in
      // Actions are recorded by name, so two administrators of one name could not be told
      // apart in the audit trail; the unique index settles two added at once.
      let added = try await session.rows(
        """
        INSERT INTO credential (digest, kind, principal, name, created_at)
        VALUES (\(Secret.digest(token)), 'administrator', \(name), \(name), \(now))
        ON CONFLICT (name) WHERE kind = 'administrator' DO NOTHING RETURNING 1
        """)
      if added.isEmpty { throw AdminError.nameTaken(name) }
      try await Self.audit(session, now, actor, "add administrator", name, "", reason)
    }
    return token
  }

  public func issueEnrollment(
    name: String, villages: [String], lifetime: Int64, by actor: String, now: Int64
  ) async throws(StoreError) -> Enrollment {
    let code = Secret.newEnrollmentCode()
    let enrollment = Enrollment(
      code: code, name: name, villages: villages, expiresAt: now + lifetime)
    try await transaction { session in
      try await session.execute(
        """
        INSERT INTO enrollment (digest, name, villages, created_by, created_at, expires_at)
        VALUES (\(Secret.digest(code)), \(name), \(VillageList.encode(villages)), \(actor),
          \(now), \(enrollment.expiresAt))
        """)
      try await Self.audit(
        session, now, actor, "issue enrolment code", name, villages.joined(separator: ", "))
    }
    return enrollment
  }

  public func enroll(
    code: String, replica deviceReplica: ReplicaID, key: PublicSigningKey, now: Int64
  )
    async throws(StoreError) -> Enrolled
  {
    let token = Secret.newToken()
    let server = replica
    let serverKey = signer.publicKey
    return try await transaction { session in
      // Used in the statement that checks it: of enrolments racing with one code, one
      // updates the row and the others, waiting on its lock, find it used. A refusal below
      // rolls the use back.
      guard
        let row = try await session.rows(
          """
          UPDATE enrollment SET used_at = \(now)
          WHERE digest = \(Secret.digest(code)) AND used_at IS NULL AND expires_at > \(now)
          RETURNING name, villages
          """
        ).first
      else { throw AccessError.invalidCode }
      let (name, villages) = try row.decode((String, String).self)
      // A replica id is a device's for good, and one the log already holds (the server's
      // own, say) was never this device's: its pushes are judged by the counters it sent.
      let taken = try await session.value(
        """
        SELECT 1 FROM device WHERE replica = \(deviceReplica.description)
        UNION ALL SELECT 1 FROM change WHERE replica = \(deviceReplica.description) LIMIT 1
        """, as: Int32.self)
      if deviceReplica == server || taken != nil { throw AccessError.replicaTaken }
      try await Self.checkKeyIsFree(key, server: serverKey, session)
      let device = Device(
        id: UUID().uuidString.lowercased(), name: name, replica: deviceReplica,
        villages: try VillageList.decode(villages), key: key, unsignedThrough: 0)
      try await session.execute(
        """
        INSERT INTO device (id, name, replica, villages, created_at, public_key, unsigned_through)
        VALUES (\(device.id), \(device.name), \(deviceReplica.description),
          \(VillageList.encode(device.villages)), \(now), \(key.bytes.bytea), 0)
        """)
      try await session.execute(
        """
        INSERT INTO credential (digest, kind, principal, name, created_at)
        VALUES (\(Secret.digest(token)), 'device', \(device.id), \(device.name), \(now))
        """)
      try await Self.audit(
        session, now, device.name, "enrol device", device.id,
        device.villages.joined(separator: ", ") + "; key " + key.fingerprint)
      return Enrolled(device: device, token: token, server: server, serverKey: serverKey)
    }
  }

  public func revoke(device id: String, by actor: String, reason: String, now: Int64)
    async throws(StoreError)
  {
    try AuditReason.check(reason)
    try await transaction { session in
      guard
        let row = try await session.rows(
          "SELECT name, revoked_at FROM device WHERE id = \(id) FOR UPDATE"
        ).first
      else { throw AdminError.unknownDevice(id) }
      let (name, revokedAt) = try row.decode((String, Int64?).self)
      // The first revocation's time stands: the trail and `township devices` keep telling
      // from when the device was refused.
      if let revokedAt { throw AdminError.alreadyRevoked(name: name, device: id, at: revokedAt) }
      // Its changes above the highest counter judged so far are refused from now on, however
      // they arrive: signed by a key that may no longer be the liaison's alone.
      try await session.execute(
        """
        UPDATE device SET revoked_at = \(now), revoked_after = highest_counter WHERE id = \(id)
        """)
      try await session.execute(
        "UPDATE credential SET revoked_at = \(now) WHERE kind = 'device' AND principal = \(id)")
      try await Self.audit(session, now, actor, "revoke device", id, "", reason)
    }
  }

  public func bindKey(
    _ key: PublicSigningKey, unsignedThrough: Int64, for device: Device, now: Int64
  ) async throws(StoreError) {
    let serverKey = signer.publicKey
    try await transaction { session in
      let bound = try await session.rows(
        "SELECT public_key FROM device WHERE id = \(device.id) FOR UPDATE"
      ).first?.decode(ByteBuffer?.self)
      if let bound = bound ?? nil {
        guard bound.bytes == key.bytes else { throw AccessError.keyAlreadyBound }
        return
      }
      try await Self.checkKeyIsFree(key, server: serverKey, session)
      guard unsignedThrough >= 0 else {
        throw ValidationError(
          field: "unsigned_through", value: "\(unsignedThrough)",
          problem: .malformed("a counter is zero or more"))
      }
      try await session.execute(
        """
        UPDATE device SET public_key = \(key.bytes.bytea), unsigned_through = \(unsignedThrough)
        WHERE id = \(device.id)
        """)
      try await Self.audit(
        session, now, device.name, "bind device key", device.id,
        "key \(key.fingerprint); changes up to \(unsignedThrough) unsigned")
    }
  }

  public func keyBindings(for replicas: [ReplicaID]) async throws(StoreError) -> [KeyBinding] {
    try await transaction { session in
      try await self.keyBindings(session, for: replicas.map(\.description))
    }
  }

  /// The server-signed bindings of `replicas`: the server's own and each device's. A replica
  /// that is neither has none, so no device takes a change under it.
  func keyBindings(_ session: PostgresSession, for replicas: [String]) async throws
    -> [KeyBinding]
  {
    guard !replicas.isEmpty else { return [] }
    let recorded = try await recordedBindings(session)
    return replicas.compactMap { ReplicaID($0).flatMap { recorded[$0] } }.map {
      $0.signed(by: signer)
    }
  }

  /// Every replica's binding as this server records it, unsigned: the server's own and each
  /// device's.
  func recordedBindings(_ session: PostgresSession) async throws -> [ReplicaID: KeyBinding] {
    var bindings: [ReplicaID: KeyBinding] = [:]
    let unsigned = try await session.value(
      "SELECT unsigned_through FROM township", as: Int64.self)
    bindings[replica] = KeyBinding(
      replica: replica, key: signer.publicKey, unsignedThrough: unsigned ?? 0)
    for row in try await session.rows(
      "SELECT replica, public_key, unsigned_through, revoked_after FROM device")
    {
      let (text, bytes, unsignedThrough, revokedAfter) = try row.decode(
        (String, ByteBuffer?, Int64?, Int64?).self)
      guard let id = ReplicaID(text) else { continue }
      let key = bytes.flatMap { PublicSigningKey(bytes: $0.bytes) }
      bindings[id] = KeyBinding(
        replica: id, key: key, unsignedThrough: key == nil ? nil : unsignedThrough ?? 0,
        revokedAfter: revokedAfter)
    }
    return bindings
  }

  /// Refuses a key some replica has already: the server's, or another device's. Two
  /// enrolments racing past this check meet the unique index, which refuses the second alike.
  static func checkKeyIsFree(
    _ key: PublicSigningKey, server: PublicSigningKey, _ session: PostgresSession
  ) async throws {
    let taken =
      try await session.value(
        "SELECT 1 FROM device WHERE public_key = \(key.bytes.bytea)", as: Int32.self) != nil
    if key == server || taken { throw AccessError.keyInUse }
  }

  /// The device with this id, or nil.
  static func device(_ session: PostgresSession, id: String) async throws -> Device? {
    guard
      let row = try await session.rows(
        """
        SELECT id, name, replica, villages, public_key, unsigned_through FROM device
        WHERE id = \(id)
        """
      ).first
    else { return nil }
    return try device(row)
  }

  /// A row of `id, name, replica, villages, public_key, unsigned_through` as a device; nil
  /// when its replica id does not read.
  static func device(_ row: PostgresRow) throws -> Device? {
    let (id, name, replicaText, villages, key, unsignedThrough) = try row.decode(
      (String, String, String, String, ByteBuffer?, Int64?).self)
    guard let replica = ReplicaID(replicaText) else { return nil }
    return Device(
      id: id, name: name, replica: replica, villages: try VillageList.decode(villages),
      key: key.flatMap { PublicSigningKey(bytes: $0.bytes) }, unsignedThrough: unsignedThrough ?? 0)
  }

  /// Records an action in the caller's transaction: the one way anything enters the audit
  /// trail.
  static func audit(
    _ session: PostgresSession, _ time: Int64, _ actor: String, _ action: String,
    _ subject: String, _ detail: String, _ reason: String = ""
  ) async throws {
    try await session.execute(
      """
      INSERT INTO audit (time, actor, action, subject, detail, reason)
      VALUES (\(time), \(actor), \(action), \(subject), \(detail), \(reason))
      """)
  }
}
