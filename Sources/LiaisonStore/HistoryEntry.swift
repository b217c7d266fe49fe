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
    var state = ReportState(id: id)
    var entries: [HistoryEntry] = []
    for (sequence, body) in rows {
      let change = try Self.guarding(location: location) { try StoreRows.change(body) }
      let before = state
      state.apply(change)
      let fields = change.fieldsChanged.filter { $0 != .deleted }.map { field in
        HistoryEntry.FieldChange(
          field: field, old: before[field].winner?.value ?? .absent,
          new: change.fields[field]?.value ?? .absent)
      }
      entries.append(
        HistoryEntry(
          sequence: sequence, dot: change.dot, attribution: change.attribution, fields: fields,
          note: change.note, deleting: change.deletion?.value.isDeleted,
          signed: change.signature != nil))
    }
    return entries
  }
}
