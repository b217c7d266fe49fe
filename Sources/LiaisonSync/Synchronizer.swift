import AsyncHTTPClient
import Foundation
import LiaisonMerge
import LiaisonStore
import LiaisonTransport

/// How far a sync has got, for a progress line.
public struct SyncProgress: Sendable, Equatable {
  public var sent = 0
  public var received = 0
  public var rejected = 0
  /// Pulled changes this device could not accept: kept for `liaison status --refused`.
  public var unreadable = 0
  public var seconds = 0.0
}

/// One sync of a device with its server: push what the server has not acknowledged, then
/// pull what this device has not seen, page by page.
///
/// The push checkpoint advances only after the server acknowledges a page, and each pulled
/// page is applied together with its cursor, so a sync cut at any point resumes where it
/// stopped and repeats nothing but the page in flight.
public struct Synchronizer: Sendable {
  public let store: ReplicaStore
  public let batchSize: Int

  public init(store: ReplicaStore, batchSize: Int = 500) {
    self.store = store
    self.batchSize = batchSize
  }

  public func run(
    now: @Sendable () -> Int64, progress: @Sendable (SyncProgress) -> Void = { _ in }
  ) async throws -> SyncProgress {
    guard let link = try store.serverLink() else { throw SyncError.notEnrolled }
    // Only the certificate pinned at enrolment is trusted; a link without one is a server
    // started with --insecure-http, reached by http:// alone.
    let trust = link.certificate.map { ServerTrust.pinned(certificate: $0) } ?? .insecureHTTP
    return try await SyncClient.with(baseURL: link.url, token: link.token, trust: trust) {
      client in try await run(client, link, now, progress)
    }
  }

  private func run(
    _ client: SyncClient, _ link: ServerLink, _ now: @Sendable () -> Int64,
    _ progress: @Sendable (SyncProgress) -> Void
  ) async throws -> SyncProgress {
    let started = Date()
    var state = SyncProgress()
    let check = PulledChangeCheck(serverKey: try await pinnedServerKey(client, link))
    // A `skipped_counter` means the server has lost changes it once acknowledged (it was
    // restored from an older backup): this device sends everything again, once, from the
    // start of its log, and the server takes what it lacks and counts the rest as duplicates.
    var repushed = false
    while true {
      let skipped = try await push(
        client, now, started, &state, progress, keepingSkips: repushed)
      guard skipped, !repushed else { break }
      repushed = true
      try store.resetPushCheckpoint()
    }
    // The next page is asked for before this one is applied, so the server reads page n + 1
    // while this device writes page n; pages are still applied in order, each with its cursor.
    // Each page's changes are also made ready for the log in that task (encoded, and the row
    // of any report they create), which leaves the transaction little but SQLite's writes.
    let batchSize = self.batchSize
    @Sendable func fetch(after cursor: Int64) async throws -> (
      [PreparedChange], [UnreadableChange], SyncClient.PullAnswer
    ) {
      let page = try await client.pull(after: cursor, limit: batchSize)
      let (accepted, refused) = check.sort(page)
      return (accepted.map { PreparedChange($0) }, page.unreadable + refused, page)
    }
    // A cursor the server does not know (its log is behind it: restored from an older
    // backup) is given up for the start of the log: applying a change twice changes nothing.
    var next = Task {
      do { return try await fetch(after: link.cursor) } catch SyncError.cursorRefused {
        return try await fetch(after: 0)
      }
    }
    defer { next.cancel() }
    while true {
      let (changes, unreadable, page) = try await next.value
      if page.more {
        next = Task { try await fetch(after: page.cursor) }
      }
      state.received += try store.applyPulled(
        changes, unreadable: unreadable, cursor: page.cursor, at: now())
      state.unreadable += unreadable.count
      state.seconds = Date().timeIntervalSince(started)
      progress(state)
      if !page.more { break }
    }
    try store.markSynced(at: now())
    return state
  }

  /// The server key this device checks pulled changes with: the one pinned at enrolment, or
  /// for a device enrolled before changes were signed, the one the server answers with when
  /// the device sends it its own key, once. Nil for a server from before signed changes
  /// (which has no `POST /v1/key`): its changes are taken unchecked, as before.
  private func pinnedServerKey(_ client: SyncClient, _ link: ServerLink) async throws
    -> PublicSigningKey?
  {
    if let key = link.serverKey { return key }
    do {
      let answer = try await client.bindKey(
        store.signer.publicKey, unsignedThrough: try store.unsignedThrough())
      try store.pinServerKey(answer.serverKey)
      return answer.serverKey
    } catch SyncError.refused(let status, let code, _) where status == 404 && code == "not_found" {
      return nil
    }
  }

  /// Pushes every unsent change; true when the server answered `skipped_counter` for some
  /// (kept as refusals only when `keepingSkips`).
  ///
  /// One batch is in flight at a time, so the server meets this device's counters in order.
  /// While it is, this device records the answer to the batch before and reads the next: the
  /// checkpoint still moves only once the server has acknowledged, and a sync cut before an
  /// answer is recorded sends that batch again, which the server counts as duplicates.
  private func push(
    _ client: SyncClient, _ now: @Sendable () -> Int64, _ started: Date,
    _ state: inout SyncProgress, _ progress: @Sendable (SyncProgress) -> Void,
    keepingSkips: Bool
  ) async throws -> Bool {
    var skipped = false
    var pending = try store.unsentChanges(limit: batchSize)
    var unrecorded: (batch: [(sequence: Int64, body: [UInt8])], answer: SyncClient.PushAnswer)?
    while let last = pending.last {
      let batch = pending
      async let answer = client.push(encoded: batch.map(\.body))
      if let (batch, answer) = unrecorded {
        skipped = try record(answer, for: batch, at: now(), keepingSkips: keepingSkips) || skipped
      }
      pending = try store.unsentChanges(after: last.sequence, limit: batchSize)
      let acknowledged = try await answer
      unrecorded = (batch, acknowledged)
      state.sent += acknowledged.accepted + acknowledged.duplicates
      state.rejected +=
        acknowledged.rejected.filter { keepingSkips || $0.code != .skippedCounter }.count
      state.seconds = Date().timeIntervalSince(started)
      progress(state)
    }
    if let (batch, answer) = unrecorded {
      skipped = try record(answer, for: batch, at: now(), keepingSkips: keepingSkips) || skipped
    }
    return skipped
  }

  /// Moves the push checkpoint past an acknowledged batch and keeps the server's refusals;
  /// `skipped_counter` ones only when `keepingSkips`. True when there were such.
  private func record(
    _ answer: SyncClient.PushAnswer, for batch: [(sequence: Int64, body: [UInt8])],
    at time: Int64, keepingSkips: Bool
  ) throws -> Bool {
    guard let last = batch.last else { return false }
    var skipped = false
    let refused = answer.rejected.compactMap {
      rejection -> (sequence: Int64, code: String, message: String)? in
      guard batch.indices.contains(rejection.index) else { return nil }
      if rejection.code == .skippedCounter {
        skipped = true
        if !keepingSkips { return nil }
      }
      return (batch[rejection.index].sequence, rejection.code.rawValue, rejection.message)
    }
    try store.acknowledgePush(upTo: last.sequence, refused: refused, at: time)
    return skipped
  }
}
