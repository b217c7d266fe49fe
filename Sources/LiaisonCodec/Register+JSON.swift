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
      entries.append(
        Entry(
          dot: try Dot(json: try entryReader.required("dot"), path: entryReader.path("dot")),
          value: try decodeValue(try entryReader.required("value"), entryReader.path("value")),
          attribution: try Attribution.decode(entryReader)))
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
    let reader = try JSONReader(json, path: path, allowed: ["author", "dot", "text", "time"])
    let text = try reader.string("text")
    try FieldValue.checkText(
      text, field: reader.path("text"), maximum: TextLimits.note, multiline: true)
    self.init(
      dot: try Dot(json: try reader.required("dot"), path: reader.path("dot")), text: text,
      attribution: try Attribution.decode(reader))
  }
}
