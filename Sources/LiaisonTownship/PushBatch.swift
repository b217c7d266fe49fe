import Dispatch
import Foundation
import LiaisonCodec
import LiaisonMerge

/// A pushed batch as typed changes, read, decoded and prepared on other threads while the
/// store's write transaction applies the changes before them.
///
/// Parsing the request body, decoding each change and encoding its rows cost about as much
/// as storing them, and the transaction holds SQLite's one writer throughout; run side by
/// side on two cores, a batch takes about the longer of the two instead of their sum. The
/// body is read as a stream on one thread, each change decoded straight from its bytes
/// where it can be (`JSONValue.parse(_:streamingChanges:_:)`); each chunk of changes then
/// has what was only parsed decoded, its signatures checked and its rows prepared on one of
/// ``lanes`` serial queues (an Ed25519 check costs more than everything else a change
/// needs, so one thread would hold the writer back), and chunks go to the writer in order as
/// soon as they are ready. A body that turns out not to be `{"changes": [...]}` of at most
/// `limit` changes is refused whole (``refusal``) once the writer has read to the end, and
/// the writer then throws, so its transaction commits nothing.
///
/// A batch is consumed once, by one caller reading its changes in order: it is a pipeline,
/// not a collection.
public final class PushBatch: @unchecked Sendable {
  /// A change ready for the log, or why it could not be read, with its dot when the `dot`
  /// member alone reads (the counter rule of `protocol/sync.md` counts it).
  public typealias Prepared = Result<PreparedChange, Unreadable>

  /// A pushed change that did not decode or validate.
  public struct Unreadable: Error, Sendable {
    public let error: ValidationError
    public let dot: Dot?
  }

  /// Why a pushed body is refused whole: not JSON, not the shape of a push, or too many
  /// changes.
  public struct Refusal: Error, Sendable, Equatable {
    public let code: RefusalCode
    public let message: String
    public let field: String?
  }

  private static let chunkSize = 32

  /// The queues that decode and check chunks, one per core, shared by every batch: chunk k
  /// of a batch goes to lane k modulo their count. Serial queues run on Dispatch's
  /// overcommitting pool (see ``init(capacity:binding:_:)``), so a lane never waits for a
  /// thread of Swift's cooperative pool.
  private static let lanes: [DispatchQueue] =
    (0..<max(
      1, ProcessInfo.processInfo.activeProcessorCount)).map {
      DispatchQueue(label: "liaison.store.prepare.lane\($0)")
    }

  private let slots: UnsafeMutableBufferPointer<Prepared?>
  /// The producer's progress, published under the condition's lock: how many slots are
  /// written, and once it is done, how many there are and whether the body was refused.
  private let progress = NSCondition()
  private var written = 0
  /// Chunks prepared but not yet counted in `written` (an earlier one is still being
  /// prepared): each chunk's end by its start. Only under the condition's lock.
  private var readyChunks: [Int: Int] = [:]
  private var finished = false
  private var bodyRefusal: Refusal?
  /// What the consuming thread has seen of that progress; only that thread touches these.
  private var seen = 0
  private var seenFinished = false

  /// Prepares `changes`, already parsed, on a thread of its own, checking each signature
  /// against `binding` when given.
  public convenience init(_ changes: [JSONValue], binding: KeyBinding? = nil) {
    self.init(capacity: changes.count, binding: binding) { batch in
      for change in changes { batch.produce(.parsed(change)) }
      return nil
    }
  }

  /// Parses a push's body and prepares its changes, both on a thread of their own, checking
  /// each signature against `binding`, the pushing device's.
  public convenience init(body: [UInt8], limit: Int, binding: KeyBinding?) {
    self.init(capacity: limit, binding: binding) { batch in
      var tooMany = false
      let value: JSONValue
      do throws(ValidationError) {
        value = try JSONValue.parse(body, streamingChanges: "changes") { change in
          if batch.produced == limit { tooMany = true } else { batch.produce(change) }
        }
      } catch {
        return Refusal(
          code: .malformed, message: "the body is not valid JSON: \(error.problem)", field: nil)
      }
      guard case .object(let members) = value, case .array? = members["changes"] else {
        return Refusal(
          code: .malformed, message: "the body must be {\"changes\": [change, ...]}",
          field: "changes")
      }
      if let stray = members.keys.sorted().first(where: { $0 != "changes" }) {
        return Refusal(
          code: .malformed,
          message: "the body must be {\"changes\": [change, ...]} and nothing else", field: stray)
      }
      if tooMany {
        return Refusal(code: .tooLarge, message: "at most \(limit) changes per push", field: nil)
      }
      return nil
    }
  }

