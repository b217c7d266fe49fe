import LiaisonMerge

extension Change {
  /// The change's JSON: `{"author", "deletion"?, "dot", "fields", "note"?, "report", "time"}`.
  public var json: JSONValue {
    var fields: [String: JSONValue] = [:]
    for (field, write) in self.fields {
      fields[field.rawValue] = .object(["seen": write.seen.json, "value": write.value.json])
    }
    var members: [String: JSONValue] = [
      "author": .string(attribution.author),
      "dot": dot.json,
      "fields": .object(fields),
      "report": .string(report.description),
      "time": .integer(attribution.time),
    ]
    if let deletion {
      members["deletion"] = .object(["seen": deletion.seen.json, "value": deletion.value.json])
    }
    if let note { members["note"] = .string(note) }
    return .object(members)
  }

  /// Reads a change's JSON, checking every value and clock; the first problem found is thrown.
  public init(json: JSONValue, path: String = "") throws(ValidationError) {
    let reader = try JSONReader(
      json, path: path,
      allowed: ["author", "deletion", "dot", "fields", "note", "report", "time"])
    let reportText = try reader.string("report")
    guard let report = ReportID(reportText) else {
      throw ValidationError(field: reader.path("report"), value: reportText, problem: .invalidID)
    }
    let dot = try Dot(json: try reader.required("dot"), path: reader.path("dot"))
    guard case .object(let fieldMembers) = try reader.required("fields") else {
      throw ValidationError(
        field: reader.path("fields"), value: "", problem: .wrongType(expected: "an object"))
    }
    var fields: [Field: Write<FieldValue>] = [:]
    for (name, value) in fieldMembers {
      let fieldPath = reader.path("fields.\(name)")
      guard let field = Field(rawValue: name), field != .deleted else {
        throw ValidationError(field: fieldPath, value: name, problem: .unknownField)
      }
      let writeReader = try JSONReader(value, path: fieldPath, allowed: ["seen", "value"])
      fields[field] = Write(
        value: try FieldValue(
          json: try writeReader.required("value"), field: field, path: writeReader.path("value")),
        seen: try VersionVector(
          json: try writeReader.required("seen"), path: writeReader.path("seen")))
    }
    let deletion = try reader.optional("deletion").map { value throws(ValidationError) in
      let writeReader = try JSONReader(
        value, path: reader.path("deletion"), allowed: ["seen", "value"])
      return Write(
        value: try Deletion(
          json: try writeReader.required("value"), path: writeReader.path("value")),
        seen: try VersionVector(
          json: try writeReader.required("seen"), path: writeReader.path("seen")))
    }
    let note = try reader.optional("note").map { value throws(ValidationError) in
      try JSONReader.string(value, path: reader.path("note"))
    }
    let attribution = try Attribution.decode(reader)
    do {
      try self.init(
        report: report, dot: dot, attribution: attribution, fields: fields, deletion: deletion,
        note: note)
    } catch {
      throw ValidationError(
        field: reader.path(error.field), value: error.value, problem: error.problem)
    }
  }
}
