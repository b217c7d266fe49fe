import Dispatch
import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonStore

/// Checks every pulled change's signature before it is applied (`protocol/sync.md` section
/// 7): against the page's key bindings, each of which must carry the signature of the server
/// key this device pinned at enrolment.
///
/// A change that fails is kept with the page's unreadable changes: shown by
/// `liaison status --refused`, never applied, and never a reason to stop a sync.
struct PulledChangeCheck: Sendable {
  /// The pinned server key; nil for a server from before signed changes, whose pages carry
  /// no bindings and whose changes are taken as they come.
  let serverKey: PublicSigningKey?

  /// The page's changes split into those to apply and those refused.
  func sort(_ page: SyncClient.PullAnswer) -> (accepted: [Change], refused: [UnreadableChange]) {
    guard let serverKey else { return (page.changes, []) }
    var bindings: [ReplicaID: KeyBinding] = [:]
    // A binding the pinned key did not sign is ignored, and its replica's changes are refused
    // as unchecked: whoever sits between this device and its server cannot vouch for a key.
    for binding in page.keys where binding.isSigned(by: serverKey) {
      bindings[binding.replica] = binding
    }
    let verdicts = Self.verdicts(of: page.changes, bindings: bindings)
    var accepted: [Change] = []
    var refused: [UnreadableChange] = []
    accepted.reserveCapacity(page.changes.count)
    for (change, verdict) in zip(page.changes, verdicts) {
      switch verdict {
      case .signed, .unsigned:
        accepted.append(change)
      case .refused(let code, let message):
        refused.append(
          UnreadableChange(
            body: change.canonicalBytes, code: code, field: "signature", message: message))
      }
    }
    return (accepted, refused)
  }

  /// Each change's verdict, the page split into one contiguous run per core, checked side by
  /// side: an Ed25519 check costs more than applying the change, and on one thread the checks
  /// alone would keep the next page from being ready while this one is applied.
  static func verdicts(of changes: [Change], bindings: [ReplicaID: KeyBinding])
    -> [SignatureCheck.Verdict]
  {
    let lanes = min(ProcessInfo.processInfo.activeProcessorCount, changes.count / 64)
    guard lanes > 1 else {
      return changes.map { SignatureCheck.check($0, binding: bindings[$0.dot.replica]) }
    }
    let results = Verdicts(count: changes.count)
    // The calling thread runs lanes too, so this finishes even when no other thread is free.
    DispatchQueue.concurrentPerform(iterations: lanes) { lane in
      for index in (changes.count * lane / lanes)..<(changes.count * (lane + 1) / lanes) {
        let change = changes[index]
        results.slots[index] = SignatureCheck.check(change, binding: bindings[change.dot.replica])
      }
    }
    return results.slots.map { $0! }
  }

  /// Slots written by index from several threads, each index by one.
  private final class Verdicts: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<SignatureCheck.Verdict?>

    init(count: Int) {
      slots = .allocate(capacity: count)
      slots.initialize(repeating: nil)
    }

    deinit {
      slots.deinitialize()
      slots.deallocate()
    }
  }
}
