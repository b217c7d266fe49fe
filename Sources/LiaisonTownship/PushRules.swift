import LiaisonCodec
import LiaisonMerge

/// The rules of `protocol/sync.md` section 3 that judge one pushed change, apart from any
/// storage: every backend asks them the same questions and gets the same answers.
public enum PushRules {
  /// Why a change may not be applied: the code, the JSON path at fault, and a sentence.
  public struct Refusal: Sendable, Equatable {
    public let code: RefusalCode
    public let field: String?
    public let message: String

    public init(code: RefusalCode, field: String?, message: String) {
      self.code = code
      self.field = field
      self.message = message
    }
  }

  /// Why a decoded change from `device` may not be applied, or nil.
  ///
  /// `signature` is what checking the change's signature found, nil when it was not checked.
  /// `highest` is the highest counter the server has judged from the device; `village` the
  /// report's current village at the server, nil for a report it does not hold; and
  /// `wasInScope` answers, only when asked (it may read the log), whether an accepted change
  /// ever put the report in one of the device's villages.
  public static func refusal(
    of change: Change, from device: Device, signature: SignatureCheck.Verdict? = nil,
    highest: Int64, village current: String?, wasInScope: () throws -> Bool
  ) rethrows -> Refusal? {
    if change.dot.replica != device.replica {
      return Refusal(
        code: .forgedDot, field: "dot",
        message: "the change's dot belongs to replica \(change.dot.replica), not to this device")
    }
    if Int64(change.dot.counter) > highest + 1 {
      return Refusal(
        code: .skippedCounter, field: "dot",
        message: "counter \(change.dot.counter) skips past \(highest + 1); push changes in order")
    }
    if case .refused(let code, let message)? = signature {
      return Refusal(code: RefusalCode(code), field: "signature", message: message)
    }
    // A report that has left the device's villages still takes its writes if it was ever in
    // one of them: the liaison held it and wrote in good faith, usually while the move was
    // on its way, and nothing a liaison wrote may be lost. Its pulls still leave it out.
    if let current, !device.villages.contains(current), try !wasInScope() {
      return Refusal(
        code: .outOfScope, field: "report",
        message:
          "report \(change.report) belongs to village \(current), which this device is not enrolled for"
      )
    }
    if let write = change.fields[.village] {
      guard case .text(let village) = write.value, device.villages.contains(village) else {
        return Refusal(
          code: .outOfScope, field: "fields.village.value",
          message: "this device is not enrolled for village \(write.value)")
      }
    }
    if current == nil {
      // merge.md section 1: a report begins with its village, category and title, or it
      // would be listed everywhere with neither.
      for field in [Field.village, .category, .title] where change.fields[field] == nil {
        return Refusal(
          code: .required, field: "fields.\(field.rawValue)",
          message:
            "report \(change.report) is new here, and a new report must set village, category and title; this change does not set \(field.rawValue)"
        )
      }
    }
    return nil
  }

  /// Whether a refusal still counts towards the device's highest counter: every judged
  /// change does, but a skip (which would hide the changes skipped) and a forged dot (not
  /// the device's counter at all).
  public static func advancesCounter(_ refusal: Refusal) -> Bool {
    refusal.code != .skippedCounter && refusal.code != .forgedDot
  }

  /// The message of a `dot_reused` refusal.
  public static func dotReused(_ dot: Dot) -> Refusal {
    Refusal(
      code: .dotReused, field: "dot",
      message:
        "counter \(dot.counter) of this device already names a different change; the device reused a counter (was its store restored from a copy?)"
    )
  }

  /// The dot of a change that failed to decode, when its `dot` member alone is well formed.
  public static func readableDot(of change: JSONValue) -> Dot? {
    guard case .object(let members) = change, let dot = members["dot"] else { return nil }
    return try? Dot(json: dot, path: "dot")
  }

  /// Whether a change moves its report: it writes `village` over a value it had seen. A
  /// creation's village write has seen nothing.
  public static func isMove(_ change: Change) -> Bool {
    guard let write = change.fields[.village] else { return false }
    return !write.seen.isEmpty
  }
}
