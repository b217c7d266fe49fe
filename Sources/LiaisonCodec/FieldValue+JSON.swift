import LiaisonMerge

extension FieldValue {
  /// The value's JSON: a string for text, words and dates; an object for a location; null
  /// for no value.
  public var json: JSONValue {
    switch self {
    case .absent: .null
    case .text(let text): .string(text)
    case .category(let value): .string(value.rawValue)
    case .urgency(let value): .string(value.rawValue)
    case .status(let value): .string(value.rawValue)
    case .date(let date): .string(date.description)
    case .location(let location):
      .object(
        ["text": .string(location.text)]
          .merging(
            location.latitudeE7.map { ["latitude_e7": .integer(Int64($0))] } ?? [:]
          ) { a, _ in a }
          .merging(
            location.longitudeE7.map { ["longitude_e7": .integer(Int64($0))] } ?? [:]
          ) { a, _ in a })
    }
  }

  /// Reads the JSON of a value of `field` and checks it as ``validate(for:)`` does.
  public init(json: JSONValue, field: Field, path: String) throws(ValidationError) {
    if case .null = json {
      self = .absent
    } else if field == .location {
      let reader = try JSONReader(
        json, path: path, allowed: ["text", "latitude_e7", "longitude_e7"])
      let latitude = try reader.optional("latitude_e7").map { value throws(ValidationError) in
        try JSONReader.integer(value, path: reader.path("latitude_e7"))
      }
      let longitude = try reader.optional("longitude_e7").map { value throws(ValidationError) in
        try JSONReader.integer(value, path: reader.path("longitude_e7"))
      }
      for coordinate in [latitude, longitude] {
        if let coordinate, coordinate.magnitude > 1_800_000_000 {
          throw ValidationError(field: path, value: "\(coordinate)", problem: .invalidCoordinates)
        }
      }
      self = .location(
        Location(
          text: try reader.string("text"), latitudeE7: latitude.map { Int32($0) },
          longitudeE7: longitude.map { Int32($0) }))
    } else {
      let text = try JSONReader.string(json, path: path)
      switch field {
      case .category, .urgency, .status, .due:
        // Words are read as they stand: the normalising that `parse` does for typed input
        // costs more than the rest of a change's decoding, and a word never needs it.
        if field.isClearable, text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
          throw ValidationError(
            field: path, value: text, problem: .wrongType(expected: "null to clear the field"))
        }
        do {
          self = try FieldValue.word(text, for: field)
        } catch {
          throw ValidationError(field: path, value: error.value, problem: error.problem)
        }
      default:
        self = .text(text)
      }
    }
    do {
      try validate(for: field)
    } catch {
      throw ValidationError(field: path, value: error.value, problem: error.problem)
    }
  }
}

extension Deletion {
  /// `{"deleted": bool, "seen": [dot, ...]}`.
  public var json: JSONValue {
    .object(["deleted": .bool(isDeleted), "seen": .array(seen.map(\.json))])
  }

  /// Reads `{"deleted": bool, "seen": [dot, ...]}`.
  public init(json: JSONValue, path: String) throws(ValidationError) {
    let reader = try JSONReader(json, path: path, allowed: ["deleted", "seen"])
    guard case .bool(let deleted) = try reader.required("deleted") else {
      throw ValidationError(
        field: reader.path("deleted"), value: "", problem: .wrongType(expected: "true or false"))
    }
    let items = try JSONReader.array(try reader.required("seen"), path: reader.path("seen"))
    var seen: [Dot] = []
    for (index, item) in items.enumerated() {
      seen.append(try Dot(json: item, path: reader.path("seen[\(index)]")))
    }
    self.init(isDeleted: deleted, seen: seen)
  }
}
