import Foundation
import GRDB
import LiaisonMerge

/// Assembles one pull page for a device (`protocol/sync.md`, `GET /v1/pull`): the changes to
/// reports in its villages, and with a move, the report's earlier changes the device may lack.
///
/// A pull filters by the village a report has when the pull reads it. A report that moved into
/// the device's villages therefore arrives without what was written while it was elsewhere,
/// and one that moved out of them would never tell the device so; both come with the move.
struct PullPageBuilder {
  let device: Device
  let villages: Set<String>
  let db: Database
  private(set) var bodies: [[UInt8]] = []
  private(set) var bytes = 0
  /// The replicas whose changes this page holds: the page carries their key bindings.
  private(set) var authors = Set<String>()
  /// Per report, the sequence below which its history is in this page already, so a report
  /// that moves twice in one page is not sent twice.
  private var historySent: [Int64: Int64] = [:]
  /// The log sequences of the changes this page holds: a report's change sent because the
  /// report is in the device's villages now is not sent again with a later move's history.
  private var inPage = Set<Int64>()

  init(device: Device, db: Database) {
    self.device = device
    self.villages = Set(device.villages)
    self.db = db
  }

  /// Adds one logged change (not the device's own) if the device should have it.
  /// Most rows of a township with many villages are not the device's, so a body is copied
  /// only once it is sent.
  mutating func consider(
    sequence: Int64, body: Data, replica: String, village: String, report: Int64, moves: Bool
  ) throws {
    let inScope = villages.contains(village)
    guard moves else {
      if inScope { append([UInt8](body), sequence: sequence, replica: replica) }
      return
    }
    // A move out of the device's villages goes only to devices of the village the report
    // left: not to one whose village it passed through long ago, nor one that never held it.
    if !inScope, try !wasInVillages(report, justBefore: sequence) { return }
    try sendHistory(of: report, before: sequence)
    append([UInt8](body), sequence: sequence, replica: replica)
  }

  /// Adds the report's changes before `sequence` that the device did not write and that this
  /// page does not hold yet; the device ignores those it has.
  mutating func sendHistory(of report: Int64, before sequence: Int64) throws {
    let sent = historySent[report] ?? 0
    guard sent < sequence else { return }
    let history = try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT seq, body, replica FROM change
          WHERE report_key = ? AND seq > ? AND seq < ? AND replica != ?
          ORDER BY seq
          """),
      arguments: [report, sent, sequence, device.replica.description])
    for row in history where !inPage.contains(row[0]) {
      append([UInt8](row[1] as Data), sequence: row[0], replica: row[2])
    }
    historySent[report] = sequence
  }

  /// Whether the report's village, just before the change at `sequence`, was one of the
  /// device's: the merge of every change logged before it, as the server held it then.
  private func wasInVillages(_ report: Int64, justBefore sequence: Int64) throws -> Bool {
    VillageHistory.wasIn(
      villages, after: try StoreRows.changes(db, report: report, before: sequence))
  }

  private mutating func append(_ body: [UInt8], sequence: Int64, replica: String) {
    guard inPage.insert(sequence).inserted else { return }
    authors.insert(replica)
    bodies.append(body)
    bytes += body.count
  }
}
