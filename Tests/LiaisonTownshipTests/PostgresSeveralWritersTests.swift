import LiaisonCodec
import LiaisonMerge
import LiaisonPostgres
import LiaisonPostgresTesting
import LiaisonTestKit
import LiaisonTownship
import PostgresNIO
import Testing

/// What only a backend shared by several processes can get wrong: two storages (two pools,
/// as two `township serve` processes have) on one database, and the schema's guard against
/// databases it must not touch.
@Suite(.postgresScratch, .enabled(if: PostgresTestServer.runs))
struct PostgresSeveralWritersTests {
  /// A township in a fresh database, opened by two storages as two processes would.
  func twoProcesses() async throws -> (PostgresTownshipStorage, PostgresTownshipStorage) {
    let (_, first, second) = try await twoProcessesAndTheirDatabase()
    return (first, second)
  }

  func twoProcessesAndTheirDatabase() async throws -> (
    PostgresLocation, PostgresTownshipStorage, PostgresTownshipStorage
  ) {
    let location = try await PostgresTestServer.freshDatabase()
    let key = SigningKey()
    let (first, _) = try await PostgresTownshipStorage.create(
      location, signingKey: key, administrator: "管理员", now: 0, poolSize: 8)
    PostgresTestServer.adopt(first)
    let second = try await PostgresTownshipStorage.open(location, signingKey: key, poolSize: 8)
    PostgresTestServer.adopt(second)
    return (location, first, second)
  }

  func creations(_ replica: ReplicaID, reports: ClosedRange<Int>) throws -> [JSONValue] {
    try reports.enumerated().map { offset, report in
      var state = ReportState(id: Fixtures.report(report))
      return try state.write(
        ReportEdit(values: [
          .village: .text("东村"), .category: .category(.visit), .title: .text("走访 \(report)"),
        ]),
        dot: Dot(replica: replica, counter: UInt64(offset) + 1),
        attribution: Fixtures.author("李伟")
      ).json
    }
  }

  /// Guarantee: the pull cursor follows commit order, across processes. Many pushes race
  /// on both storages' connections while a device pulls through both in small pages; it
  /// receives every change exactly once. Sequence numbers taken before commit without the
  /// append lock let a later number commit first, and the reader's cursor pass the earlier.
  /// Without the lock one race of this size missed a change in two runs of three, so it is
  /// run three times, side by side.
  @Test(arguments: 1...3) func pullsThroughEitherProcessNeverSkipAChange(race: Int) async throws {
    let (first, second) = try await twoProcesses()
    let processes = [first, second]
    var writers: [(Device, [JSONValue], PostgresTownshipStorage)] = []
    for index in 1...8 {
      let replica = Fixtures.replica(UInt64(index))
      let code = try await first.issueEnrollment(
        name: "甲\(index)", villages: ["东村"], lifetime: 3_600_000, by: "管理员", now: 0
      ).code
      let device = try await second.enroll(
        code: code, replica: replica, key: SigningKey().publicKey, now: 1
      ).device
      writers.append(
        (
          device, try creations(replica, reports: (index * 1000)...(index * 1000 + 59)),
          processes[index % 2]
        ))
    }
    let code = try await first.issueEnrollment(
      name: "读者", villages: ["东村"], lifetime: 3_600_000, by: "管理员", now: 0
    ).code
    let reader = try await first.enroll(
      code: code, replica: Fixtures.replica(0xee), key: SigningKey().publicKey, now: 1
    ).device
    let batches = writers
    let pushing = Task {
      try await withThrowingTaskGroup(of: Void.self) { group in
        for (device, changes, storage) in batches {
          group.addTask {
            for start in stride(from: 0, to: changes.count, by: 4) {
              let page = Array(changes[start..<min(start + 4, changes.count)])
              let outcome = try await storage.push(PushBatch(page), from: device, now: 2)
              #expect(outcome.accepted == page.count)
            }
          }
        }
        try await group.waitForAll()
      }
    }
    // Pull in small pages, through either process in turn, while the pushes commit.
    var cursor: Int64 = 0
    var bodies: [[UInt8]] = []
    for turn in 0..<300 {
      let page = try await processes[turn % 2].pull(after: cursor, limit: 5, for: reader)
      bodies += page.bodies
      cursor = page.cursor
      await Task.yield()
    }
    try await pushing.value
    while true {
      let page = try await second.pull(after: cursor, limit: 1_000, for: reader)
      bodies += page.bodies
      cursor = page.cursor
      if !page.more { break }
    }
    let expected = Set(writers.flatMap { $0.1 }.map(CanonicalJSON.encode))
    #expect(bodies.count == expected.count, "a change arrived twice or not at all")
    #expect(Set(bodies) == expected)
  }

