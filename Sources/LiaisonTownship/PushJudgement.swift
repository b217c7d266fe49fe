import LiaisonMerge

/// A device's batch judged change by change, as `protocol/sync.md` section 3 says and every
/// backend must: the device's highest counter as the judging moves it, and the outcome.
///
/// A backend reads what the rules ask (the report's village, whether it was ever in the
/// device's villages) and writes what they decide; the decisions are made here.
public struct PushJudgement {
  /// What to do with a decoded change.
  public enum Verdict {
    /// Refused, and recorded in the outcome; `keep` when the backend keeps the liaison's
    /// write in the audit trail (`refused change`), since it was made in good faith.
    case refused(PushRules.Refusal, keep: Bool)
    /// To be applied. `unlogged` when the log cannot hold its dot yet (its counter is above
    /// every one the device sent before), which spares a new report one read.
    case apply(unlogged: Bool)
  }

  public let device: Device
  /// The highest counter judged from the device, to be stored with the outcome.
  public private(set) var highest: Int64
  public private(set) var outcome = PushOutcome()

  /// `highest` is the counter the store holds for the device before this batch.
  public init(device: Device, highest: Int64) {
    self.device = device
    self.highest = highest
  }

  /// The batch's next decoded change and its index, once every change before it that did
  /// not decode has been refused; nil past the last. Backends walk a batch with this alone.
  public mutating func next(from batch: PushBatch) -> (index: Int, prepared: PreparedChange)? {
    while let next = batch.prepared(at: read) {
      let index = read
      read += 1
      switch next {
      case .success(let prepared): return (index, prepared)
      case .failure(let unreadable): refuse(unreadable, at: index)
      }
    }
    return nil
  }

  /// How far ``next(from:)`` has read the batch.
  private var read = 0

  /// A change that did not decode or validate: refused. It still used its counter on the
  /// device, which never sends it again, so the device's next change must not count as a
  /// skip, or an older or newer client's one refused change would block every later write.
  private mutating func refuse(_ unreadable: PushBatch.Unreadable, at index: Int) {
    let dot = unreadable.dot
    if let dot, dot.replica == device.replica, Int64(dot.counter) <= highest + 1 {
      highest = max(highest, Int64(dot.counter))
    }
    outcome.rejected.append(
      .init(
        index: index, dot: dot, code: RefusalCode(unreadable.error.problem.code),
        field: unreadable.error.field, message: unreadable.error.description))
  }

  /// Judges a decoded change against the report's current village (nil for a report the
  /// store does not hold); `wasInScope` is asked only when the rules need it.
  public mutating func judge(
    _ prepared: PreparedChange, at index: Int, village: String?, wasInScope: () throws -> Bool
  ) rethrows -> Verdict {
    let change = prepared.change
    if let refusal = try PushRules.refusal(
      of: change, from: device, signature: prepared.signature, highest: highest,
      village: village, wasInScope: wasInScope)
    {
      record(refusal, of: change, at: index)
      if PushRules.advancesCounter(refusal) {
        highest = max(highest, Int64(change.dot.counter))
      }
      return .refused(refusal, keep: refusal.code == .outOfScope)
    }
    // Every change the log holds from this device came in a push, at or below the highest
    // counter it has sent.
    let unlogged = Int64(change.dot.counter) > highest
    highest = max(highest, Int64(change.dot.counter))
    return .apply(unlogged: unlogged)
  }

  /// A change applied: new to the log.
  public mutating func accepted() { outcome.accepted += 1 }

  /// A change the log held already, byte for byte: a retry.
  public mutating func duplicate() { outcome.duplicates += 1 }

  /// A change whose dot the log holds with other content: the device reused a counter, as
  /// one whose store was restored from a backup would. Counting it as a duplicate would drop
  /// the liaison's write without a word; it is refused, and the backend keeps it.
  public mutating func reused(_ change: Change, at index: Int) -> PushRules.Refusal {
    let refusal = PushRules.dotReused(change.dot)
    record(refusal, of: change, at: index)
    return refusal
  }

  private mutating func record(_ refusal: PushRules.Refusal, of change: Change, at index: Int) {
    outcome.rejected.append(
      .init(
        index: index, dot: change.dot, code: refusal.code, field: refusal.field,
        message: refusal.message))
  }
}
