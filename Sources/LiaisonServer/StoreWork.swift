import Hummingbird
import LiaisonStore
import NIOPosix

/// Runs the store's blocking calls on threads of their own, off Swift's cooperative pool.
///
/// A push holds SQLite's one writer for a whole batch; run on the cooperative pool (one
/// thread per core, two here), two pushes would stall every other request, pulls included,
/// though the store's reader connections could serve those at once.
enum StoreWork {
  /// Enough threads for a writer and the store's readers at once.
  private static let threads: NIOThreadPool = {
    let pool = NIOThreadPool(numberOfThreads: 8)
    pool.start()
    return pool
  }()

  /// Runs `body` on a store thread; a ``StoreError`` becomes the matching JSON error.
  static func run<T: Sendable>(_ body: @escaping @Sendable () throws(StoreError) -> T)
    async throws(APIError) -> T
  {
    do {
      return try await threads.runIfActive { try body() }
    } catch let error as StoreError {
      throw APIError.from(error)
    } catch {
      throw APIError(
        .serviceUnavailable, code: "unavailable", message: "the server is shutting down")
    }
  }
}
