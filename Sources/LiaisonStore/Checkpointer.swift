import Dispatch
import GRDB
import Synchronization

/// Copies the write-ahead log back into the database file on a thread of its own, so the
/// connection that writes does not.
///
/// With SQLite's automatic checkpoints the committing thread copies every page a second time,
/// into the database file, and syncs it, every 1,000 pages (a push of 1,000 new reports
/// writes about 700): perf showed the writer spending as long in those writes as in the
/// inserts. A passive checkpoint never takes the write lock, so here it runs beside the next
/// write, on the other core. The writer still checkpoints itself once the log passes
/// ``ReplicaStore/walPagesBeforeWriterCheckpoints`` pages, which bounds the log if this thread
/// falls behind. Durability is unchanged: a commit is on disk, in the log, before it returns.
final class Checkpointer: Sendable {
  private let connection: DatabaseQueue
  private let queue = DispatchQueue(label: "liaison.store.checkpoint")
  private let scheduled = Atomic(false)

  init(path: String) throws {
    var configuration = Configuration()
    configuration.busyMode = .timeout(5)
    connection = try DatabaseQueue(path: path, configuration: configuration)
  }

  /// Asks for a checkpoint after a commit; requests made while one waits to run share it.
  func commitDidEnd() {
    guard !scheduled.exchange(true, ordering: .acquiringAndReleasing) else { return }
    queue.async { [self] in
      scheduled.store(false, ordering: .releasing)
      // A failed checkpoint loses nothing: the pages stay in the log, and the next one (or
      // the writer's own, past its limit) copies them.
      _ = try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
    }
  }
}
