import ArgumentParser
import LiaisonCodec
import LiaisonMerge
import LiaisonStore
import LiaisonText

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List reports, newest first.",
    discussion: """
      A ! before the id marks a report in conflict.
        liaison list --village 东村 --status open
        liaison list --search 水渠 --limit 10
        liaison list --conflicted --format json
      """)

  @OptionGroup var storeOptions: StoreOptions

  @Option(help: "Only this village.") var village: String?
  @Option(help: "Only this category.") var category: String?
  @Option(help: "Only this status.") var status: String?
  @Option(help: "Only this urgency.") var urgency: String?
  @Flag(help: "Only reports in conflict.") var conflicted = false
  @Option(help: "Only reports whose title or details contain this text.") var search: String?
  @Flag(help: "Include deleted reports.") var all = false
  @Option(help: "Show at most this many; 0 shows all.") var limit = 50
  @Option(help: "table or json.") var format = OutputFormat.table

  func validate() throws {
    if limit < 0 { throw ValidationError("--limit must be 0 or more") }
  }

  func run() throws {
    var query = ReportQuery()
    query.village = village?.precomposedNFC
    if let category {
      query.category = try Self.parse(category, as: .category) {
        if case .category(let c) = $0 { c } else { nil }
      }
    }
    if let status {
      query.status = try Self.parse(status, as: .status) {
        if case .status(let s) = $0 { s } else { nil }
      }
    }
    if let urgency {
      query.urgency = try Self.parse(urgency, as: .urgency) {
        if case .urgency(let u) = $0 { u } else { nil }
      }
    }
    query.conflictedOnly = conflicted
    query.text = search?.precomposedNFC
    query.includeDeleted = all
    query.limit = limit == 0 ? nil : limit
    let reports = try storeOptions.open().list(query)
    switch format {
    case .json: print(ReportPresentation.jsonText(.array(reports.map(Self.json))), terminator: "")
    case .table: print(table(reports), terminator: "")
    }
  }

  private static func parse<T>(_ text: String, as field: Field, _ extract: (FieldValue) -> T?)
    throws -> T?
  {
    extract(try FieldValue.parse(text, for: field))
  }

  private func table(_ reports: [ReportSummary]) -> String {
    let table = TextTable(columns: [
      .init("ID"), .init("CREATED"), .init("VILLAGE", minimumWidth: 6, flexible: true),
      .init("CATEGORY"),
      .init("URGENCY"), .init("STATUS"), .init("TITLE", minimumWidth: 10, flexible: true),
    ])
    let rows = reports.map { report in
      [
        (report.isConflicted ? "!" : " ") + report.id.short,
        ReportPresentation.time(report.createdAt),
        report.village, report.category, report.urgency, report.status,
        report.title + (report.isDeleted ? " (deleted)" : ""),
      ]
    }
    return table.render(rows: rows, maxWidth: ReportPresentation.terminalWidth)
  }

  private static func json(_ report: ReportSummary) -> JSONValue {
    .object([
      "id": .string(report.id.description), "village": .string(report.village),
      "category": .string(report.category), "title": .string(report.title),
      "urgency": .string(report.urgency), "status": .string(report.status),
      "assignee": report.assignee.isEmpty ? .null : .string(report.assignee),
      "due": report.due.isEmpty ? .null : .string(report.due), "deleted": .bool(report.isDeleted),
      "conflicted": .bool(report.isConflicted),
      "created": .string(ReportPresentation.isoTime(report.createdAt)),
      "updated": .string(ReportPresentation.isoTime(report.updatedAt)),
    ])
  }
}
