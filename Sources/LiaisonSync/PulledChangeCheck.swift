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
    var accepted: [Change] = []
    var refused: [UnreadableChange] = []
    accepted.reserveCapacity(page.changes.count)
    for change in page.changes {
      switch SignatureCheck.check(change, binding: bindings[change.dot.replica]) {
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
}
