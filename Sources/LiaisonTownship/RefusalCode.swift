/// A stable error code of `protocol/sync.md` section 4 and `merge.md` section 11: what a
/// refused request or change says went wrong.
///
/// Codes are open-ended on the wire (a newer server may send one this version does not
/// know), so this is a string with named constants rather than a closed enum. The push rules
/// and the wire name the constants; a test checks them against the specification's tables.
public struct RefusalCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: String

  public init(rawValue: String) {
    self.rawValue = rawValue
  }

  public init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  public var description: String { rawValue }

  // Requests (sync.md section 4).
  public static let malformed = RefusalCode("malformed")
  public static let unsupportedProtocol = RefusalCode("unsupported_protocol")
  public static let unauthenticated = RefusalCode("unauthenticated")
  public static let revoked = RefusalCode("revoked")
  public static let invalidCode = RefusalCode("invalid_code")
  public static let forbidden = RefusalCode("forbidden")
  public static let notFound = RefusalCode("not_found")
  public static let replicaTaken = RefusalCode("replica_taken")
  public static let tooLarge = RefusalCode("too_large")
  public static let invalidID = RefusalCode("invalid_id")
  public static let `internal` = RefusalCode("internal")
  public static let busy = RefusalCode("busy")
  public static let keyInUse = RefusalCode("key_in_use")
  public static let keyBound = RefusalCode("key_bound")
  public static let tooManyAttempts = RefusalCode("too_many_attempts")

  // One change of a push (sync.md section 3), beside merge.md's validation codes.
  public static let forgedDot = RefusalCode("forged_dot")
  public static let outOfScope = RefusalCode("out_of_scope")
  public static let skippedCounter = RefusalCode("skipped_counter")
  public static let dotReused = RefusalCode("dot_reused")
  public static let required = RefusalCode("required")
  public static let badSignature = RefusalCode("bad_signature")

  /// Every code of `protocol/sync.md` section 4 beyond `merge.md`'s validation codes: a test
  /// checks this list against the specification's tables.
  public static let protocolCodes: [RefusalCode] = [
    .malformed, .unsupportedProtocol, .unauthenticated, .revoked, .invalidCode, .forbidden,
    .notFound, .replicaTaken, .tooLarge, .invalidID, .internal, .busy, .keyInUse, .keyBound,
    .tooManyAttempts, .forgedDot, .badSignature, .outOfScope, .skippedCounter, .dotReused,
    .required,
  ]
}
