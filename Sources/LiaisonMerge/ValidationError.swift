/// Why a value was refused at the edge: which field, the value given, and what is allowed.
///
/// Every error has a stable ``Problem/code`` that the protocol's test vectors name, and a
/// ``description`` a person can act on.
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What was wrong with the value.
  public enum Problem: Hashable, Sendable {
    /// A required field is missing or cleared.
    case required
    /// The value is not one of the allowed words.
    case notAllowed([String])
    /// Text with nothing in it but spaces.
    case empty
    /// Text longer than the field allows, in Unicode scalars.
    case tooLong(maximum: Int)
    /// Not a real date written `YYYY-MM-DD`.
    case invalidDate
    /// Coordinates that are not a latitude,longitude pair in range with at most 7 decimals.
    case invalidCoordinates
    /// A control character where none may stand.
    case controlCharacter
    /// Text not in Unicode Normalization Form C, so equal-looking text could differ in bytes.
    case notNormalized
    /// A value of the wrong kind for the field, for example text where a date belongs.
    case wrongType(expected: String)
    /// A field name that does not exist.
    case unknownField
    /// A dot or context that breaks the clock rules of `protocol/merge.md`.
    case invalidClock(String)
    /// A malformed id.
    case invalidID
    /// Input that is not well-formed JSON, or not the shape the protocol describes.
    case malformed(String)
    /// A signature that is not 64 bytes of base64, or does not hold for the change's bytes
    /// and its author's key.
    case badSignature(String)

    /// The stable code the protocol's error bodies and test vectors use.
    public var code: String {
      switch self {
      case .required: "required"
      case .notAllowed: "not_allowed"
      case .empty: "empty"
      case .tooLong: "too_long"
      case .invalidDate: "invalid_date"
      case .invalidCoordinates: "invalid_coordinates"
      case .controlCharacter: "control_character"
      case .notNormalized: "not_normalized"
      case .wrongType: "wrong_type"
      case .unknownField: "unknown_field"
      case .invalidClock: "invalid_clock"
      case .invalidID: "invalid_id"
      case .malformed: "malformed"
      case .badSignature: "bad_signature"
      }
    }

    var explanation: String {
      switch self {
      case .required: "is required"
      case .notAllowed(let allowed):
        "is not allowed; use one of: \(allowed.joined(separator: ", "))"
      case .empty: "is empty; write at least one visible character"
      case .tooLong(let maximum): "is too long; at most \(maximum) characters are allowed"
      case .invalidDate: "is not a real date; write YYYY-MM-DD, for example 2026-03-15"
      case .invalidCoordinates:
        "is not a valid point; write LATITUDE,LONGITUDE in decimal degrees, latitude -90 to 90,"
          + " longitude -180 to 180, at most 7 decimal places, for example 31.2304,121.4737"
      case .controlCharacter: "contains a control character, which is not allowed here"
      case .notNormalized: "is not in Unicode Normalization Form C"
      case .wrongType(let expected): "has the wrong type; expected \(expected)"
      case .unknownField:
        "is not a report field; fields are: \(Field.allCases.map(\.rawValue).joined(separator: ", "))"
      case .invalidClock(let reason): "breaks the clock rules: \(reason)"
      case .invalidID: "is not a valid id"
      case .malformed(let reason): "is malformed: \(reason)"
      case .badSignature(let reason): "is not a valid signature: \(reason)"
      }
    }
  }

  /// The field, or part of a change, that was refused: `title`, `note`, `dot`, `id`...
  public let field: String
  /// The value given, shortened for display.
  public let value: String
  public let problem: Problem

  public init(field: String, value: String, problem: Problem) {
    self.field = field
    self.value = ValidationError.shortened(value)
    self.problem = problem
  }

  public var description: String {
    value.isEmpty
      ? "\(field) \(problem.explanation)"
      : "\(field) \"\(value)\" \(problem.explanation)"
  }

  private static func shortened(_ value: String) -> String {
    let scalars = value.unicodeScalars
    guard scalars.count > 40 else { return value }
    return String(String.UnicodeScalarView(scalars.prefix(37))) + "..."
  }
}
