import LiaisonCodec
import LiaisonMerge
@_spi(FaultInjection) import LiaisonStore
import LiaisonSync
import LiaisonTestKit

/// One field device in a simulation: a real on-disk ``ReplicaStore`` that writes at random
/// and syncs with the real server through the fault proxy.
///
/// Each write is made twice: once by the store, as the device would, and once on a copy of
/// the state the store held, by the merge core alone. The two must agree, and the change the
/// copy made goes in the ``WriteLedger``: the write as the device committed it.
struct SimulatedDevice {
  let name: String
  let store: ReplicaStore
  /// The villages the device is enrolled for: all of them, or only the first for a device
  /// that sees reports move in and out of its scope.
  let villages: [String]
  var online = true
  /// A device running another version of `liaison`: now and then it logs a change the
  /// server must refuse (a title over the limit, a member this version does not know).
  var otherVersion = false

  /// Creates a report and records the write.
  func create(
    _ values: [Field: FieldValue], id: ReportID, time: Int64, ledger: inout WriteLedger
  ) throws {
    var values = values
    for field in [Field.urgency, .status] where values[field] == nil {
      values[field] = field.defaultValue
    }
    let expected = try predict(ReportEdit(values: values), on: ReportState(id: id), time: time)
    let state = try store.create(values, id: id, time: time)
    try confirm(state, expected, ledger: &ledger, creating: true)
  }

  /// Edits, notes, deletes or restores a report this device holds; false when the store
  /// refuses the edit for a reason a user would see (a deleted report takes only a restore).
  func edit(_ edit: ReportEdit, _ id: ReportID, time: Int64, ledger: inout WriteLedger) throws
    -> Bool
  {
    guard let current = try store.report(id) else { return false }
    if case .text(let village)? = edit.values[.village], !villages.contains(village) {
      return false
    }
    if current.isDeleted, edit.deleting != false { return false }
    let expected = try predict(edit, on: current, time: time)
    let state = try store.edit(id, edit, time: time)
    try confirm(state, expected, ledger: &ledger, creating: false)
    return true
  }

  /// Logs a change to `report` that the server must refuse alone, as a client of another
  /// version would write; it is not in the ledger, since it must reach no replica.
  func writeRefusedChange(to report: ReportID, time: Int64, kind: Int) throws {
    let author = name
    _ = try store.logUncheckedChange(report: report, author: author, time: time) { dot in
      var members: [String: JSONValue] = [
        "author": .string(author), "dot": dot.json, "report": .string(report.description),
        "time": .integer(time),
        "fields": .object([
          "title": .object([
            "seen": .object([:]), "value": .string(String(repeating: "长", count: 201)),
          ])
        ]),
      ]
      if kind % 2 == 1 {
        // A member a newer client might send: refused whole as unknown, not half applied.
        members["fields"] = .object([
          "priority": .object(["seen": .object([:]), "value": .string("high")])
        ])
      }
      return CanonicalJSON.encode(.object(members))
    }
  }

  /// Syncs with the server; the answer is the sync's progress, or the error it ended with.
  func sync(batchSize: Int, time: Int64) async -> Result<SyncProgress, any Error> {
    do {
      return .success(
        try await Synchronizer(store: store, batchSize: batchSize).run(now: { time }))
    } catch {
      return .failure(error)
    }
  }

  private func predict(_ edit: ReportEdit, on state: ReportState, time: Int64) throws -> (
    ReportState, Change
  ) {
    let info = try store.info()
    var state = state
    let change = try state.write(
      edit, dot: Dot(replica: info.id, counter: info.counter + 1),
      attribution: Attribution(author: info.author, time: time))
    return (state, change)
  }

  private func confirm(
    _ state: ReportState, _ expected: (ReportState, Change), ledger: inout WriteLedger,
    creating: Bool
  ) throws {
    guard state == expected.0 else {
      throw SimulationFailure(
        "\(name): the store's write of \(expected.1.dot) differs from the merge core's")
    }
    ledger.record(expected.1, creating: creating)
  }
}
