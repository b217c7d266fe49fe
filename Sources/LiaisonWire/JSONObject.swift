import LiaisonCodec
import LiaisonTrust

/// Reads the members of a wire object, naming the member when one is missing or mistyped.
struct JSONObject {
  let members: [String: JSONValue]

  init(_ value: JSONValue, what: String) throws(WireShapeError) {
    guard case .object(let members) = value else {
      throw WireShapeError("\(what) must be a JSON object")
    }
    self.members = members
  }

  func string(_ key: String) throws(WireShapeError) -> String {
    guard case .string(let text)? = members[key] else {
      throw WireShapeError("\(key) must be a string", field: key)
    }
    return text
  }

  func optionalString(_ key: String) throws(WireShapeError) -> String? {
    guard let value = members[key], value != .null else { return nil }
    guard case .string(let text) = value else {
      throw WireShapeError("\(key) must be a string", field: key)
    }
    return text
  }

  func integer(_ key: String) throws(WireShapeError) -> Int64 {
    guard case .integer(let number)? = members[key] else {
      throw WireShapeError("\(key) must be an integer", field: key)
    }
    return number
  }

  func bool(_ key: String) throws(WireShapeError) -> Bool {
    guard case .bool(let flag)? = members[key] else {
      throw WireShapeError("\(key) must be true or false", field: key)
    }
    return flag
  }

  func array(_ key: String) throws(WireShapeError) -> [JSONValue] {
    guard case .array(let items)? = members[key] else {
      throw WireShapeError("\(key) must be an array", field: key)
    }
    return items
  }

  func strings(_ key: String) throws(WireShapeError) -> [String] {
    try array(key).map { item throws(WireShapeError) in
      guard case .string(let text) = item else {
        throw WireShapeError("\(key) must be an array of strings", field: key)
      }
      return text
    }
  }

  func signingKey(_ key: String) throws(WireShapeError) -> PublicSigningKey {
    guard let parsed = PublicSigningKey(base64: try string(key)) else {
      throw WireShapeError(
        "\(key) must be an Ed25519 public key: the standard base64 of 32 bytes encoding a point of its prime-order group",
        field: key)
    }
    return parsed
  }
}
