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
  public func verifyLog(progress: @escaping (LogVerification.Progress) -> Void = { _ in })
    throws(StoreError) -> LogVerification
  {
    try replica.read { db in
      let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM change") ?? 0
      var verifier = LogVerifier(
        bindings: try recordedBindings(db), total: total, progress: progress)
      let changes = try Row.fetchCursor(
        db,
        sql: """
          SELECT c.seq, c.body, c.report_key, r.id, r.state FROM change c
          JOIN report r ON r.key = c.report_key ORDER BY c.report_key, c.seq
          """)
      while let row = try changes.next() {
        verifier.check(
          sequence: row[0], body: [UInt8](row[1] as Data), report: row[2], id: row[3],
          stored: [UInt8](row[4] as Data))
      }
      for id in try String.fetchAll(
        db, sql: "SELECT id FROM report WHERE key NOT IN (SELECT report_key FROM change)")
      {
        verifier.unexplained(report: id)
      }
      return verifier.finish()
    }
  }
}
