import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonCommandLine
import LiaisonMerge
import LiaisonPresentation
import LiaisonStore

struct ExportCommand: ParsableCommand {
  static var configuration: CommandConfiguration { .localized("export", key: "liaison.export") }

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case csv
    case json

    var shared: ReportExport.Format { self == .csv ? .csv : .json }
  }

  @OptionGroup var storeOptions: StoreOptions

  @Option(help: .localized("common.option.exportFormat"))
  var format: Format

  @Option(help: .localized("common.option.output"), completion: .file())
  var output: String?

  @Flag(help: .localized("common.option.all"))
  var all = false

  func run() throws {
    let store = try storeOptions.open()
    var states: [ReportState] = []
    try store.forEachReport(includeDeleted: all) { states.append($0) }
    do {
      try ReportExport.write(states, as: format.shared, to: output, localizer: localized)
    } catch {
      throw CommandFailure("common.export.cannotWrite", ["path": error.path])
    }
  }
}
