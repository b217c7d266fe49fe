import LiaisonCodec
import LiaisonMerge
import LiaisonPostgresTesting
import LiaisonTestKit
import LiaisonTestScratch
import LiaisonTownship
import Testing

/// What every ``TownshipStorage`` backend must do, run against each of them: the behaviour
/// the server relies on, and the guarantees the protocol's documentation lists, raced where
/// a backend with several writers could break them.
@Suite(.scratch, .postgresScratch) struct StorageConformanceTests {
  /// A device enrolled for `villages`, through the storage.
  func enrol(
    _ storage: any TownshipStorage, _ replica: ReplicaID, name: String = "李伟",
    villages: [String] = ["东村"]
  ) async throws -> Enrolled {
    let code = try await storage.issueEnrollment(
      name: name, villages: villages, lifetime: 3_600_000, by: "管理员", now: 0
    ).code
    return try await storage.enroll(
      code: code, replica: replica, key: SigningKey().publicKey, now: 1)
  }

  /// Changes by `replica` creating reports `first...` in 东村, one each, counters from 1.
  func creations(_ replica: ReplicaID, reports: ClosedRange<Int>, counterFrom first: UInt64 = 1)
    throws -> [JSONValue]
  {
    try reports.enumerated().map { offset, report in
      var state = ReportState(id: Fixtures.report(report))
      return try state.write(
        ReportEdit(values: [
          .village: .text("东村"), .category: .category(.visit), .title: .text("走访 \(report)"),
        ]),
        dot: Dot(replica: replica, counter: first + UInt64(offset)),
        attribution: Fixtures.author("李伟")
      ).json
    }
  }

