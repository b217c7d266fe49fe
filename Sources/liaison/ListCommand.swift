import ArgumentParser
import LiaisonCodec
import LiaisonPresentation
import LiaisonStore

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

  @OptionGroup var filters: ReportFilters
  @Option(help: "table or json.") var format = OutputFormat.table

  func run() throws {
    let query = try filters.query()
    let reports = try storeOptions.open().list(query)
    switch format {
    case .json:
      print(ReportPresentation.jsonText(.array(reports.map(ReportListing.json))), terminator: "")
    case .table:
      print(
        ReportListing.table(reports, maxWidth: ReportPresentation.terminalWidth), terminator: "")
    }
  }
}
