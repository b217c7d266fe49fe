/// One write to one report, as it travels between replicas and sits in a change log.
///
/// A change is a delta of the report's state: every value it sets carries what its writer had
/// seen of that field (`seen`), so applying it is an ordinary merge, and applying it twice or
/// out of order changes nothing more.
public struct Change: Hashable, Sendable {
  /// A value written to one register, with the writer's context for it before the write.
  public struct Write<Value: RegisterValue>: Hashable, Sendable {
    public let value: Value
    /// Every write to this field the writer had seen; the new value supersedes them all.
    public let seen: VersionVector

    public init(value: Value, seen: VersionVector) {
      self.value = value
      self.seen = seen
    }
  }

  public let report: ReportID
  /// The write's identity; it also names the note this change adds, if any.
  public let dot: Dot
  public let attribution: Attribution
  /// The field values this change sets.
  public let fields: [Field: Write<FieldValue>]
  /// A delete or restore, if this change makes one.
  public let deletion: Write<Deletion>?
  /// The text of a note this change appends, if any.
  public let note: String?
  /// The author's Ed25519 signature over the change's canonical bytes without this member,
  /// when signed (`protocol/merge.md` section 12). The merge never reads it: a signature
  /// proves who wrote a change, not how it merges.
  public let signature: [UInt8]?

  /// Assembles a change after checking it against the rules of `protocol/merge.md`.
  public init(
    report: ReportID, dot: Dot, attribution: Attribution,
    fields: [Field: Write<FieldValue>] = [:], deletion: Write<Deletion>? = nil, note: String? = nil,
    signature: [UInt8]? = nil
  ) throws(ValidationError) {
    self.init(
      unchecked: report, dot: dot, attribution: attribution, fields: fields, deletion: deletion,
      note: note, signature: signature)
    try validate()
  }

  /// Assembles a change read by a decoder that checked each member as it read it (the
  /// author, the deletion, every value, the note: `LiaisonCodec`), checking only the rules
  /// that relate them. Those member checks cost as much again as the rest of decoding.
  package init(
    membersChecked report: ReportID, dot: Dot, attribution: Attribution,
    fields: [Field: Write<FieldValue>], deletion: Write<Deletion>?, note: String?,
    signature: [UInt8]?
  ) throws(ValidationError) {
    self.init(
      unchecked: report, dot: dot, attribution: attribution, fields: fields, deletion: deletion,
      note: note, signature: signature)
    if fields[.deleted] != nil {
      throw ValidationError(field: "fields.deleted", value: "", problem: .unknownField)
    }
    try validateRelations()
  }

  /// The members as given, checked by the caller.
  private init(
    unchecked report: ReportID, dot: Dot, attribution: Attribution,
    fields: [Field: Write<FieldValue>], deletion: Write<Deletion>?, note: String?,
    signature: [UInt8]?
  ) {
    self.report = report
    self.dot = dot
    self.attribution = attribution
    self.fields = fields
    self.deletion = deletion
    self.note = note
    self.signature = signature
  }

  /// The same change carrying `signature`, or none: its content, already checked, is unchanged.
  public func signed(_ signature: [UInt8]?) -> Change {
    Change(
      unchecked: report, dot: dot, attribution: attribution, fields: fields, deletion: deletion,
      note: note, signature: signature)
  }

  /// The fields this change sets in canonical order, with ``Field/deleted`` last for a delete
  /// or restore.
  public var fieldsChanged: [Field] {
    Field.valueFields.filter { fields[$0] != nil } + (deletion == nil ? [] : [.deleted])
  }

  /// Errors name the member at fault by its path in the change's JSON (`protocol/merge.md`).
  ///
  /// Of several faults, the first in the order of section 11 is thrown, as a decoder would:
  /// the members in bytewise order of their names (`author`, `deletion`, `fields` by name,
  /// `note`), then the rules that relate them to each other and to `dot`.
  private func validate() throws(ValidationError) {
    try FieldValue.checkText(
      attribution.author, field: "author", maximum: TextLimits.author, multiline: false)
    if let deletion {
      do {
        try deletion.value.validate()
      } catch {
        throw ValidationError(
          field: "deletion.value." + error.field, value: error.value, problem: error.problem)
      }
    }
    // A dictionary's order changes from run to run; the error reported must not.
    let written = Field.bytewiseOrder.filter { fields[$0] != nil }
    for field in written {
      if field == .deleted {
        throw ValidationError(field: "fields.deleted", value: "", problem: .unknownField)
      }
      do {
        try fields[field]!.value.validate(for: field)
      } catch {
        throw ValidationError(
          field: "fields.\(field.rawValue).value", value: error.value, problem: error.problem)
      }
    }
    if let note {
      try FieldValue.checkText(note, field: "note", maximum: TextLimits.note, multiline: true)
    }
    try validateRelations()
  }

  /// The rules after the members': something to write, and contexts that do not cover the
  /// change's own dot.
  private func validateRelations() throws(ValidationError) {
    if fields.isEmpty, deletion == nil, note == nil {
      throw ValidationError(field: "fields", value: "", problem: .required)
    }
    if let deletion {
      try checkClock(deletion.seen, field: "deletion.seen")
      if deletion.value.saw(dot) {
        throw ValidationError(
          field: "deletion.value.seen", value: dot.description,
          problem: .invalidClock("a delete cannot have seen its own dot"))
      }
    }
    // Looked for in the dictionary's order, then named in bytewise order: eleven lookups for
    // every change cost more than the rest of these rules.
    if fields.values.contains(where: { $0.seen.contains(dot) }) {
      for field in Field.bytewiseOrder {
        guard let write = fields[field] else { continue }
        try checkClock(write.seen, field: "fields.\(field.rawValue).seen")
      }
    }
  }

  private func checkClock(_ seen: VersionVector, field: @autoclosure () -> String)
    throws(ValidationError)
  {
    if seen.contains(dot) {
      throw ValidationError(
        field: field(), value: seen.description,
        problem: .invalidClock("the context already covers the change's own dot \(dot)"))
    }
  }
}
