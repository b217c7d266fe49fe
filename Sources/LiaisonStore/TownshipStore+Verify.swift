import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge

extension TownshipStore {
  /// Walks the whole log report by report, in one read transaction (a snapshot, so a server
  /// may go on serving): checks every change's signature against its author's binding, and
  /// compares every report's stored state with the merge of its logged changes.
  ///
  /// Memory stays at one report's changes, whatever the log's size.
  public func verifyLog(progress: (LogVerification.Progress) -> Void = { _ in })
    throws(StoreError) -> LogVerification
  {
    try replica.read { db in
      var result = LogVerification()
      let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM change") ?? 0
      let bindings = try recordedBindings(db)
      let changes = try Row.fetchCursor(
        db,
        sql: """
          SELECT c.seq, c.body, c.report_key, r.id, r.state FROM change c
          JOIN report r ON r.key = c.report_key ORDER BY c.report_key, c.seq
          """)
      var current: (key: Int64, id: String, stored: Data, merged: ReportState?)?
      func finishReport() {
        guard let report = current else { return }
        result.reports += 1
        let stored = (try? StoreRows.state(report.stored))?.canonicalBytes
        if stored == nil || stored != report.merged?.canonicalBytes {
          result.divergentReports.append(report.id)
        }
      }
      while let row = try changes.next() {
        let key: Int64 = row[2]
        if current?.key != key {
          finishReport()
          current = (key, row[3], row[4], nil)
        }
        let sequence: Int64 = row[0]
        result.changes += 1
        if result.changes % 10_000 == 0 {
          progress(LogVerification.Progress(changes: result.changes, total: total))
        }
        guard let change = try? Change(json: JSONValue(parsing: row[1] as Data)) else {
          result.badChanges.append(
            .init(
              sequence: sequence, report: row[3], dot: "", code: "unreadable",
              message: "the logged change does not decode"))
          continue
        }
        // A replica that is neither the server's nor an enrolled device's has no binding: no
        // one this township knows wrote its changes, and the check refuses them.
        switch SignatureCheck.check(change, binding: bindings[change.dot.replica]) {
        case .signed: result.signed += 1
        case .unsigned: result.unsigned += 1
        case .refused(let code, let message):
          result.badChanges.append(
            .init(
              sequence: sequence, report: row[3], dot: change.dot.description, code: code,
              message: message))
        }
        var merged = current?.merged ?? ReportState(id: change.report)
        merged.apply(change)
        current?.merged = merged
      }
      finishReport()
      // A report with no logged change at all is a state nothing explains.
      for id in try String.fetchAll(
        db, sql: "SELECT id FROM report WHERE key NOT IN (SELECT report_key FROM change)")
      {
        result.reports += 1
        result.divergentReports.append(id)
      }
      progress(LogVerification.Progress(changes: result.changes, total: total))
      return result
    }
  }
}
