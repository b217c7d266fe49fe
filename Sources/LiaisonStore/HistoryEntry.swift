import Foundation
import GRDB
import LiaisonMerge

extension ReplicaStore {
  /// Every change to a report in the order this replica received them, replayed so that
  /// each shows the values it replaced.
  public func history(_ id: ReportID) throws(StoreError) -> [HistoryEntry] {
    let rows = try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT seq, body FROM change
          WHERE report_key = (SELECT key FROM report WHERE id = ?) ORDER BY seq
          """,
        arguments: [id.description]
      )
      .map { (row: Row) -> (Int64, Data) in (row["seq"], row["body"]) }
    }
    let logged = try rows.map { (sequence, body) throws(StoreError) in
      (
        sequence: sequence,
        change: try Self.guarding(location: location) { try StoreRows.change(body) }
      )
    }
    return HistoryEntry.replay(id, logged)
  }
}
