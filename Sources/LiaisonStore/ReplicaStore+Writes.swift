import GRDB
import LiaisonCodec
import LiaisonMerge

extension ReplicaStore {
  /// Records a new report: checks its fields, writes it under the next dot and logs the
  /// change, all in one transaction. Urgency and status take their defaults when not given.
  @discardableResult
  public func create(
    _ values: [Field: FieldValue], note: String? = nil, id: ReportID, time: Int64
  ) throws(StoreError) -> ReportState {
    try write { db in
      try StoreTransaction(db, signer: signer).create(values, note: note, id: id, time: time)
    }
  }

  /// Edits a report: only the fields in `edit` change. A deleted report takes only a restore.
  @discardableResult
  public func edit(_ id: ReportID, _ edit: ReportEdit, time: Int64) throws(StoreError)
    -> ReportState
  {
    try write { db in try StoreTransaction(db, signer: signer).edit(id, edit, time: time) }
  }

  /// Applies changes from another replica; a change already in the log is skipped, so a
  /// replayed batch changes nothing. Returns how many were new.
  @discardableResult
  public func receive(_ changes: [Change], time: Int64) throws(StoreError) -> Int {
    try write { db in
      let transaction = StoreTransaction(db)
      return try changes.reduce(0) { count, change in
        try transaction.receive(change) ? count + 1 : count
      }
    }
  }

  /// Runs several writes in one transaction: all of them are stored, or none.
  public func transaction<T>(_ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
    try write { db in try body(StoreTransaction(db, signer: signer)) }
  }
}

/// The writes of one transaction. Only ``ReplicaStore/transaction(_:)`` makes one.
///
/// It reads the replica's identity once and keeps its counter in step, so a batch of writes
/// costs one read of it, not one per write.
public final class StoreTransaction {
  let db: Database
  /// Signs this replica's own writes; nil in a transaction that only receives changes.
  private let signer: SigningKey?
  private var replica: ReplicaInfo?

  init(_ db: Database, signer: SigningKey? = nil) {
    self.db = db
    self.signer = signer
  }

  /// See ``ReplicaStore/create(_:note:id:time:)``.
  @discardableResult
  public func create(
    _ values: [Field: FieldValue], note: String? = nil, id: ReportID, time: Int64
  ) throws -> ReportState {
    for field in Field.required where values[field] == nil {
      throw StoreError.invalid(
        ValidationError(field: field.rawValue, value: "", problem: .required))
    }
    var values = values
    for field in [Field.urgency, .status] where values[field] == nil {
      values[field] = field.defaultValue
    }
    if try StoreRows.exists(db, id) {
      throw StoreError.database("report \(id) already exists")
    }
    return try write(
      ReportEdit(values: values, note: note), to: ReportState(id: id), key: nil, time: time)
  }

  /// See ``ReplicaStore/edit(_:_:time:)``.
  @discardableResult
  public func edit(_ id: ReportID, _ edit: ReportEdit, time: Int64) throws -> ReportState {
    guard let stored = try StoreRows.stored(db, id) else {
      throw StoreError.unknownReport(id.description)
    }
    let state = try StoreRows.state(stored.state)
    if state.isDeleted, edit.deleting != false { throw StoreError.reportDeleted(id) }
    return try write(edit, to: state, key: stored.key, time: time)
  }

  /// See ``ReplicaStore/receive(_:time:)``; true when the change was new.
  ///
  /// `stored` is the report's stored state when the caller has read it already.
  func receive(_ change: Change, stored: StoredReport?? = nil) throws -> Bool {
    try receive(PreparedChange(change, speculating: false), stored: stored)
  }

  /// ``receive(_:stored:)`` for a change prepared ahead of the transaction.
  ///
  /// `unlogged` is the caller's promise that the log cannot hold the change's dot (its
  /// counter is above the highest the log holds from its replica), which spares a new report
  /// one read.
  func receive(_ prepared: PreparedChange, stored: StoredReport?? = nil, unlogged: Bool = false)
    throws -> Bool
  {
    let change = prepared.change
    let time = change.attribution.time
    if let current = try stored ?? StoreRows.stored(db, change.report) {
      // The log's unique (replica, counter) decides whether the change is new, in the same
      // statement that records it.
      guard try StoreRows.log(db, change, body: prepared.body, report: current.key) else {
        return false
      }
      var state = try StoreRows.state(current.state)
      state.apply(change)
      try StoreRows.update(db, key: current.key, to: ReportRow(state), changeTime: time)
      return true
    }
    // A new report's row comes first, for its key; a dot already logged (under another
    // report: a reused counter) must leave no row behind.
    if !unlogged, try StoreRows.isLogged(db, change.dot) { return false }
    let row =
      prepared.created
      ?? {
        var state = ReportState(id: change.report)
        state.apply(change)
        return ReportRow(state)
      }()
    let key = try StoreRows.insert(db, row, changeTime: time)
    guard try StoreRows.log(db, change, body: prepared.body, report: key) else {
      // Only a broken promise of `unlogged` gets here; the transaction must not keep a row
      // that no logged change explains.
      throw StoreError.database("change \(change.dot) is already in the log")
    }
    return true
  }

  /// Writes `edit` to the report stored under `key`, or to a new one when `key` is nil.
  private func write(_ edit: ReportEdit, to state: ReportState, key: Int64?, time: Int64) throws
    -> ReportState
  {
    let replica = try self.replica ?? ReplicaInfo.fetch(db)
    if case .text(let village)? = edit.values[.village], !replica.villages.contains(village) {
      throw StoreError.villageNotEnrolled(village, enrolled: replica.villages)
    }
    var state = state
    let dot = Dot(replica: replica.id, counter: replica.counter + 1)
    guard let signer else { throw StoreError.database("a receiving transaction cannot write") }
    let change = signer.sign(
      try state.write(edit, dot: dot, attribution: Attribution(author: replica.author, time: time)))
    try db.cachedStatement(sql: "UPDATE replica SET counter = ?").execute(arguments: [
      Int64(dot.counter)
    ])
    self.replica = replica.advanced(to: dot.counter)
    let key = try StoreRows.store(db, ReportRow(state), key: key, changeTime: time)
    try StoreRows.logNew(db, change, report: key)
    return state
  }
}
