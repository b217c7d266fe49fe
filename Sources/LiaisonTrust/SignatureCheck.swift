import LiaisonCodec
import LiaisonMerge

/// Whether a change's signature holds for its author's key binding
/// (`protocol/merge.md` section 12): the one rule the server's push, a device's pull and
/// `township verify` all apply.
public enum SignatureCheck {
  /// What a check found.
  public enum Verdict: Sendable, Equatable {
    /// Signed by its author's bound key.
    case signed
    /// Unsigned, and allowed to be: written before its replica had a key.
    case unsigned
    /// Not to be applied: the reason, and its stable code (`bad_signature` or `revoked`).
    case refused(code: String, message: String)
  }

  /// Checks `change` against its replica's `binding`; nil when the replica has none.
  public static func check(_ change: Change, binding: KeyBinding?) -> Verdict {
    check(change, binding: binding, signedBytes: change.signedBytes)
  }

  /// Checks as ``check(_:binding:)`` does, for a caller that has the change's signed bytes
  /// (`change.signedBytes`) already; they are read only when a signature is verified.
  public static func check(
    _ change: Change, binding: KeyBinding?, signedBytes: @autoclosure () -> [UInt8]
  ) -> Verdict {
    let counter = Int64(change.dot.counter)
    guard let binding else {
      return .refused(
        code: "bad_signature",
        message:
          "no key is known for replica \(change.dot.replica), so its change cannot be checked")
    }
    if let revokedAfter = binding.revokedAfter, counter > revokedAfter {
      return .refused(
        code: "revoked",
        message:
          "replica \(change.dot.replica) was revoked after its change \(revokedAfter); change \(counter) came later"
      )
    }
    guard let key = binding.key else {
      // A replica enrolled before changes were signed, with no key yet: nothing to check.
      return .unsigned
    }
    guard let signature = change.signature else {
      if let limit = binding.unsignedThrough, counter <= limit { return .unsigned }
      return .refused(
        code: "bad_signature",
        message:
          "change \(change.dot) has no signature, and replica \(change.dot.replica) signs its changes"
      )
    }
    guard key.isValidSignature(signature, of: signedBytes()) else {
      return .refused(
        code: "bad_signature",
        message:
          "the signature of change \(change.dot) does not hold for its bytes and the key \(key.fingerprint) of replica \(change.dot.replica)"
      )
    }
    return .signed
  }
}
