import Foundation
import LiaisonPostgres
import LiaisonTownship
import Testing

/// The PostgreSQL server the tests use, from `$LIAISON_TEST_POSTGRES_URL`, and each test's own
/// database on it.
///
/// Without the variable the PostgreSQL cases are skipped, with one message saying how to run
/// them; with `$CI` or `$LIAISON_REQUIRE_POSTGRES` set they run all the same and fail, so CI
/// cannot pass by skipping them.
public enum PostgresTestServer {
  public static let variable = "LIAISON_TEST_POSTGRES_URL"

  static var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// The server's URL, when given.
  public static var url: String? { environment[variable].flatMap { $0.isEmpty ? nil : $0 } }

  /// Whether the PostgreSQL cases must run: in CI, or when asked to.
  public static var isRequired: Bool {
    ["CI", "LIAISON_REQUIRE_POSTGRES"].contains { !(environment[$0] ?? "").isEmpty }
  }

  /// Whether the PostgreSQL cases run. Read once: the first read says on standard error that
  /// they are skipped, and how to run them.
  public static let runs: Bool = {
    if url != nil || isRequired { return true }
    FileHandle.standardError.write(
      Data(
        """
        note: the PostgreSQL test cases were skipped: \(variable) is not set. To run them, give \
        a server a test may create databases on, \
        \(variable)=postgres://USER@127.0.0.1:5432/postgres swift test, or run `bash .ci/run`, \
        which starts a throwaway PostgreSQL and runs every suite.

        """.utf8))
    return false
  }()

  /// The server, or why a test that needs it fails.
  public static func server() throws -> PostgresLocation {
    guard let url else {
      throw StoreError.database(
        "\(variable) is not set, and $CI or $LIAISON_REQUIRE_POSTGRES says the PostgreSQL tests must run: set it (bash .ci/run does)"
      )
    }
    return try PostgresLocation(parsing: url)
  }

  /// A new, empty database for the running test, dropped when it ends; the test (or suite)
  /// must have the ``PostgresScratch`` trait.
  public static func freshDatabase() async throws -> PostgresLocation {
    guard let scratch = PostgresScratch.current else {
      throw StoreError.database(
        "a test that makes PostgreSQL databases needs the .postgresScratch trait")
    }
    let server = try server()
    let name =
      "liaison_test_"
      + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    try await PostgresDatabases.create(String(name), on: server)
    scratch.add(database: String(name))
    return server.database(String(name))
  }

  /// Shuts `storage` down when the running test ends, before its database is dropped.
  public static func adopt(_ storage: PostgresTownshipStorage) {
    PostgresScratch.current?.add(storage: storage)
  }
}

/// The trait that gives each test (each case of a parameterised one) the databases it makes
/// with ``PostgresTestServer/freshDatabase()``, and drops them when it ends.
public struct PostgresScratch: SuiteTrait, TestTrait, TestScoping {
  @TaskLocal static var current: Registry?

  final class Registry: @unchecked Sendable {
    private let lock = NSLock()
    private var databases: [String] = []
    private var storages: [PostgresTownshipStorage] = []

    func add(database: String) { lock.withLock { databases.append(database) } }
    func add(storage: PostgresTownshipStorage) { lock.withLock { storages.append(storage) } }

    func finish() async {
      let (databases, storages) = lock.withLock { (self.databases, self.storages) }
      for storage in storages { await storage.shutdown() }
      guard !databases.isEmpty, let server = try? PostgresTestServer.server() else { return }
      for database in databases { try? await PostgresDatabases.drop(database, on: server) }
    }
  }

  public init() {}

  public var isRecursive: Bool { true }

  public func scopeProvider(for test: Test, testCase: Test.Case?) -> PostgresScratch? {
    testCase == nil ? nil : self
  }

  public func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    let registry = Registry()
    do {
      try await Self.$current.withValue(registry) { try await function() }
    } catch {
      await registry.finish()
      throw error
    }
    await registry.finish()
  }
}

extension Trait where Self == PostgresScratch {
  /// Each test's PostgreSQL databases, dropped after it.
  public static var postgresScratch: Self { PostgresScratch() }
}