  /// Starts `produce` at once on a serial queue of its own.
  ///
  /// A serial queue, not the global concurrent queue: on Linux that one's threads are also
  /// Swift's cooperative pool, as many as there are cores, and a caller blocked on a chunk
  /// there (a test calling a store's push from an async function, say) could hold the very
  /// thread its preparation waits for. A serial queue runs on Dispatch's overcommitting pool,
  /// which starts a thread when none is free.
  private init(
    capacity: Int, binding: KeyBinding?, _ produce: @escaping @Sendable (PushBatch) -> Refusal?
  ) {
    self.binding = binding
    slots = .allocate(capacity: capacity)
    slots.initialize(repeating: nil)
    // The closure holds the batch, so its slots outlive the preparing thread even when the
    // transaction gives up early.
    DispatchQueue(label: "liaison.store.prepare").async { [self] in
      let refusal = produce(self)
      submitChunk()
      chunks.wait()
      progress.lock()
      written = produced
      finished = true
      bodyRefusal = refusal
      progress.broadcast()
      progress.unlock()
    }
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  /// Changes the producing thread has read from the body; only that thread touches these.
  private var produced = 0
  private var pending: [StreamedChange] = []
  /// Every chunk handed to a lane and not yet prepared.
  private let chunks = DispatchGroup()
  private let binding: KeyBinding?

  private func produce(_ change: StreamedChange) {
    pending.append(change)
    produced += 1
    if pending.count == Self.chunkSize { submitChunk() }
  }

  /// Hands the pending changes, slots `produced - pending.count ..< produced`, to a lane.
  private func submitChunk() {
    guard !pending.isEmpty else { return }
    let (changes, start) = (pending, produced - pending.count)
    pending = []
    let lanes = Self.lanes
    chunks.enter()
    lanes[start / Self.chunkSize % lanes.count].async { [self] in
      for (offset, change) in changes.enumerated() { prepare(change, at: start + offset) }
      progress.lock()
      readyChunks[start] = start + changes.count
      // Chunks reach the writer in order: `written` moves over every ready chunk after it.
      var moved = false
      while let end = readyChunks.removeValue(forKey: written) {
        written = end
        moved = true
      }
      if moved { progress.broadcast() }
      progress.unlock()
      chunks.leave()
    }
  }

  private func prepare(_ streamed: StreamedChange, at index: Int) {
    switch streamed {
    case .decoded(let change, let encodings):
      // Already in this version's form: an earlier form does not validate as it stands.
      slots[index] = .success(PreparedChange(change, binding: binding, encodings: encodings))
    case .parsed(let json):
      slots[index] = prepared(json)
    }
  }

  /// A change the direct decoder left to the tree: upgraded from an earlier form, decoded
  /// and prepared, or why it cannot be.
  private func prepared(_ json: JSONValue) -> Prepared {
    do throws(ValidationError) {
      let change = try Change(json: EarlierForms.upgrade(json))
      return .success(PreparedChange(change, binding: binding))
    } catch {
      return .failure(Unreadable(error: error, dot: PushRules.readableDot(of: json)))
    }
  }

  /// The prepared change at `index`, waiting for it when the preparing thread has not reached
  /// it yet; nil past the last. Indexes must be asked for in ascending order from one thread.
  public func prepared(at index: Int) -> Prepared? {
    if index >= seen, !seenFinished {
      progress.lock()
      while written <= index, !finished { progress.wait() }
      seen = written
      seenFinished = finished
      progress.unlock()
    }
    return index < seen ? slots[index]! : nil
  }

  /// Why the body is refused whole, or nil; known once ``prepared(at:)`` has returned nil.
  public var refusal: Refusal? {
    progress.lock()
    defer { progress.unlock() }
    return bodyRefusal
  }
}