  /// Two processes merging into one report at once never lose an update.
  @Test func mergesThroughTwoProcessesLoseNoUpdate() async throws {
    let (first, second) = try await twoProcesses()
    let creator = try await enrol(first, Fixtures.replica(0xd0), name: "创建者")
    let creation = try creations(Fixtures.replica(0xd0), reports: 1...1)
    #expect(try await first.push(PushBatch(creation), from: creator, now: 2).accepted == 1)
    let created = try Change(json: creation[0])
    var writers: [(Device, JSONValue)] = []
    for index in 1...12 {
      let device = try await enrol(second, Fixtures.replica(UInt64(index)), name: "甲\(index)")
      var state = ReportState(id: Fixtures.report(1))
      state.apply(created)
      let note = try state.write(
        .note("第 \(index) 条"), dot: Dot(replica: Fixtures.replica(UInt64(index)), counter: 1),
        attribution: Fixtures.author("甲\(index)"))
      writers.append((device, note.json))
    }
    let processes = [first, second]
    let accepted = try await withThrowingTaskGroup(of: Int.self) { group in
      for (index, (device, note)) in writers.enumerated() {
        group.addTask {
          try await processes[index % 2].push(PushBatch([note]), from: device, now: 3).accepted
        }
      }
      return try await group.reduce(0, +)
    }
    #expect(accepted == 12)
    let state = try #require(try await second.report(Fixtures.report(1)))
    #expect(state.notes.notes.count == 12)
    #expect(try await first.history(of: Fixtures.report(1)).count == 13)
  }

  func enrol(_ storage: PostgresTownshipStorage, _ replica: ReplicaID, name: String)
    async throws -> Device
  {
    let code = try await storage.issueEnrollment(
      name: name, villages: ["东村"], lifetime: 3_600_000, by: "管理员", now: 0
    ).code
    return try await storage.enroll(
      code: code, replica: replica, key: SigningKey().publicKey, now: 1
    ).device
  }

