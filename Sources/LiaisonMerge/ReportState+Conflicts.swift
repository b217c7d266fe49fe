extension ReportState {
  /// Whether the report is deleted, as every replica shows it until a person decides.
  ///
  /// A delete that conflicts with a restore or with a concurrent edit leaves the report
  /// visible: nothing a liaison wrote is hidden before someone has looked at it.
  public var isDeleted: Bool {
    guard let winner = deletion.winner, winner.value.isDeleted else { return false }
    return editsUnseenByDeletion.isEmpty
  }

  /// The fields whose concurrent writes a person must decide between, sorted by name.
  ///
  /// ``Field/deleted`` is listed for a delete against a restore, or against an edit or note
  /// its writer had not seen.
  public var conflicts: [Field] {
    var fields = Field.valueFields.filter { self[$0].isConflicted }
    if deletion.isConflicted || !editsUnseenByDeletion.isEmpty { fields.append(.deleted) }
    return fields.sorted()
  }

  /// True when some field holds concurrent values a person must decide between.
  public var isConflicted: Bool {
    Field.valueFields.contains { self[$0].isConflicted } || deletion.isConflicted
      || !editsUnseenByDeletion.isEmpty
  }

  /// The values and notes written concurrently with a delete that stands: dots no deleting
  /// write had seen. Empty when the report is not deleted.
  ///
  /// A delete has seen the values and note of its own write: they carry its dot, which its
  /// `seen` cannot list, and they are not concurrent with it (`protocol/merge.md` section 5).
  public var editsUnseenByDeletion: [Dot] {
    let deletes = deletion.entries.filter(\.value.isDeleted)
    guard !deletes.isEmpty, deletes.count == deletion.entries.count else { return [] }
    return visibleDots.filter { dot in !deletes.contains { $0.dot == dot || $0.value.saw(dot) } }
  }

  /// The fields with a value written concurrently with a standing delete.
  public var fieldsEditedDuringDeletion: [Field] {
    let unseen = Set(editsUnseenByDeletion)
    guard !unseen.isEmpty else { return [] }
    return Field.valueFields.filter { field in
      self[field].entries.contains { unseen.contains($0.dot) }
    }
  }
}
