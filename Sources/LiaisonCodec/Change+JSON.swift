import LiaisonMerge

extension Change {
  /// The change's JSON: `{"author", "deletion"?, "dot", "fields", "note"?, "report",
  /// "signature"?, "time"}`.
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
    if let signature { members["signature"] = .string(CanonicalBase64.encode(signature)) }
    return .object(members)
  }

  /// Reads a change's JSON, checking every value and clock.
  ///
  /// Of several faults, the one thrown is the first in the order of `protocol/merge.md`
  /// section 11: unknown members, then each member in bytewise order of its name (`author`,
  /// `deletion`, `dot`, `fields`, `note`, `report`, `time`) checked in full, then the rules that
  /// relate members, which ``Change/init(report:dot:attribution:fields:deletion:note:signature:)``
  /// checks. A `signature` is checked for its form only (64 bytes of base64): whether it holds
  /// depends on its author's key, which the township's rules know.
  public init(json: JSONValue, path: String = "") throws(ValidationError) {
    let reader = try JSONReader(
      json, path: path,
      allowed: ["author", "deletion", "dot", "fields", "note", "report", "signature", "time"])
    let author = try Attribution.author(reader)
    let deletion = try reader.optional("deletion").map { value throws(ValidationError) in
      let writeReader = try JSONReader(
        value, path: reader.path("deletion"), allowed: ["seen", "value"])
      let seen = try VersionVector(
        json: try writeReader.required("seen"), path: writeReader.path("seen"))
      return Write(
        value: try Deletion(
          json: try writeReader.required("value"), path: writeReader.path("value")),
        seen: seen)
    }
    let dot = try Dot(json: try reader.required("dot"), path: reader.path("dot"))
    let fieldsReader = try JSONReader(
      try reader.required("fields"), path: reader.path("fields"), allowed: Field.valueFieldNames)
    var fields: [Field: Write<FieldValue>] = [:]
    // The reader allowed only value fields' names; they are read in bytewise order.
    for field in Field.canonicalOrder {
      let name = field.rawValue
      guard let member = fieldsReader.members[name] else { continue }
      let writeReader = try JSONReader(
        member, path: fieldsReader.path(name), allowed: ["seen", "value"])
      let seen = try VersionVector(
        json: try writeReader.required("seen"), path: writeReader.path("seen"))
      fields[field] = Write(
        value: try FieldValue(
          json: try writeReader.required("value"), field: field, path: writeReader.path("value")),
        seen: seen)
    }
    let note = try reader.optional("note").map { value throws(ValidationError) in
      let text = try JSONReader.string(value, path: reader.path("note"))
      try FieldValue.checkText(
        text, field: reader.path("note"), maximum: TextLimits.note, multiline: true)
      return text
    }
    let reportText = try reader.string("report")
    guard let report = ReportID(reportText) else {
      throw ValidationError(field: reader.path("report"), value: reportText, problem: .invalidID)
    }
    let signature = try reader.optional("signature").map { value throws(ValidationError) in
      try Self.signature(value, path: reader.path("signature"))
    }
    let time = try reader.integer("time")
    do {
      // Each member was checked as it was read, in the order of section 11.
      try self.init(
        membersChecked: report, dot: dot, attribution: Attribution(author: author, time: time),
        fields: fields, deletion: deletion, note: note, signature: signature)
    } catch {
      throw ValidationError(
        field: reader.path(error.field), value: error.value, problem: error.problem)
    }
  }

  /// An Ed25519 signature's bytes: standard base64 with padding, of exactly 64 bytes.
  static func signature(_ value: JSONValue, path: String) throws(ValidationError)
    -> [UInt8]
  {
    let text = try JSONReader.string(value, path: path)
    guard let bytes = CanonicalBase64.decode(text) else {
      throw ValidationError(
        field: path, value: text,
        problem: .badSignature("it is not standard base64 with padding and zero pad bits"))
    }
    guard bytes.count == Self.signatureLength else {
      throw ValidationError(
        field: path, value: text,
        problem: .badSignature(
          "an Ed25519 signature is \(Self.signatureLength) bytes, this is \(bytes.count)"))
    }
    return bytes
  }

  /// The length of an Ed25519 signature in bytes.
  public static let signatureLength = 64
}