  @Test(arguments: StorageBackend.available)
  func credentialsAreRecognisedAndRefused(_ backend: StorageBackend) async throws {
    let (storage, token) = try await backend.make()
    #expect(try await storage.authenticate(token) == .administrator(name: "管理员"))
    await #expect(throws: StoreError.access(.unauthenticated)) {
      try await storage.authenticate("lsn_" + String(repeating: "0", count: 64))
    }
    let enrolled = try await enrol(storage, Fixtures.replica(0xd1))
    #expect(try await storage.authenticate(enrolled.token) == .device(enrolled.device))
    #expect(enrolled.server == (try await storage.serverReplica()))
    await #expect(throws: StoreError.access(.replicaTaken)) {
      try await enrol(storage, Fixtures.replica(0xd1))
    }
    try await storage.revoke(device: enrolled.device.id, by: "管理员", reason: "丢失", now: 5)
    await #expect(throws: StoreError.access(.revoked)) {
      try await storage.authenticate(enrolled.token)
    }
    let trail = try await storage.auditTrail(subject: nil).map(\.action)
    #expect(trail.contains("enrol device") && trail.contains("revoke device"), "\(trail)")
  }

  /// Guarantee: an enrolment code is used at most once, however many enrolments race.
  @Test(arguments: StorageBackend.available)
  func anEnrolmentCodeIsUsedOnceUnderRacingEnrolments(_ backend: StorageBackend) async throws {
    let (storage, _) = try await backend.make()
    let code = try await storage.issueEnrollment(
      name: "李伟", villages: ["东村"], lifetime: 3_600_000, by: "管理员", now: 0
    ).code
    let outcomes = await withTaskGroup(of: Bool.self) { group in
      for device in 1...16 {
        group.addTask {
          (try? await storage.enroll(
            code: code, replica: Fixtures.replica(UInt64(device)),
            key: SigningKey().publicKey, now: 1))
            != nil
        }
      }
      return await group.reduce(into: [Bool]()) { $0.append($1) }
    }
    #expect(outcomes.filter { $0 }.count == 1)
    #expect(try await storage.devices().count == 1)
  }

  /// Guarantee: a push is judged atomically per device. A retry racing its original (a
  /// device whose answer was lost) applies each change once; the rest are duplicates.
  @Test(arguments: StorageBackend.available)
  func aRetryRacingItsOriginalAppliesEachChangeOnce(_ backend: StorageBackend) async throws {
    let (storage, _) = try await backend.make()
    let enrolled = try await enrol(storage, Fixtures.replica(0xd1))
    let changes = try creations(Fixtures.replica(0xd1), reports: 1...40)
    let outcomes = try await withThrowingTaskGroup(of: PushOutcome.self) { group in
      for _ in 0..<4 {
        group.addTask {
          try await storage.push(PushBatch(changes), from: enrolled.device, now: 2)
        }
      }
      return try await group.reduce(into: [PushOutcome]()) { $0.append($1) }
    }
    #expect(outcomes.map(\.accepted).reduce(0, +) == 40)
    #expect(outcomes.map(\.duplicates).reduce(0, +) == 120)
    let rejected = outcomes.flatMap(\.rejected)
    #expect(rejected.isEmpty, "\(rejected)")
    #expect(try await storage.reports(ReportQuery()).count == 40)
  }

  /// Guarantee: no lost update. Devices writing the same report at once all reach its state.
  @Test(arguments: StorageBackend.available)
  func concurrentMergesIntoOneReportLoseNoUpdate(_ backend: StorageBackend) async throws {
    let (storage, _) = try await backend.make()
    let creator = try await enrol(storage, Fixtures.replica(0xd0), name: "创建者")
    let creation = try creations(Fixtures.replica(0xd0), reports: 1...1)
    #expect(try await storage.push(PushBatch(creation), from: creator.device, now: 2).accepted == 1)
    let created = try Change(json: creation[0])
    var writers: [(Device, JSONValue)] = []
    for index in 1...8 {
      let device = try await enrol(storage, Fixtures.replica(UInt64(index)), name: "甲\(index)")
      var state = ReportState(id: Fixtures.report(1))
      state.apply(created)
      let note = try state.write(
        .note("第 \(index) 条"), dot: Dot(replica: Fixtures.replica(UInt64(index)), counter: 1),
        attribution: Fixtures.author("甲\(index)"))
      writers.append((device.device, note.json))
    }
    let accepted = try await withThrowingTaskGroup(of: Int.self) { group in
      for (device, note) in writers {
        group.addTask { try await storage.push(PushBatch([note]), from: device, now: 3).accepted }
      }
      return try await group.reduce(0, +)
    }
    #expect(accepted == 8)
    let state = try #require(try await storage.report(Fixtures.report(1)))
    #expect(state.notes.notes.count == 8)
    #expect(try await storage.history(of: Fixtures.report(1)).count == 9)
  }

  /// Guarantee: the pull cursor follows commit order. A device pulling while others push
  /// receives every change of its villages exactly once, whatever it raced.
  @Test(arguments: StorageBackend.available)
  func aDevicePullingWhileOthersPushMissesNothing(_ backend: StorageBackend) async throws {
    let (storage, _) = try await backend.make()
    var writers: [(Device, [JSONValue])] = []
    for index in 1...4 {
      let replica = Fixtures.replica(UInt64(index))
      let device = try await enrol(storage, replica, name: "甲\(index)")
      writers.append(
        (device.device, try creations(replica, reports: (index * 100)...(index * 100 + 49))))
    }
    let reader = try await enrol(storage, Fixtures.replica(0xee), name: "读者").device
    let batches = writers
    let pushing = Task {
      try await withThrowingTaskGroup(of: Void.self) { group in
        for (device, changes) in batches {
          group.addTask {
            for start in stride(from: 0, to: changes.count, by: 5) {
              let page = Array(changes[start..<min(start + 5, changes.count)])
              _ = try await storage.push(PushBatch(page), from: device, now: 2)
            }
          }
        }
        try await group.waitForAll()
      }
    }
    // Pull in small pages while the pushes commit, then once more after they all have.
    var cursor: Int64 = 0
    var bodies: [[UInt8]] = []
    for _ in 0..<200 {
      let page = try await storage.pull(after: cursor, limit: 7, for: reader)
      bodies += page.bodies
      cursor = page.cursor
      await Task.yield()
    }
    try await pushing.value
    bodies += try await pullAll(storage, reader, after: cursor)
    let expected = Set(writers.flatMap { $0.1 }.map(CanonicalJSON.encode))
    #expect(bodies.count == expected.count, "a change arrived twice or not at all")
    #expect(Set(bodies) == expected)
  }

  private func pullAll(_ storage: any TownshipStorage, _ reader: Device, after start: Int64)
    async throws -> [[UInt8]]
  {
    var cursor = start
    var bodies: [[UInt8]] = []
    while true {
      let page = try await storage.pull(after: cursor, limit: 1_000, for: reader)
      bodies += page.bodies
      cursor = page.cursor
      if !page.more { return bodies }
    }
  }
}
