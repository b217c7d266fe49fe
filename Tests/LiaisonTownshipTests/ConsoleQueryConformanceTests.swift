import LiaisonCodec
import LiaisonMerge
import LiaisonPostgresTesting
import LiaisonTestKit
import LiaisonTestScratch
import LiaisonTownship
import Testing

/// What the console asks of every ``TownshipStorage`` backend: the summary's figures, report
/// paging and sorting, the audit trail filtered, and sign-ins recorded.
@Suite(.scratch, .postgresScratch) struct ConsoleQueryConformanceTests {
  static let week = SummaryRequest.week
  /// The summary is read at this instant: 2026-03-01T00:00:00Z plus 12 weeks.
  static let now = Fixtures.author("").time + 12 * week

  /// A report created `weeksAgo` weeks before ``now`` with the given values.
  func report(
    _ number: Int, weeksAgo: Int64, by replica: ReplicaID, counter: UInt64,
    _ values: [Field: FieldValue]
  ) throws -> JSONValue {
    var state = ReportState(id: Fixtures.report(number))
    var all: [Field: FieldValue] = [
      .village: .text("东村"), .category: .category(.dispute), .title: .text("纠纷 \(number)"),
    ]
    all.merge(values) { $1 }
    return try state.write(
      ReportEdit(values: all), dot: Dot(replica: replica, counter: counter),
      attribution: Attribution(author: "李伟", time: Self.now - weeksAgo * Self.week - 1)
    ).json
  }

  func township(_ backend: StorageBackend) async throws -> any TownshipStorage {
    let (storage, _) = try await backend.make()
    let code = try await storage.issueEnrollment(
      name: "李伟", villages: ["东村", "西村"], lifetime: 3_600_000, by: "管理员", now: 0
    ).code
    let replica = Fixtures.replica(0xd1)
    let device = try await storage.enroll(
      code: code, replica: replica, key: SigningKey().publicKey, now: 1
    ).device
    let changes = [
      try report(1, weeksAgo: 0, by: replica, counter: 1, [.urgency: .urgency(.urgent)]),
      try report(
        2, weeksAgo: 1, by: replica, counter: 2,
        [.status: .status(.resolved), .due: .date(CalendarDate("2026-01-01")!)]),
      try report(
        3, weeksAgo: 1, by: replica, counter: 3,
        [
          .village: .text("西村"), .category: .category(.hazard),
          .due: .date(CalendarDate("2026-02-01")!),
        ]),
      try report(4, weeksAgo: 20, by: replica, counter: 4, [.urgency: .urgency(.low)]),
      try report(
        5, weeksAgo: 2, by: replica, counter: 5,
        [.urgency: .urgency(.urgent), .status: .status(.closed)]),
    ]
    #expect(try await storage.push(PushBatch(changes), from: device, now: 2).accepted == 5)
    return storage
  }

  @Test(arguments: StorageBackend.available)
  func theSummaryCountsWeeksVillagesOverdueUrgentAndConflicts(_ backend: StorageBackend)
    async throws
  {
    let storage = try await township(backend)
    let summary = try await storage.summary(SummaryRequest(now: Self.now, today: "2026-03-01"))
    #expect(summary.weeks.count == 12)
    #expect(summary.weeks.first?.start == Self.now - 12 * Self.week)
    #expect(summary.weeks.map(\.new) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 1])
    #expect(summary.weeks.map(\.resolved) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0])
    #expect(
      summary.open == [
        .init(village: "东村", category: "dispute", count: 2),
        .init(village: "西村", category: "hazard", count: 1),
      ])
    // Report 2 is past due but resolved: only report 3 is overdue.
    #expect(summary.overdue.reports.map(\.id) == [Fixtures.report(3)])
    #expect(summary.overdue.total == 1)
    #expect(summary.urgent.reports.map(\.id) == [Fixtures.report(1)])
    #expect(summary.awaiting.total == 0)
  }

  @Test(arguments: StorageBackend.available)
  func reportsArePagedCountedAndSortedByUrgency(_ backend: StorageBackend) async throws {
    let storage = try await township(backend)
    var query = ReportQuery()
    #expect(try await storage.reportCount(query) == 5)
    query.order = .urgency
    let ranked = try await storage.reports(query).map(\.urgency)
    #expect(ranked == ["urgent", "urgent", "normal", "normal", "low"])
    query.order = .newest
    query.limit = 2
    query.offset = 2
    #expect(try await storage.reports(query).map(\.id) == [Fixtures.report(2), Fixtures.report(5)])
    query.village = "西村"
    #expect(try await storage.reportCount(query) == 1)
  }

  @Test(arguments: StorageBackend.available)
  func signInsAreInTheTrailWhichFiltersByAdministratorActionAndSubject(
    _ backend: StorageBackend
  ) async throws {
    let storage = try await township(backend)
    try await storage.recordSession(.signIn, administrator: "管理员", now: 10)
    try await storage.recordSession(.signOut, administrator: "管理员", now: 11)
    var query = AuditQuery()
    query.action = "sign in"
    let signIns = try await storage.auditEntries(query)
    #expect(signIns.map(\.actor) == ["管理员"])
    #expect(signIns.map(\.time) == [10])
    query = AuditQuery()
    query.actor = "管理员"
    let newestFirst = try await storage.auditEntries(query).map(\.action)
    #expect(newestFirst.prefix(2) == ["sign out", "sign in"])
    query.limit = 1
    query.offset = 1
    #expect(try await storage.auditEntries(query).map(\.action) == ["sign in"])
    query = AuditQuery()
    query.subject = "管理"
    let about = try await storage.auditEntries(query)
    #expect(about.allSatisfy { $0.subject.hasPrefix("管理") })
    #expect(about.filter { $0.action.hasPrefix("sign") }.count == 2)
    query.subject = "王"
    #expect(try await storage.auditEntries(query).isEmpty)
  }
}
