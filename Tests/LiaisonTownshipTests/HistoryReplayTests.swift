import LiaisonMerge
import LiaisonTestKit
import LiaisonTownship
import Testing

/// A report's history, as `liaison show --history`, `township audit` and the console show it.
@Suite struct HistoryReplayTests {
  @Test func editsMadeApartEachReplaceTheValueTheirAuthorSaw() throws {
    let report = Fixtures.report(1)
    var liWei = SimulatedReplica(id: Fixtures.replica(1))
    var wangFang = SimulatedReplica(id: Fixtures.replica(2))
    let created = try liWei.write(
      Fixtures.newReport(title: "山坡滑坡隐患"), to: report, attribution: Fixtures.author("李伟"))
    wangFang.receive(created)
    let north = try wangFang.write(
      ReportEdit(values: [.title: .text("山坡滑坡隐患（北坡）")]), to: report,
      attribution: Fixtures.author("王芳", minutes: 1))
    let east = try liWei.write(
      ReportEdit(values: [.title: .text("山坡滑坡隐患（东坡）")]), to: report,
      attribution: Fixtures.author("李伟", minutes: 2))
    liWei.receive(north)
    let settled = try liWei.write(
      ReportEdit(values: [.title: .text("山坡滑坡隐患（两坡）")]), to: report,
      attribution: Fixtures.author("李伟", minutes: 3))

    let history = HistoryEntry.replay(
      report, [(1, created), (2, north), (3, east), (4, settled)])

    let titles = history.map { entry in
      entry.fields.first { $0.field == .title }.map { "\($0.old) → \($0.new)" }
    }
    #expect(
      titles == [
        " → 山坡滑坡隐患", "山坡滑坡隐患 → 山坡滑坡隐患（北坡）",
        // Written apart from 王芳's: it replaced the title 李伟 saw, not hers.
        "山坡滑坡隐患 → 山坡滑坡隐患（东坡）",
        // Seen both: it replaced the provisional winner of the two.
        "山坡滑坡隐患（北坡） → 山坡滑坡隐患（两坡）",
      ])
  }
}
