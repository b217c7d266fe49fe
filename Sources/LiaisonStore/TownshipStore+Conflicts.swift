import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge

extension TownshipStore {
  /// The reports in conflict, oldest conflict first, optionally of one village or category.
  public func conflicts(village: String? = nil, category: String? = nil) throws(StoreError)
    -> [ConflictSummary]
  {
    var sql = "SELECT state FROM report WHERE conflicted = 1"
    var arguments: StatementArguments = []
    if let village {
      sql += " AND village = ?"
      _ = arguments.append(contentsOf: [village])
    }
    if let category {
      sql += " AND category = ?"
      _ = arguments.append(contentsOf: [category])
    }
    let (statement, bound) = (sql, arguments)
    let states = try replica.read { db in
      try Data.fetchAll(db, sql: statement, arguments: bound).map(StoreRows.state)
    }
    return ConflictSummary.listed(states)
  }

  /// The name to show for each replica that wrote to the township: enrolled devices by the
  /// liaison's name, the server's own replica as "township".
  public func replicaNames() throws(StoreError) -> [ReplicaID: ReplicaName] {
    let server = try replica.info().id
    return try replica.read { db in
      var names = [server: ReplicaName(device: "township", name: "township")]
      for row in try Row.fetchAll(db, sql: "SELECT id, name, replica FROM device") {
        if let id = ReplicaID(row["replica"] as String) {
          names[id] = ReplicaName(device: row["id"], name: row["name"])
        }
      }
      return names
    }
  }

  /// Applies an administrator's decision as an ordinary write at the server replica, logged
  /// so it reaches every device on its next pull, and records it in the audit trail.
  ///
  /// `version` is the ``ReportState/version`` the administrator looked at; when the report
  /// has changed since, nothing is written and ``AdminError/stale(_:current:)`` says so.
  public func resolve(
    _ id: ReportID, _ resolution: Resolution, expecting version: String, by administrator: String,
    reason: String, now: Int64
  ) throws(StoreError) -> ResolutionOutcome {
    try Self.checkReason(reason)
    return try replica.write { db in
      guard var state = try StoreRows.state(db, id) else { throw StoreError.unknownReport("\(id)") }
      guard state.version == version else { throw AdminError.stale(id, current: state.version) }
      let decisions = try ConflictDecisions.decisions(resolution, for: state)
      let server = try ReplicaInfo.fetch(db)
      let changes = try ConflictDecisions.write(
        decisions, to: &state, at: server.id, after: server.counter,
        attribution: Attribution(author: administrator, time: now))
      try db.execute(
        sql: "UPDATE replica SET counter = ?",
        arguments: [Int64(changes.last?.dot.counter ?? server.counter)])
      let key = try StoreRows.save(db, state, changeTime: now)
      for change in changes { try StoreRows.logNew(db, replica.signer.sign(change), report: key) }
      let decided = decisions.keys.sorted()
      try Self.audit(
        db, now, administrator, "resolve conflict", id.description,
        ConflictDecisions.detail(decisions, resolution), reason)
      return ResolutionOutcome(
        state: state, resolved: decided, remaining: state.conflicts, dots: changes.map(\.dot))
    }
  }
}
