import LiaisonMerge
import LiaisonPostgres
import LiaisonPostgresTesting
import LiaisonStore
import LiaisonTestKit
import LiaisonTestScratch
import LiaisonTownship
import Testing

/// The backends the conformance suite runs on. A new backend adds a case here and passes
/// every test of ``StorageConformanceTests`` unchanged.
enum StorageBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case sqliteOnDisk = "SQLite on disk"
  case sqliteInMemory = "SQLite in memory"
  case postgres = "PostgreSQL"

  var testDescription: String { rawValue }

  /// The backends that run here: all of them, but PostgreSQL only with a server to run on
  /// (`$LIAISON_TEST_POSTGRES_URL`), or when CI requires it (and fails without one).
  static var available: [StorageBackend] {
    PostgresTestServer.runs ? allCases : allCases.filter { $0 != .postgres }
  }

  /// A new, empty township and its first administrator's token.
  func make() async throws -> (any TownshipStorage, String) {
    switch self {
    case .sqliteOnDisk:
      let (store, token) = try TownshipStore.create(
        in: ScratchDirectory.path("township"), administrator: "管理员", now: 0)
      return (SQLiteTownshipStorage(store), token)
    case .sqliteInMemory:
      let store = TownshipStore(
        try ReplicaStore.inMemory(author: "管理员", villages: [], replica: Fixtures.replica(0x5e)))
      let token = try store.addAdministrator("管理员", by: "township init", now: 0)
      return (SQLiteTownshipStorage(store), token)
    case .postgres:
      let (storage, token) = try await PostgresTownshipStorage.create(
        try await PostgresTestServer.freshDatabase(), signingKey: SigningKey(),
        administrator: "管理员", now: 0)
      PostgresTestServer.adopt(storage)
      return (storage, token)
    }
  }
}
