import Foundation
import LiaisonMerge

/// A JSON document as a value: what the codec reads and writes.
///
/// Numbers are split into integers and other numbers because the protocol allows only
/// integers, and an integer read back must be exactly the one written.
public enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case integer(Int64)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// Parses JSON text strictly (RFC 8259, no duplicate keys, at most 64 levels deep);
  /// malformed input throws a ``LiaisonMerge/ValidationError`` naming the problem and where.
  public init(parsing data: some Collection<UInt8>) throws(ValidationError) {
    var parser = JSONParser(Array(data))
    self = try parser.parseDocument()
  }

  /// Parses like ``init(parsing:)``, but hands each element of the top-level object's array
  /// member `key` to `element` as soon as it is parsed, and leaves that member empty in the
  /// result: a caller can work on the first elements while the rest are still being read.
  /// The document is valid only if this returns; elements handed out before a throw belong
  /// to a document that was refused.
  public static func parse(
    _ data: [UInt8], streaming key: String, _ element: @escaping (JSONValue) -> Void
  ) throws(ValidationError) -> JSONValue {
    var parser = JSONParser(data)
    return try parser.parseDocument(streaming: key, decodingChanges: false) { streamed in
      if case .parsed(let value) = streamed { element(value) }
    }
  }

  /// Parses like ``parse(_:streaming:_:)`` a document whose member `key` is an array of
  /// changes, handing each out decoded straight from its bytes when it has the usual shape
  /// (``StreamedChange/decoded(_:)``), or else parsed (``StreamedChange/parsed(_:)``) for
  /// ``Change/init(json:path:)``, which decodes it the same way or names its fault. Either
  /// way a change comes out as that initialiser makes it from the same bytes.
  public static func parse(
    _ data: [UInt8], streamingChanges key: String, _ element: @escaping (StreamedChange) -> Void
  ) throws(ValidationError) -> JSONValue {
    var parser = JSONParser(data)
    return try parser.parseDocument(streaming: key, decodingChanges: true, element)
  }

  /// A short name of the value's JSON type, for error messages.
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .integer, .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }
}

extension JSONValue: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int64.self) {
      self = .integer(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .integer(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }
}
