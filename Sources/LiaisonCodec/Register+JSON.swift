import LiaisonMerge

extension Register {
  /// `{"context": vector, "values": [{"author", "dot", "time", "value"}, ...]}`, values by dot.
  func json(_ encodeValue: (Value) -> JSONValue) -> JSONValue {
    .object([
      "context": context.json,
      "values": .array(
        entries.map { entry in
          .object([
            "author": .string(entry.attribution.author),
            "dot": entry.dot.json,
            "time": .integer(entry.attribution.time),
            "value": encodeValue(entry.value),
          ])
        }),
    ])
  }

  /// Members are read `context`, `values`, and each value's `author`, `dot`, `time`, `value`:
  /// bytewise, as `protocol/merge.md` section 11 orders errors. The register's own rules come
  /// last.
  init(
    json: JSONValue, path: String,
    decodeValue: (JSONValue, String) throws(ValidationError) -> Value
  ) throws(ValidationError) {
    let reader = try JSONReader(json, path: path, allowed: ["context", "values"])
    let context = try VersionVector(
      json: try reader.required("context"), path: reader.path("context"))
    let items = try JSONReader.array(try reader.required("values"), path: reader.path("values"))
    var entries: [Entry] = []
    for (index, item) in items.enumerated() {
      let entryPath = reader.path("values[\(index)]")
      let entryReader = try JSONReader(
        item, path: entryPath, allowed: ["author", "dot", "time", "value"])
      let author = try Attribution.author(entryReader)
      let dot = try Dot(json: try entryReader.required("dot"), path: entryReader.path("dot"))
      let time = try entryReader.integer("time")
      entries.append(
        Entry(
          dot: dot,
          value: try decodeValue(try entryReader.required("value"), entryReader.path("value")),
          attribution: Attribution(author: author, time: time)))
    }
    entries.sort { $0.dot < $1.dot }
    do {
      try self.init(entries: entries, context: context)
    } catch {
      throw ValidationError(field: path, value: "", problem: .invalidClock(error.description))
    }
  }
}

extension Note {
  /// `{"author", "dot", "text", "time"}`.
  public var json: JSONValue {
    .object([
      "author": .string(attribution.author), "dot": dot.json, "text": .string(text),
      "time": .integer(attribution.time),
    ])
  }

  init(json: JSONValue, path: String) throws(ValidationError) {
    // Members in bytewise order: author, dot, text, time.
    let reader = try JSONReader(json, path: path, allowed: ["author", "dot", "text", "time"])
    let author = try Attribution.author(reader)
    let dot = try Dot(json: try reader.required("dot"), path: reader.path("dot"))
    let text = try reader.string("text")
    try FieldValue.checkText(
      text, field: reader.path("text"), maximum: TextLimits.note, multiline: true)
    self.init(
      dot: dot, text: text,
      attribution: Attribution(author: author, time: try reader.integer("time")))
  }
}
