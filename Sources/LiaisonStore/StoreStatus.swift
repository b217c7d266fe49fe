import GRDB
import LiaisonMerge

/// What `liaison status` shows: where the store is, who it is, what it holds, what is unsent.
public struct StoreStatus: Sendable, Equatable {
  public let location: String
  public let replica: ReplicaInfo
  /// Reports not deleted.
  public let reports: Int
  public let deletedReports: Int
  public let conflictedReports: Int
  /// Entries in the change log, from every replica.
  public let changes: Int
  /// Changes written here that no server has acknowledged yet.
  public let unsentChanges: Int
  /// Changes written here that the server refused (``ReplicaStore/refusedChanges()``).
  public let refusedChanges: Int
  /// Pulled changes this device could not accept (``ReplicaStore/unreadableChanges()``).
  public let unreadableChanges: Int
  /// When a sync last completed, in milliseconds since 1970, or nil if never.
  public let lastSync: Int64?
}

extension ReplicaStore {
  public func status() throws(StoreError) -> StoreStatus {
    try read { db in
      let replica = try ReplicaInfo.fetch(db)
      let counts = try Row.fetchOne(
        db,
        sql: """
          SELECT coalesce(sum(deleted = 0), 0) AS live, coalesce(sum(deleted), 0) AS deleted,
            coalesce(sum(conflicted AND deleted = 0), 0) AS conflicted FROM report
          """)!
      let sent = try Int64.fetchOne(db, sql: "SELECT max(sent_seq) FROM peer") ?? 0
      let unsent =
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM change WHERE replica = ? AND seq > ?",
          arguments: [replica.id.description, sent]) ?? 0
      return StoreStatus(
        location: location, replica: replica, reports: counts["live"],
        deletedReports: counts["deleted"],
        conflictedReports: counts["conflicted"],
        changes: try Int.fetchOne(db, sql: "SELECT count(*) FROM change") ?? 0,
        unsentChanges: unsent,
        refusedChanges: try Int.fetchOne(db, sql: "SELECT count(*) FROM refusal") ?? 0,
        unreadableChanges: try Int.fetchOne(db, sql: "SELECT count(*) FROM unreadable_change")
          ?? 0,
        lastSync: try Int64.fetchOne(db, sql: "SELECT max(last_sync_at) FROM peer"))
    }
  }
}
