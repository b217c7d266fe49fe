import LiaisonCodec

/// Reading answers in tests without a `guard case` per member.
extension JSONValue {
  var arrayValue: [JSONValue]? { if case .array(let items) = self { items } else { nil } }
  var objectValue: [String: JSONValue]? {
    if case .object(let members) = self { members } else { nil }
  }
  var stringValue: String? { if case .string(let text) = self { text } else { nil } }
}
