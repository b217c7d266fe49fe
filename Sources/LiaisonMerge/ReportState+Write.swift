extension ReportState {
  /// Makes a local write and returns the change to log and send.
  ///
  /// Each value supersedes every value this replica has seen for its field; `dot` must be the
  /// writing replica's next counter, which the caller (a store) hands out. A resolution is such
  /// a write by a replica that has seen every concurrent value: it supersedes them all.
  @discardableResult
  public mutating func write(
    _ edit: ReportEdit, dot: Dot, attribution: Attribution
  ) throws(ValidationError) -> Change {
    var fields: [Field: Change.Write<FieldValue>] = [:]
    for (field, value) in edit.values {
      if field == .deleted {
        throw ValidationError(
          field: field.rawValue, value: value.description, problem: .unknownField)
      }
      fields[field] = Change.Write(value: value, seen: self[field].context)
    }
    let deletion = edit.deleting.map { deleting in
      Change.Write(
        value: Deletion(isDeleted: deleting, seen: deleting ? visibleDots : []),
        seen: self.deletion.context)
    }
    let change = try Change(
      report: id, dot: dot, attribution: attribution, fields: fields, deletion: deletion,
      note: edit.note)
    apply(change)
    return change
  }

  /// Resolves a conflicted field to `value`: a write that supersedes every concurrent value.
  @discardableResult
  public mutating func resolve(
    _ field: Field, to value: FieldValue, dot: Dot, attribution: Attribution
  ) throws(ValidationError) -> Change {
    try write(ReportEdit(values: [field: value]), dot: dot, attribution: attribution)
  }

  /// Resolves a conflict on ``Field/deleted``: keeps the report deleted, with a delete that has
  /// now seen every concurrent edit, or restores it and keeps those edits.
  @discardableResult
  public mutating func resolveDeletion(
    keepDeleted: Bool, dot: Dot, attribution: Attribution
  ) throws(ValidationError) -> Change {
    try write(ReportEdit(deleting: keepDeleted), dot: dot, attribution: attribution)
  }

  /// The dots of every value and note this state holds: what a delete made now would have seen.
  public var visibleDots: [Dot] {
    var dots: [Dot] = []
    for field in Field.valueFields { dots.append(contentsOf: self[field].entries.map(\.dot)) }
    dots.append(contentsOf: notes.notes.map(\.dot))
    return dots.sorted()
  }
}
