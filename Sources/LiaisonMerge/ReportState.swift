/// Everything a replica knows of one report: a register per field, the delete register and
/// the notes. States merge by a pure function, so replicas that have exchanged the same
/// changes, in any order and any number of times, hold equal states.
public struct ReportState: Hashable, Sendable {
  public let id: ReportID
  /// One register per value field, in the order of ``Field/valueFields``, held inline so a
  /// merge compares unchanged fields by pointer and allocates nothing for them.
  private var registers: InlineArray<10, Register<FieldValue>>
  /// The tombstone: whether the report is deleted, as a register so deletes can conflict.
  public private(set) var deletion: Register<Deletion>
  public private(set) var notes: NoteSet

  /// A report no write has touched yet.
  public init(id: ReportID) {
    self.id = id
    registers = InlineArray(repeating: Register())
    deletion = Register()
    notes = NoteSet()
  }

  /// Rebuilds a state from its parts, as a decoder does.
  public init(
    id: ReportID, fields: [Field: Register<FieldValue>], deletion: Register<Deletion>,
    notes: NoteSet
  ) {
    self.init(id: id)
    for (field, register) in fields where field != .deleted { registers[field.slot] = register }
    self.deletion = deletion
    self.notes = notes
    checkInvariants()
  }

  /// The state a change alone makes: a delta that merges into any state of its report.
  public init(delta change: Change) {
    self.init(id: change.report)
    for (field, write) in change.fields {
      registers[field.slot] = Register(
        delta: .init(dot: change.dot, value: write.value, attribution: change.attribution),
        seen: write.seen)
    }
    if let write = change.deletion {
      deletion = Register(
        delta: .init(dot: change.dot, value: write.value, attribution: change.attribution),
        seen: write.seen)
    }
    if let text = change.note {
      notes.insert(Note(dot: change.dot, text: text, attribution: change.attribution))
    }
    checkInvariants()
  }

  /// The register of a value field.
  public subscript(field: Field) -> Register<FieldValue> {
    registers[field.slot]
  }

  /// The value a field shows: its provisional winner, or the field's default.
  public func value(_ field: Field) -> FieldValue {
    registers[field.slot].winner?.value ?? field.defaultValue
  }

  /// True when no write has reached this state.
  public var isEmpty: Bool {
    registers.indices.allSatisfy { registers[$0].isEmpty } && deletion.isEmpty && notes.isEmpty
  }

  /// Merges another state of the same report: commutative, associative, idempotent.
  public func merged(with other: ReportState) -> ReportState {
    precondition(id == other.id, "only states of the same report merge")
    var result = self
    result.merge(other)
    return result
  }

  /// Merges another state of the same report into this one.
  public mutating func merge(_ other: ReportState) {
    precondition(id == other.id, "only states of the same report merge")
    mergeRegisters(other.registers)
    deletion.merge(other.deletion)
    if !(notes.isEmpty && other.notes.isEmpty) { notes = notes.merged(with: other.notes) }
    checkInvariants()
  }

  private mutating func mergeRegisters(_ others: InlineArray<10, Register<FieldValue>>) {
    for slot in registers.indices where !registers[slot].isIdentical(to: others[slot]) {
      registers[slot].merge(others[slot])
    }
  }

  public static func == (lhs: ReportState, rhs: ReportState) -> Bool {
    guard lhs.id == rhs.id, lhs.deletion == rhs.deletion, lhs.notes == rhs.notes else {
      return false
    }
    for slot in lhs.registers.indices where lhs.registers[slot] != rhs.registers[slot] {
      return false
    }
    return true
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    for slot in registers.indices { hasher.combine(registers[slot]) }
    hasher.combine(deletion)
    hasher.combine(notes)
  }

  /// Applies a change received from another replica, or replayed: a merge of its delta.
  public mutating func apply(_ change: Change) {
    merge(ReportState(delta: change))
  }

  func checkInvariants() {
    #if DEBUG
      precondition(registers.count == Field.valueFields.count, "one register per value field")
      // Each register checks its own rules whenever it changes; here, only what spans them.
      for field in Field.valueFields {
        for entry in registers[field.slot].entries {
          precondition(entry.value.fits(field), "a register holds only values of its field's kind")
        }
      }
    #endif
  }
}
