import Foundation
import GRDB
import LiaisonMerge
import LiaisonStore

/// The dot of every change in a store's log, by report, read from its file: what the
/// missed-change check compares (a state can hide a change another one superseded; the log
/// cannot).
enum LoggedDots {
  static func read(storeDirectory directory: String) throws -> [ReportID: Set<Dot>] {
    let queue = try DatabaseQueue(
      path: (directory as NSString).appendingPathComponent(ReplicaStore.fileName),
      configuration: {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
      }())
    defer { try? queue.close() }
    return try queue.read { db in
      var dots: [ReportID: Set<Dot>] = [:]
      let rows = try Row.fetchCursor(db, sql: "SELECT report, replica, counter FROM change")
      while let row = try rows.next() {
        let (report, replica, counter): (String, String, Int64) =
          (row["report"], row["replica"], row["counter"])
        guard let id = ReportID(report), let author = ReplicaID(replica), counter >= 1 else {
          throw SimulationFailure("\(directory) logs an unreadable dot \(replica) \(counter)")
        }
        dots[id, default: []].insert(Dot(replica: author, counter: UInt64(counter)))
      }
      return dots
    }
  }
}
