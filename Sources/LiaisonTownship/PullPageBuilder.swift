import LiaisonCodec
import LiaisonMerge

/// One logged change as a pull copies it: its position in the log, its canonical bytes and
/// the replica that wrote it.
public struct LoggedChange: Sendable, Equatable {
  public let sequence: Int64
  public let body: [UInt8]
  public let replica: String

  public init(sequence: Int64, body: [UInt8], replica: String) {
    self.sequence = sequence
    self.body = body
    self.replica = replica
  }

  /// The change decoded. One that no longer decodes is the store's fault, not the request's:
  /// a database error, never a 400.
  public func decoded() throws(StoreError) -> Change {
    do {
      return try Change(json: JSONValue(parsing: body))
    } catch {
      throw .database("a logged change does not decode (\(error))")
    }
  }
}

/// The reads of a backend's change log that a pull page makes beyond its main scan: the
/// earlier changes of a report that moved. Synchronous, so a backend whose reads are
/// asynchronous reads them ahead (moves are rare) and answers from memory.
public protocol PullLog {
  /// The changes logged for the report under `report` (the backend's key for it) with a
  /// sequence above `after` and below `before`, in log order.
  func changes(of report: Int64, after: Int64, before: Int64) throws -> [LoggedChange]
}

/// Assembles one pull page for a device (`protocol/sync.md`, `GET /v1/pull`): the changes to
/// reports in its villages, and with a move, the report's earlier changes the device may lack.
///
/// A pull filters by the village a report has when the pull reads it. A report that moved into
/// the device's villages therefore arrives without what was written while it was elsewhere,
/// and one that moved out of them would never tell the device so; both come with the move.
/// The rules are the same for every backend; only the reads (``PullLog``) are theirs.
public struct PullPageBuilder<Log: PullLog> {
  public let device: Device
  public let villages: Set<String>
  let log: Log
  public private(set) var bodies: [[UInt8]] = []
  public private(set) var bytes = 0
  /// The replicas whose changes this page holds: the page carries their key bindings.
  public private(set) var authors = Set<String>()
  /// Per report, the sequence below which its history is in this page already, so a report
  /// that moves twice in one page is not sent twice.
  private var historySent: [Int64: Int64] = [:]
  /// The log sequences of the changes this page holds: a report's change sent because the
  /// report is in the device's villages now is not sent again with a later move's history.
  private var inPage = Set<Int64>()

  public init(device: Device, log: Log) {
    self.device = device
    self.villages = Set(device.villages)
    self.log = log
  }

  /// Adds one logged change (not the device's own) if the device should have it.
  /// Most rows of a township with many villages are not the device's, so a body is copied
  /// only once it is sent.
  public mutating func consider(
    sequence: Int64, body: @autoclosure () -> [UInt8], replica: String, village: String,
    report: Int64, moves: Bool
  ) throws {
    let inScope = villages.contains(village)
    guard moves else {
      if inScope { append(body(), sequence: sequence, replica: replica) }
      return
    }
    // A move out of the device's villages goes only to devices of the village the report
    // left: not to one whose village it passed through long ago, nor one that never held it.
    if !inScope, try !wasInVillages(report, justBefore: sequence) { return }
    try sendHistory(of: report, before: sequence)
    append(body(), sequence: sequence, replica: replica)
  }

  /// Adds the report's changes before `sequence` that the device did not write and that this
  /// page does not hold yet; the device ignores those it has.
  public mutating func sendHistory(of report: Int64, before sequence: Int64) throws {
    let sent = historySent[report] ?? 0
    guard sent < sequence else { return }
    let own = device.replica.description
    for change in try log.changes(of: report, after: sent, before: sequence)
    where change.replica != own && !inPage.contains(change.sequence) {
      append(change.body, sequence: change.sequence, replica: change.replica)
    }
    historySent[report] = sequence
  }

  /// Considers `rows`, the log after `cursor` in order and read one past `limit`, until the
  /// page holds `maximumBytes` (histories sent with moves can be long: a page ends early
  /// rather than outgrow what a device accepts in one answer, but always takes one row).
  /// Returns the cursor the page hands back and whether more remain.
  ///
  /// The cursor is past the last change considered, and on the last page past the end of the
  /// log, including the device's own changes the scan left out, so the next pull starts from
  /// new changes instead of scanning the device's own again.
  public mutating func take<Rows: Collection>(
    _ rows: Rows, limit: Int, maximumBytes: Int, after cursor: Int64, end: Int64,
    sequence: (Rows.Element) -> Int64, consider: (inout Self, Rows.Element) throws -> Void
  ) throws -> (next: Int64, more: Bool) {
    var last: Int64?
    var endedEarly = false
    for row in rows.prefix(limit) {
      if bytes >= maximumBytes, last != nil {
        endedEarly = true
        break
      }
      try consider(&self, row)
      last = sequence(row)
    }
    let more = endedEarly || rows.count > limit
    return (max(cursor, last ?? cursor, more ? cursor : end), more)
  }

  /// Whether the report's village, just before the change at `sequence`, was one of the
  /// device's: the merge of every change logged before it, as the server held it then.
  private func wasInVillages(_ report: Int64, justBefore sequence: Int64) throws -> Bool {
    let changes = try log.changes(of: report, after: 0, before: sequence).map {
      (logged) throws(StoreError) in try logged.decoded()
    }
    return VillageHistory.wasIn(villages, after: changes)
  }

  private mutating func append(_ body: [UInt8], sequence: Int64, replica: String) {
    guard inPage.insert(sequence).inserted else { return }
    authors.insert(replica)
    bodies.append(body)
    bytes += body.count
  }
}
