import ArgumentParser
import LiaisonCodec
import LiaisonCommandLine
import LiaisonPresentation
import LiaisonStore

struct ListCommand: ParsableCommand {
  static var configuration: CommandConfiguration { .localized("list", key: "liaison.list") }

  @OptionGroup var storeOptions: StoreOptions

  @OptionGroup var filters: ReportFilters
  @Option(help: .localized("common.option.format")) var format = OutputFormat.table

  func run() throws {
    let query = try filters.query()
    let reports = try storeOptions.open().list(query)
    switch format {
    case .json:
      print(ReportPresentation.jsonText(.array(reports.map(ReportListing.json))), terminator: "")
    case .table:
      print(
        ReportListing.table(
          reports, maxWidth: ReportPresentation.terminalWidth, localizer: localized),
        terminator: "")
    }
  }
}
