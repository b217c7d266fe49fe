import LiaisonCodec
import LiaisonMerge

/// The walk of `township verify` over a log read report by report, the same for every
/// backend: each change's signature against its author's binding, and each report's stored
/// state against the merge of its logged changes. A backend feeds it the log's rows ordered by
/// report, then by sequence; memory stays at one report's merge.
public struct LogVerifier {
  private var result = LogVerification()
  private let bindings: [ReplicaID: KeyBinding]
  private let total: Int
  private let progress: (LogVerification.Progress) -> Void
  private var current: (key: Int64, id: String, stored: [UInt8], merged: ReportState?)?

  /// `bindings` are every replica's as the server records them; `total` the log's length,
  /// for `progress`, told every 10,000 changes and at the end.
  public init(
    bindings: [ReplicaID: KeyBinding], total: Int,
    progress: @escaping (LogVerification.Progress) -> Void
  ) {
    self.bindings = bindings
    self.total = total
    self.progress = progress
  }

  /// One logged change of the report stored under `report` (the backend's key) with id `id`;
  /// `stored` is the report's stored state, read once per report.
  public mutating func check(
    sequence: Int64, body: [UInt8], report key: Int64, id: String,
    stored: @autoclosure () -> [UInt8]
  ) {
    if current?.key != key {
      finishReport()
      current = (key, id, stored(), nil)
    }
    result.changes += 1
    if result.changes % 10_000 == 0 {
      progress(LogVerification.Progress(changes: result.changes, total: total))
    }
    guard let change = try? Change(json: JSONValue(parsing: body)) else {
      result.badChanges.append(
        .init(
          sequence: sequence, report: id, dot: "", code: "unreadable",
          message: "the logged change does not decode"))
      return
    }
    // A replica that is neither the server's nor an enrolled device's has no binding: no one
    // this township knows wrote its changes, and the check refuses them.
    switch SignatureCheck.check(change, binding: bindings[change.dot.replica]) {
    case .signed: result.signed += 1
    case .unsigned: result.unsigned += 1
    case .refused(let code, let message):
      result.badChanges.append(
        .init(
          sequence: sequence, report: id, dot: change.dot.description, code: code,
          message: message))
    }
    var merged = current?.merged ?? ReportState(id: change.report)
    merged.apply(change)
    current?.merged = merged
  }

  /// A report with no logged change at all: a state nothing explains.
  public mutating func unexplained(report id: String) {
    finishReport()
    current = nil
    result.reports += 1
    result.divergentReports.append(id)
  }

  /// Ends the walk: the last report is compared, and the progress told once more.
  public mutating func finish() -> LogVerification {
    finishReport()
    current = nil
    progress(LogVerification.Progress(changes: result.changes, total: total))
    return result
  }

  private mutating func finishReport() {
    guard let report = current else { return }
    result.reports += 1
    let stored = (try? ReportState(json: JSONValue(parsing: report.stored)))?.canonicalBytes
    if stored == nil || stored != report.merged?.canonicalBytes {
      result.divergentReports.append(report.id)
    }
  }
}
