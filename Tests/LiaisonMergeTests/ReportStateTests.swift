import LiaisonMerge
import LiaisonTestKit
import Testing

@Suite struct ReportStateTests {
  let report = Fixtures.report(1)
  let a = Fixtures.replica(1)
  let b = Fixtures.replica(2)
  let s = Fixtures.replica(9)

  func created() throws -> ReportState {
    var state = ReportState(id: report)
    try state.write(
      Fixtures.newReport(), dot: Dot(replica: a, counter: 1), attribution: Fixtures.author("李伟"))
    return state
  }

  @Test func aNewReportShowsItsValuesAndDefaults() throws {
    let state = try created()
    #expect(state.value(.title) == .text("水渠纠纷"))
    #expect(state.value(.urgency) == .urgency(.normal))
    #expect(state.value(.details) == .absent)
    #expect(!state.isConflicted)
    #expect(!state.isDeleted)
  }

  @Test func concurrentEditsToDifferentFieldsMergeSilently() throws {
    var onA = try created()
    var onB = onA
    try onA.write(
      ReportEdit(values: [.title: .text("新标题")]), dot: Dot(replica: a, counter: 2),
      attribution: Fixtures.author("李伟"))
    try onB.write(
      ReportEdit(values: [.urgency: .urgency(.high)]), dot: Dot(replica: b, counter: 1),
      attribution: Fixtures.author("王芳"))
    let merged = onA.merged(with: onB)
    #expect(merged.conflicts.isEmpty)
    #expect(merged.value(.title) == .text("新标题"))
    #expect(merged.value(.urgency) == .urgency(.high))
  }

  @Test func aResolutionAtTheServerClearsTheConflictEverywhere() throws {
    var onA = try created()
    var onB = onA
    try onA.write(
      ReportEdit(values: [.status: .status(.closed)]), dot: Dot(replica: a, counter: 2),
      attribution: Fixtures.author("李伟"))
    try onB.write(
      ReportEdit(values: [.status: .status(.inProgress)]), dot: Dot(replica: b, counter: 1),
      attribution: Fixtures.author("王芳"))
    var server = onA.merged(with: onB)
    #expect(server.conflicts == [.status])
    let resolution = try server.resolve(
      .status, to: .status(.resolved), dot: Dot(replica: s, counter: 1),
      attribution: Fixtures.author("管理员"))
    onA.apply(resolution)
    onB.apply(resolution)
    #expect(onA.merged(with: onB).conflicts.isEmpty)
    #expect(onA.merged(with: onB) == server)
    #expect(server.value(.status) == .status(.resolved))
  }

  @Test func aDeleteAgainstAnUnseenEditIsAConflictThatKeepsTheReportVisible() throws {
    var onA = try created()
    var onB = onA
    try onA.write(.delete, dot: Dot(replica: a, counter: 2), attribution: Fixtures.author("李伟"))
    #expect(onA.isDeleted)
    try onB.write(
      .note("双方同意调解"), dot: Dot(replica: b, counter: 1), attribution: Fixtures.author("王芳"))
    var merged = onA.merged(with: onB)
    #expect(merged.conflicts == [.deleted])
    #expect(!merged.isDeleted)
    #expect(merged.editsUnseenByDeletion == [Dot(replica: b, counter: 1)])

    var kept = merged
    try kept.resolveDeletion(
      keepDeleted: true, dot: Dot(replica: s, counter: 1), attribution: Fixtures.author("管理员"))
    #expect(kept.isDeleted)
    #expect(kept.conflicts.isEmpty)
    try merged.resolveDeletion(
      keepDeleted: false, dot: Dot(replica: s, counter: 1), attribution: Fixtures.author("管理员"))
    #expect(!merged.isDeleted)
    #expect(merged.conflicts.isEmpty)
    #expect(merged.notes.notes.count == 1)
  }

  @Test func aWriteRefusesAnInvalidValueAndLeavesTheStateAsItWas() throws {
    var state = try created()
    let before = state
    #expect(throws: ValidationError.self) {
      try state.write(
        ReportEdit(values: [.title: .text(String(repeating: "长", count: 201))]),
        dot: Dot(replica: a, counter: 2), attribution: Fixtures.author("李伟"))
    }
    #expect(state == before)
  }

  @Test func aChangeAppliedTwiceOrOutOfOrderChangesNothingMore() throws {
    var source = ReportState(id: report)
    var changes: [Change] = []
    changes.append(
      try source.write(
        Fixtures.newReport(), dot: Dot(replica: a, counter: 1), attribution: Fixtures.author("李伟")))
    changes.append(
      try source.write(
        ReportEdit(values: [.title: .text("二")]), dot: Dot(replica: a, counter: 2),
        attribution: Fixtures.author("李伟")))
    changes.append(
      try source.write(
        .note("备注"), dot: Dot(replica: a, counter: 3), attribution: Fixtures.author("李伟")))
    var target = ReportState(id: report)
    for change in changes.reversed() + changes { target.apply(change) }
    #expect(target == source)
  }
}
