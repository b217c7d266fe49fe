/// What a local write changes: some field values, a note, a delete or a restore.
public struct ReportEdit: Hashable, Sendable {
  /// The new value of each field to change; fields not named keep their values.
  public var values: [Field: FieldValue]
  /// A note to append.
  public var note: String?
  /// True to delete the report (a tombstone), false to restore it.
  public var deleting: Bool?

  public init(values: [Field: FieldValue] = [:], note: String? = nil, deleting: Bool? = nil) {
    self.values = values
    self.note = note
    self.deleting = deleting
  }

  /// An edit that deletes the report.
  public static let delete = ReportEdit(deleting: true)
  /// An edit that restores a deleted report.
  public static let restore = ReportEdit(deleting: false)

  /// An edit that appends a note.
  public static func note(_ text: String) -> ReportEdit {
    ReportEdit(note: text)
  }
}
