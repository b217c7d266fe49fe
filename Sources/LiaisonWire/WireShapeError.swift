import LiaisonTownship

/// A body that is JSON but not the shape an endpoint's request or answer has.
public struct WireShapeError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `malformed`, or a more precise code (`invalid_id` for an id that does not read).
  public let code: RefusalCode
  /// The member at fault, when one is.
  public let field: String?
  public let message: String

  public init(_ message: String, field: String? = nil, code: RefusalCode = .malformed) {
    self.message = message
    self.field = field
    self.code = code
  }

  public var description: String { message }
}