  /// Failed attempts from one address are counted once across processes: 6 through one
  /// and 5 through the other are the 11 that refuse it, counted at once from both; a new
  /// window starts over.
  @Test func failedAttemptsAreCountedAcrossProcesses() async throws {
    let (first, second) = try await twoProcesses()
    let window: Int64 = 60_000
    func fail(_ storage: PostgresTownshipStorage, at now: Int64) async throws -> AttemptCount {
      try await storage.recordFailedAttempt(
        from: "192.0.2.7", now: now, window: window, maximumFailures: 10)
    }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<10 {
        group.addTask { _ = try await fail(index < 6 ? first : second, at: 1_000) }
      }
      try await group.waitForAll()
    }
    #expect(try await fail(first, at: 2_000) == AttemptCount(failures: 11, refusedUntil: 62_000))
    #expect(
      try await second.recordFailedAttempt(
        from: "198.51.100.1", now: 2_000, window: window, maximumFailures: 10)
        == AttemptCount(failures: 1, refusedUntil: 0))
    // The window began at the first failure, at 1,000: a failure at 61,000 starts another.
    #expect(try await fail(second, at: 61_000) == AttemptCount(failures: 1, refusedUntil: 62_000))
  }

  /// Addresses that start a new window at once, through two processes, each prune stale
  /// rows while the others count: no prune waits on another's new row (they deadlocked, and
  /// the failure went uncounted) or deletes a row counted meanwhile.
  @Test func pruningStaleAddressesLosesNoCountedFailure() async throws {
    let (location, first, second) = try await twoProcessesAndTheirDatabase()
    // 60 addresses that failed long ago: each one's next failure starts a new window.
    try await sql(
      location,
      """
      INSERT INTO attempt_failure (address, window_start, failures, refused_until)
      SELECT '10.0.0.' || g, 0, 3, 0 FROM generate_series(1, 60) g
      """)
    let counts = try await withThrowingTaskGroup(of: AttemptCount.self) { group in
      for index in 1...60 {
        group.addTask {
          try await (index.isMultiple(of: 2) ? first : second).recordFailedAttempt(
            from: "10.0.0.\(index)", now: 1_000_000, window: 60_000, maximumFailures: 10)
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(counts.allSatisfy { $0 == AttemptCount(failures: 1, refusedUntil: 0) })
    #expect(
      try await count(
        location, "SELECT count(*) FROM attempt_failure WHERE window_start = 1000000") == 60)
  }

  /// A database a newer version wrote (a migration this one does not know) is refused, and
  /// left as it was.
  @Test func aDatabaseOfANewerVersionIsRefusedUnchanged() async throws {
    let location = try await PostgresTestServer.freshDatabase()
    let key = SigningKey()
    let (storage, _) = try await PostgresTownshipStorage.create(
      location, signingKey: key, administrator: "管理员", now: 0)
    await storage.shutdown()
    try await sql(
      location,
      "INSERT INTO schema_migrations (position, identifier) VALUES (99, 'v99: from the future')")
    await #expect(throws: StoreError.newerVersion(path: location.description)) {
      try await PostgresTownshipStorage.open(location, signingKey: key)
    }
    // This version's three migrations and the newer one: nothing applied, nothing removed.
    #expect(try await count(location, "SELECT count(*) FROM schema_migrations") == 4)
  }

  /// Another application's database is refused, and nothing is created in it.
  @Test func anotherApplicationsDatabaseIsRefused() async throws {
    let location = try await PostgresTestServer.freshDatabase()
    try await sql(location, "CREATE TABLE invoices (id integer PRIMARY KEY)")
    await #expect {
      try await PostgresTownshipStorage.create(
        location, signingKey: SigningKey(), administrator: "管理员", now: 0)
    } throws: { error in
      guard case StoreError.notAStore = error else { return false }
      return true
    }
    #expect(
      try await count(location, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 1)
  }

  /// Every connection commits durably: `synchronous_commit` is on whatever the role says.
  @Test func commitsAreSynchronous() async throws {
    let location = try await PostgresTestServer.freshDatabase()
    try await sql(location, "ALTER DATABASE \(location.database) SET synchronous_commit = off")
    let (storage, token) = try await PostgresTownshipStorage.create(
      location, signingKey: SigningKey(), administrator: "管理员", now: 0)
    PostgresTestServer.adopt(storage)
    #expect(try await storage.authenticate(token) == .administrator(name: "管理员"))
    #expect(try await storage.synchronousCommit() == "on")
  }

  func sql(_ location: PostgresLocation, _ statement: String) async throws {
    try await withClient(location) { client in
      _ = try await client.query(PostgresQuery(unsafeSQL: statement))
    }
  }

  func count(_ location: PostgresLocation, _ statement: String) async throws -> Int64 {
    try await withClient(location) { client in
      var total: Int64 = 0
      for try await value in try await client.query(PostgresQuery(unsafeSQL: statement))
        .decode(Int64.self)
      {
        total = value
      }
      return total
    }
  }

  func withClient<T: Sendable>(
    _ location: PostgresLocation, _ body: @Sendable (PostgresClient) async throws -> T
  ) async throws -> T {
    let client = PostgresClient(
      configuration: .init(
        host: location.host, port: location.port, username: location.user,
        password: location.password, database: location.database, tls: .disable))
    let running = Task { await client.run() }
    defer { running.cancel() }
    return try await body(client)
  }
}
