import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonPresentation
import LiaisonStore

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export every report as CSV (opens in spreadsheets) or JSON.",
    discussion: """
      CSV is UTF-8 with a byte-order mark so spreadsheets keep Chinese text intact, quoted \
      per RFC 4180; cells that a spreadsheet would run as formulas are prefixed with '.
        liaison export --format csv --output reports.csv
        liaison export --format json > reports.json
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case csv
    case json

    var shared: ReportExport.Format { self == .csv ? .csv : .json }
  }

  @OptionGroup var storeOptions: StoreOptions

  @Option(help: "csv or json.")
  var format: Format

  @Option(help: "Write to this file instead of standard output.", completion: .file())
  var output: String?

  @Flag(help: "Include deleted reports.")
  var all = false

  func run() throws {
    let store = try storeOptions.open()
    var states: [ReportState] = []
    try store.forEachReport(includeDeleted: all) { states.append($0) }
    try ReportExport.write(states, as: format.shared, to: output)
  }
}
