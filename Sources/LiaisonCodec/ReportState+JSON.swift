import LiaisonMerge

extension ReportState {
  /// The state's JSON: `{"deletion"?, "fields", "id", "notes"}`. Registers never written are
  /// left out, so a state has one encoding.
  public var json: JSONValue {
    var fields: [String: JSONValue] = [:]
    for field in Field.valueFields where !self[field].isEmpty {
      fields[field.rawValue] = self[field].json(\.json)
    }
    var members: [String: JSONValue] = [
      "id": .string(id.description),
      "fields": .object(fields),
      "notes": .array(notes.notes.map(\.json)),
    ]
    if !deletion.isEmpty { members["deletion"] = deletion.json(\.json) }
    return .object(members)
  }

  /// Reads a state's JSON, checking every value and clock.
  ///
  /// Members are read in bytewise order of their names (`deletion`, `fields`, `id`, `notes`,
  /// and fields by name), so a state with several faults is refused with the first in the
  /// order of `protocol/merge.md` section 11.
  public init(json: JSONValue, path: String = "") throws(ValidationError) {
    let reader = try JSONReader(json, path: path, allowed: ["deletion", "fields", "id", "notes"])
    let deletion = try reader.optional("deletion").map { value throws(ValidationError) in
      try Register<Deletion>(json: value, path: reader.path("deletion")) {
        value, path throws(ValidationError) in try Deletion(json: value, path: path)
      }
    }
    let fieldsReader = try JSONReader(
      try reader.required("fields"), path: reader.path("fields"),
      allowed: Field.valueFieldNames)
    var fields: [Field: Register<FieldValue>] = [:]
    // The reader allowed only value fields' names; they are read in bytewise order.
    for field in Field.canonicalOrder {
      let name = field.rawValue
      guard let member = fieldsReader.members[name] else { continue }
      fields[field] = try Register(json: member, path: fieldsReader.path(name)) {
        value, path throws(ValidationError) in try FieldValue(json: value, field: field, path: path)
      }
    }
    let idText = try reader.string("id")
    guard let id = ReportID(idText) else {
      throw ValidationError(field: reader.path("id"), value: idText, problem: .invalidID)
    }
    var notes: [Note] = []
    for (index, item) in try JSONReader.array(
      try reader.required("notes"), path: reader.path("notes")
    ).enumerated() {
      notes.append(try Note(json: item, path: reader.path("notes[\(index)]")))
    }
    self.init(id: id, fields: fields, deletion: deletion ?? Register(), notes: NoteSet(notes))
  }
}
