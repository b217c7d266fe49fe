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
    case .location(let location): location.json
    }
  }

  /// Reads the JSON of a value of `field` and checks it as ``validate(for:)`` does.
  /// `path` names the value in an error, and is built only then.
  public init(json: JSONValue, field: Field, path: @autoclosure () -> String)
    throws(ValidationError)
  {
    if case .null = json {
      self = .absent
    } else if field == .location {
      // Location(json:) checks every rule of a location, each once, and names its members.
      self = .location(try Location(json: json, path: path()))
      return
    } else {
      let text = try JSONReader.string(json, path: path())
      switch field {
      case .category, .urgency, .status, .due:
        // Words are read as they stand: the normalising that `parse` does for typed input
        // costs more than the rest of a change's decoding, and a word never needs it.
        if field.isClearable, FieldValue.isBlank(text) {
          throw ValidationError(
            field: path(), value: text, problem: .wrongType(expected: "null to clear the field"))
        }
        do {
          self = try FieldValue.word(text, for: field)
        } catch {
          throw ValidationError(field: path(), value: error.value, problem: error.problem)
        }
      default:
        self = .text(text)
      }
    }
    do {
      try validate(for: field)
    } catch {
      throw ValidationError(field: path(), value: error.value, problem: error.problem)
    }
  }
}

extension Location {
  /// `{"latitude_e7"?, "longitude_e7"?, "text"?}`: `text` is left out when the location has no
  /// words, the numbers when it has no point.
  public var json: JSONValue {
    var members: [String: JSONValue] = [:]
    if let latitudeE7 { members["latitude_e7"] = .integer(Int64(latitudeE7)) }
    if let longitudeE7 { members["longitude_e7"] = .integer(Int64(longitudeE7)) }
    if !text.isEmpty { members["text"] = .string(text) }
    return .object(members)
  }

  /// Reads a location's members in bytewise order, `latitude_e7`, `longitude_e7`, `text`, each
  /// in full, then the rules that relate them (`protocol/merge.md` sections 8 and 11).
  ///
  /// Text faults name the `text` member; a coordinate out of range, a half point, and a
  /// location with neither words nor point name the location itself.
  init(json: JSONValue, path: String) throws(ValidationError) {
    let reader = try JSONReader(
      json, path: path, allowed: ["latitude_e7", "longitude_e7", "text"])
    func coordinate(_ name: String, limit: Int64) throws(ValidationError) -> Int32? {
      guard let value = reader.optional(name) else { return nil }
      let number = try JSONReader.integer(value, path: reader.path(name))
      guard number.magnitude <= limit else {
        throw ValidationError(field: path, value: "\(number)", problem: .invalidCoordinates)
      }
      return Int32(number)
    }
    let latitude = try coordinate("latitude_e7", limit: 900_000_000)
    let longitude = try coordinate("longitude_e7", limit: 1_800_000_000)
    // An empty `text` would read back as no words, so it is refused, not taken as absent.
    let text = try reader.optional("text").map { value throws(ValidationError) in
      let text = try JSONReader.string(value, path: reader.path("text"))
      try FieldValue.checkText(
        text, field: reader.path("text"), maximum: TextLimits.locationText, multiline: false)
      return text
    }
    if (latitude == nil) != (longitude == nil) {
      throw ValidationError(
        field: path, value: "\((latitude ?? longitude)!)", problem: .invalidCoordinates)
    }
    if text == nil, latitude == nil {
      throw ValidationError(field: path, value: "", problem: .empty)
    }
    self.init(text: text ?? "", latitudeE7: latitude, longitudeE7: longitude)
  }
}

extension Deletion {
  /// `{"deleted": bool, "seen": [dot, ...]}`.
  public var json: JSONValue {
    .object(["deleted": .bool(isDeleted), "seen": .array(seen.map(\.json))])
  }

  /// Reads `{"deleted": bool, "seen": [dot, ...]}`.
  ///
  /// `seen` must be in ascending dot order with no dot twice, and empty for a restore: a
  /// deletion has one encoding, so the bytes a replica relays are the bytes it was sent.
  public init(json: JSONValue, path: String) throws(ValidationError) {
    let reader = try JSONReader(json, path: path, allowed: ["deleted", "seen"])
    guard case .bool(let deleted) = try reader.required("deleted") else {
      throw ValidationError(
        field: reader.path("deleted"), value: "", problem: .wrongType(expected: "true or false"))
    }
    let items = try JSONReader.array(try reader.required("seen"), path: reader.path("seen"))
    var seen: [Dot] = []
    seen.reserveCapacity(items.count)
    for (index, item) in items.enumerated() {
      seen.append(try Dot(json: item, path: reader.path("seen[\(index)]")))
    }
    for index in seen.indices.dropFirst() where !(seen[index - 1] < seen[index]) {
      throw ValidationError(
        field: reader.path("seen"), value: seen[index].description,
        problem: .invalidClock("a deletion's seen lists each dot once, in ascending order"))
    }
    self.init(isDeleted: deleted, seen: seen)
    do {
      try validate()
    } catch {
      throw ValidationError(field: reader.path("seen"), value: error.value, problem: error.problem)
    }
  }
}
