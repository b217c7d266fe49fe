import LiaisonMerge

/// Reads the members of one JSON object, naming the path of anything wrong.
struct JSONReader {
  let path: String
  let members: [String: JSONValue]

  /// `allowed` is a short list: searching it beats building a set for every object read.
  init(_ value: JSONValue, path: String, allowed: [String]) throws(ValidationError) {
    guard case .object(let members) = value else {
      throw ValidationError(
        field: path, value: value.typeName, problem: .wrongType(expected: "an object"))
    }
    // Of several unknown members, the first by name: a dictionary's order changes from one
    // run to the next, and the error reported must not (`protocol/merge.md` section 11).
    var unknown: String?
    for key in members.keys where !allowed.contains(key) {
      if let first = unknown, !JSONReader.bytewise(key, first) { continue }
      unknown = key
    }
    if let unknown {
      throw ValidationError(
        field: JSONReader.join(path, unknown), value: "", problem: .unknownField)
    }
    self.path = path
    self.members = members
  }

  /// True when `a` sorts before `b` by UTF-8 bytes, the order of `protocol/merge.md`.
  static func bytewise(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  func path(_ key: String) -> String { JSONReader.join(path, key) }

  func required(_ key: String) throws(ValidationError) -> JSONValue {
    guard let value = members[key] else {
      throw ValidationError(field: path(key), value: "", problem: .required)
    }
    return value
  }

  func optional(_ key: String) -> JSONValue? {
    members[key]
  }

  func string(_ key: String) throws(ValidationError) -> String {
    try JSONReader.string(required(key), path: path(key))
  }

  func integer(_ key: String) throws(ValidationError) -> Int64 {
    try JSONReader.integer(required(key), path: path(key))
  }

  static func string(_ value: JSONValue, path: @autoclosure () -> String) throws(ValidationError)
    -> String
  {
    guard case .string(let text) = value else {
      throw ValidationError(
        field: path(), value: value.typeName, problem: .wrongType(expected: "a string"))
    }
    return text
  }

  /// An integer within the range every JSON implementation reads exactly: |n| < 2^53.
  static func integer(_ value: JSONValue, path: @autoclosure () -> String) throws(ValidationError)
    -> Int64
  {
    guard case .integer(let number) = value else {
      if case .number(let number) = value {
        throw ValidationError(
          field: path(), value: "\(number)", problem: .wrongType(expected: "an integer below 2^53"))
      }
      throw ValidationError(
        field: path(), value: value.typeName, problem: .wrongType(expected: "an integer"))
    }
    guard number.magnitude <= Dot.maximumCounter else {
      throw ValidationError(
        field: path(), value: "\(number)", problem: .wrongType(expected: "an integer below 2^53"))
    }
    return number
  }

  static func array(_ value: JSONValue, path: @autoclosure () -> String) throws(ValidationError)
    -> [JSONValue]
  {
    guard case .array(let items) = value else {
      throw ValidationError(
        field: path(), value: value.typeName, problem: .wrongType(expected: "an array"))
    }
    return items
  }

  static func join(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
  }
}
