import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonLocalization
import LiaisonPresentation
import LiaisonText

struct SummaryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract: "Show the township at a glance, as the web console's dashboard does.",
    discussion: """
      New against resolved reports per week over the last 12 weeks, open reports by village \
      and category, the overdue list (due date passed, neither resolved nor closed), urgent \
      open reports, and conflicts awaiting a decision. Lists show their first 50 reports.
        township summary
        township summary --format json
      """)

  @OptionGroup var administrator: AdministratorOptions
  @Option(help: "table or json.") var format = OutputFormat.table

  func run() async throws {
    let answer = try await administrator.withClient { client in try await client.summary() }
    if format == .json { return AdminPresentation.printJSON(.object(answer)) }
    print(Self.text(answer, Localizer.current, width: AdminPresentation.width), terminator: "")
  }

  /// The summary as tables, in the reader's language.
  static func text(_ answer: [String: JSONValue], _ localizer: Localizer, width: Int) -> String {
    func day(_ time: String) -> String {
      ReportPresentation.milliseconds(isoTime: time).map { localizer.day(milliseconds: $0) }
        ?? time
    }
    var output = localizer("township.summary.weeks") + "\n"
    output += TextTable(columns: [
      .init(localizer("township.summary.week")), .init(localizer("township.summary.new")),
      .init(localizer("township.summary.resolved")),
    ]).render(
      rows: answer.objects("weeks").map { week in
        [
          day(week.text("start")), String(week.integer("new") ?? 0),
          String(week.integer("resolved") ?? 0),
        ]
      }, maxWidth: width)
    output += "\n" + localizer("township.summary.open") + "\n"
    let open = answer.objects("open")
    output +=
      open.isEmpty
      ? localizer("township.summary.none") + "\n"
      : TextTable(columns: [
        .init(localizer("township.summary.village"), flexible: true),
        .init(localizer("township.summary.category")), .init(localizer("township.summary.count")),
      ]).render(
        rows: open.map { count in
          [
            count.text("village"), localizer.valueName(count.text("category")),
            String(count.integer("count") ?? 0),
          ]
        }, maxWidth: width)
    for (key, title) in [
      ("overdue", "township.summary.overdue"), ("urgent", "township.summary.urgent"),
      ("awaiting", "township.summary.awaiting"),
    ] {
      guard case .object(let listing)? = answer[key] else { continue }
      let total = Int(listing.integer("total") ?? 0)
      output += "\n" + localizer(title, ["count": String(total)]) + "\n"
      let reports = listing.objects("reports")
      guard !reports.isEmpty else {
        output += localizer("township.summary.none") + "\n"
        continue
      }
      output += TextTable(columns: [
        .init(localizer("township.summary.id")),
        .init(localizer("township.summary.village"), flexible: true),
        .init(localizer("township.summary.due")),
        .init(localizer("township.summary.title"), minimumWidth: 10, flexible: true),
      ]).render(
        rows: reports.map { report in
          [
            String(report.text("id").prefix(8)), report.text("village"),
            localizer.calendarDate(report.text("due")), report.text("title"),
          ]
        }, maxWidth: width)
      if total > reports.count {
        output +=
          localizer(
            "township.summary.more", ["shown": String(reports.count), "count": String(total)])
          + "\n"
      }
    }
    return output
  }
}
