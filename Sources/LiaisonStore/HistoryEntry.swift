import Foundation
import GRDB
import LiaisonMerge

/// One change to a report as this replica received it, with the values it replaced.
public struct HistoryEntry: Sendable, Equatable {
  /// One field's value before and after the change, as this replica showed them.
  public struct FieldChange: Sendable, Equatable {
    public let field: Field
    public let old: FieldValue
    public let new: FieldValue

    public init(field: Field, old: FieldValue, new: FieldValue) {
      self.field = field
      self.old = old
      self.new = new
    }
  }

  /// The position in this replica's change log.
  public let sequence: Int64
  public let dot: Dot
  public let attribution: Attribution
  public let fields: [FieldChange]
  public let note: String?
  /// True for a delete, false for a restore, nil when the change did neither.
  public let deleting: Bool?
}

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
          note: change.note, deleting: change.deletion?.value.isDeleted))
    }
    return entries
  }
}
