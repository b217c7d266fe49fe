import LiaisonMerge

extension ReplicaID {
  static func decode(_ text: String, path: @autoclosure () -> String) throws(ValidationError)
    -> ReplicaID
  {
    guard let replica = ReplicaID(text) else {
      throw ValidationError(field: path(), value: text, problem: .invalidID)
    }
    return replica
  }
}

extension Dot {
  /// `["<replica>", counter]`.
  public var json: JSONValue {
    .array([.string(replica.description), .integer(Int64(counter))])
  }

  /// Reads `["<replica>", counter]` with a counter from 1 to 2^53-1. `path` names it in an
  /// error, and is built only then.
  public init(json: JSONValue, path: @autoclosure () -> String) throws(ValidationError) {
    let items = try JSONReader.array(json, path: path())
    guard items.count == 2 else {
      throw ValidationError(
        field: path(), value: "\(items.count) items",
        problem: .malformed("a dot is [replica, counter]"))
    }
    let replica = try ReplicaID.decode(JSONReader.string(items[0], path: path()), path: path())
    let counter = try JSONReader.integer(items[1], path: path())
    guard counter >= 1 else {
      throw ValidationError(
        field: path(), value: "\(counter)", problem: .invalidClock("counters start at 1"))
    }
    self.init(replica: replica, counter: UInt64(counter))
  }
}

extension VersionVector {
  /// `{"<replica>": counter, ...}`.
  public var json: JSONValue {
    .object(
      Dictionary(
        uniqueKeysWithValues: entries.map { ($0.replica.description, .integer(Int64($0.counter))) })
    )
  }

  /// Reads `{"<replica>": counter, ...}` with counters from 1 to 2^53-1.
  ///
  /// Entries are checked in bytewise order of their keys, each key before its counter, and a
  /// fault is reported at `path.key`; for valid keys that is also the order of the replicas.
  /// `path` is built only for an error.
  public init(json: JSONValue, path: @autoclosure () -> String) throws(ValidationError) {
    guard case .object(let members) = json else {
      throw ValidationError(
        field: path(), value: json.typeName,
        problem: .wrongType(expected: "an object of replica: counter"))
    }
    var dots: [Dot] = []
    dots.reserveCapacity(members.count)
    // One entry needs no sorting, and most vectors a change carries have one or none.
    let keys =
      members.count < 2 ? Array(members.keys) : members.keys.sorted(by: JSONReader.bytewise)
    for key in keys {
      let replica = try ReplicaID.decode(key, path: JSONReader.join(path(), key))
      let counter = try JSONReader.integer(members[key]!, path: JSONReader.join(path(), key))
      guard counter >= 1 else {
        throw ValidationError(
          field: JSONReader.join(path(), key), value: "\(counter)",
          problem: .invalidClock("counters start at 1"))
      }
      dots.append(Dot(replica: replica, counter: UInt64(counter)))
    }
    self.init(sortedEntries: dots)
  }
}

extension Attribution {
  /// Reads and checks the `author` member of a change, register value or note.
  static func author(_ reader: JSONReader) throws(ValidationError) -> String {
    let author = try reader.string("author")
    try FieldValue.checkText(
      author, field: reader.path("author"), maximum: TextLimits.author, multiline: false)
    return author
  }
}
