import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonPresentation

struct ReportsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reports",
    abstract: "List the township's reports, newest first, with the filters of `liaison list`.",
    discussion: """
      A ! before the id marks a report in conflict.
        township reports --village 东村 --status open
        township reports --conflicted --format json
      """)

  @OptionGroup var administrator: AdministratorOptions
  @OptionGroup var filters: ReportFilters
  @Option(help: "table or json.") var format = OutputFormat.table

  func run() async throws {
    let filters = try self.filters.parameters()
    let answer = try await administrator.withClient { client in try await client.reports(filters) }
    guard case .array(let items)? = answer["reports"] else {
      throw CommandFailure("the server's answer had no reports")
    }
    switch format {
    case .json: AdminPresentation.printJSON(.array(items))
    case .table:
      let reports = items.compactMap(ReportListing.summary)
      print(ReportListing.table(reports, maxWidth: AdminPresentation.width), terminator: "")
    }
  }
}

struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export every report of the township as CSV (opens in spreadsheets) or JSON.",
    discussion: """
      The same columns and shape as `liaison export`, for every village.
        township export --format csv --output township.csv
        township export --format json > township.json
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case csv
    case json
  }

  @OptionGroup var administrator: AdministratorOptions
  @Option(help: "csv or json.") var format: Format
  @Option(help: "Write to this file instead of standard output.", completion: .file())
  var output: String?
  @Flag(help: "Include deleted reports.") var all = false

  func run() async throws {
    let includeDeleted = all
    let answer = try await administrator.withClient { client in
      try await client.export(includeDeleted: includeDeleted)
    }
    guard case .array(let items)? = answer["reports"] else {
      throw CommandFailure("the server's answer had no reports")
    }
    var states: [ReportState] = []
    for item in items {
      do { states.append(try ReportState(json: item)) } catch {
        throw CommandFailure("the server sent a report this version cannot read: \(error)")
      }
    }
    try ReportExport.write(states, as: format == .csv ? .csv : .json, to: output)
  }
}
