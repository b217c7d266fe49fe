import Foundation
import GRDB
import LiaisonMerge

extension ReplicaStore {
  /// Logs a change this version would never write, as a device running another version of
  /// `liaison` (or a buggy one) might have: under this replica's next counter, unsent,
  /// neither checked nor applied here. For the fault simulator and tests only: they check
  /// that the server refuses such a change alone and that the device's later writes still
  /// land.
  ///
  /// `body` is given the dot and returns the change's JSON as the log will hold it.
  @_spi(FaultInjection)
  public func logUncheckedChange(
    report: ReportID, author: String, time: Int64, body: (Dot) -> [UInt8]
  ) throws(StoreError) -> Dot {
    try write { db in
      let info = try ReplicaInfo.fetch(db)
      let dot = Dot(replica: info.id, counter: info.counter + 1)
      try db.execute(sql: "UPDATE replica SET counter = ?", arguments: [Int64(dot.counter)])
      try db.execute(
        sql: """
          INSERT INTO change (report, replica, counter, author, time, body, report_key)
          VALUES (?, ?, ?, ?, ?, ?, (SELECT key FROM report WHERE id = ?))
          """,
        arguments: [
          report.description, dot.replica.description, Int64(dot.counter), author, time,
          Data(body(dot)), report.description,
        ])
      return dot
    }
  }
}

extension ReplicaStore {
  /// Makes every enrolled device one from before signed changes, with no key bound: as the
  /// v12 upgrade leaves them. For tests of that upgrade path only.
  public func forgetKeys() throws(StoreError) {
    try write { db in
      try db.execute(sql: "UPDATE device SET public_key = NULL, unsigned_through = NULL")
    }
  }
}
