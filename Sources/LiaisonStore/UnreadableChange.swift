/// A change the server sent in a pull that this device could not accept: it did not decode,
/// or broke a rule of `protocol/merge.md`.
///
/// The device keeps its bytes and the reason and moves its pull cursor past it, so one bad
/// change (from a newer server, or a fault on the way) never stalls every later sync, and the
/// liaison sees it with `liaison status --refused` instead of it vanishing.
public struct UnreadableChange: Sendable, Equatable {
  /// The change's JSON as it arrived.
  public let body: [UInt8]
  /// The validation code of `protocol/merge.md` section 11, such as `unknown_field`.
  public let code: String
  /// The JSON path of the member at fault, when one is.
  public let field: String?
  public let message: String
  /// When this device received it, in milliseconds since 1970; 0 until stored.
  public let receivedAt: Int64

  public init(body: [UInt8], code: String, field: String?, message: String, receivedAt: Int64 = 0) {
    self.body = body
    self.code = code
    self.field = field
    self.message = message
    self.receivedAt = receivedAt
  }
}
