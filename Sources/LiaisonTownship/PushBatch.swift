import Dispatch
import LiaisonCodec
import LiaisonMerge

/// A pushed batch as typed changes, decoded and prepared on a second thread while the
/// store's write transaction applies the changes before them.
///
/// Decoding a change and encoding its rows costs about as much as storing them, and the
/// transaction holds SQLite's one writer throughout; run side by side on two cores, a batch
/// takes about the longer of the two instead of their sum. Changes are handed over in
/// chunks, in order, each behind a semaphore the preparing thread signals once the chunk is
/// written, which also publishes those writes to the waiting thread.
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

  private static let chunkSize = 32

  /// How many changes the batch holds.
  public let count: Int
  private let slots: UnsafeMutableBufferPointer<Prepared?>
  private let chunksReady: [DispatchSemaphore]
  /// Chunks the consuming thread has waited for; only that thread touches it.
  private var chunksReceived = 0

  /// Starts preparing `changes` at once, on a thread of its own.
  ///
  /// A serial queue of its own, not the global concurrent queue: on Linux that one's threads
  /// are also Swift's cooperative pool, as many as there are cores, and a caller blocked on
  /// a chunk there (a test calling a store's push from an async function,
  /// say) could hold the very thread its preparation waits for. A serial queue runs on
  /// Dispatch's overcommitting pool, which starts a thread when none is free.
  public init(_ changes: [JSONValue]) {
    count = changes.count
    slots = .allocate(capacity: changes.count)
    slots.initialize(repeating: nil)
    chunksReady = (0..<(changes.count + Self.chunkSize - 1) / Self.chunkSize).map { _ in
      DispatchSemaphore(value: 0)
    }
    // The closure holds the pipeline, so its slots outlive the preparing thread even when
    // the transaction gives up early.
    DispatchQueue(label: "liaison.store.prepare").async { [self] in
      for (chunk, ready) in chunksReady.enumerated() {
        let start = chunk * Self.chunkSize
        for index in start..<min(start + Self.chunkSize, count) {
          do throws(ValidationError) {
            let change = EarlierForms.upgrade(changes[index])
            slots[index] = .success(PreparedChange(try Change(json: change)))
          } catch {
            slots[index] = .failure(
              Unreadable(error: error, dot: PushRules.readableDot(of: changes[index])))
          }
        }
        ready.signal()
      }
    }
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  /// The prepared change at `index`, waiting for its chunk when the preparing thread has not
  /// reached it yet. Indexes must be asked for in ascending order from one thread.
  public func prepared(at index: Int) -> Prepared {
    while chunksReceived <= index / Self.chunkSize {
      chunksReady[chunksReceived].wait()
      chunksReceived += 1
    }
    return slots[index]!
  }
}
