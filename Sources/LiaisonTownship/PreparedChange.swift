import LiaisonCodec
import LiaisonMerge

/// A change made ready for the log before the write transaction that stores it: its
/// canonical bytes, and the report row it would make if the store does not hold the report
/// yet.
///
/// Everything here depends on the change alone, so a sync computes it on a second thread (or
/// while the previous page is applied), and the transaction, which holds SQLite's one writer,
/// only reads, merges when the report exists, and writes rows.
///
/// A class, though immutable: a prepared change passes from the preparing lane through the
/// batch, the rules and the store's writer, and each copy of a struct this size retained and
/// released some twenty references.
public final class PreparedChange: Sendable {
  public let change: Change
  public let body: [UInt8]
  /// The row of a report that this change creates; nil when it cannot create one.
  public let created: ReportRow?
  /// What checking its signature against its author's binding found; nil when not checked
  /// (a change the store received from a source it trusts, or a test's).
  public let signature: SignatureCheck.Verdict?

  /// `encodings`, when given, must be the change's own (as ``ChangeScanner`` takes them from
  /// the bytes it read); otherwise they are made here.
  public convenience init(
    _ change: Change, binding: KeyBinding? = nil, encodings: ChangeEncodings? = nil
  ) {
    self.init(change, speculating: true, binding: binding, encodings: encodings)
  }

  /// `speculating` false leaves out the created row, for a caller about to read the report
  /// in the same transaction anyway.
  public init(
    _ change: Change, speculating: Bool, binding: KeyBinding? = nil,
    encodings: ChangeEncodings? = nil
  ) {
    self.change = change
    // Checked here, off the writer's thread: a signature costs more than the rest of a
    // change's preparation. Both encodings share the members before the signature.
    if let binding {
      let (signed, canonical) =
        encodings.map { ($0.signed, $0.canonical) } ?? change.signedAndCanonicalBytes
      signature = SignatureCheck.check(change, binding: binding, signedBytes: signed)
      body = canonical
    } else {
      signature = nil
      body = encodings?.canonical ?? change.canonicalBytes
    }
    // Only a write that names a village can begin a report (anything else is refused or
    // waits on its creation), so only those are worth the speculative state.
    if speculating, change.fields[.village] != nil {
      var state = ReportState(id: change.report)
      state.apply(change)
      created = ReportRow(state)
    } else {
      created = nil
    }
  }
}
