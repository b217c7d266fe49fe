import LiaisonMerge

/// Two devices that edit one report while apart: device A creates it, both devices see the
/// creation, then each makes its own edit without seeing the other's. Tests push these
/// changes to a township to make a conflict, or a clean merge when the edits touch different
/// fields.
public struct ConflictScenario: Sendable {
  public let report: ReportID
  /// A's creation, then A's edit.
  public let fromA: [Change]
  /// B's edit, made after seeing the creation only.
  public let fromB: [Change]

  public init(
    a: ReplicaID, b: ReplicaID, report: ReportID = Fixtures.report(1), editA: ReportEdit,
    editB: ReportEdit, village: String = "东村"
  ) throws {
    self.report = report
    var atA = ReportState(id: report)
    let creation = try atA.write(
      Fixtures.newReport(village: village), dot: Dot(replica: a, counter: 1),
      attribution: Fixtures.author("李伟"))
    var atB = atA
    let edit = try atA.write(
      editA, dot: Dot(replica: a, counter: 2), attribution: Fixtures.author("李伟", minutes: 5))
    fromA = [creation, edit]
    fromB = [
      try atB.write(
        editB, dot: Dot(replica: b, counter: 1), attribution: Fixtures.author("王芳", minutes: 6))
    ]
  }
}
