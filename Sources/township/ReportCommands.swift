import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonCommandLine
import LiaisonMerge
import LiaisonPresentation

struct ReportsCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration { .localized("reports", key: "township.reports") }

  @OptionGroup var administrator: AdministratorOptions
  @OptionGroup var filters: ReportFilters
  @Option(help: .localized("common.option.format")) var format = OutputFormat.table

  func run() async throws {
    let filters = try self.filters.parameters()
    let answer = try await administrator.withClient { client in try await client.reports(filters) }
    guard case .array(let items)? = answer["reports"] else {
      throw CommandFailure("township.noReports")
    }
    switch format {
    case .json: AdminPresentation.printJSON(.array(items))
    case .table:
      let reports = items.compactMap(ReportListing.summary)
      print(
        ReportListing.table(reports, maxWidth: AdminPresentation.width, localizer: localized),
        terminator: "")
    }
  }
}

struct ExportCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration { .localized("export", key: "township.export") }

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case csv
    case json
  }

  @OptionGroup var administrator: AdministratorOptions
  @Option(help: .localized("common.option.exportFormat")) var format: Format
  @Option(help: .localized("common.option.output"), completion: .file())
  var output: String?
  @Flag(help: .localized("common.option.all")) var all = false

  func run() async throws {
    let includeDeleted = all
    let answer = try await administrator.withClient { client in
      try await client.export(includeDeleted: includeDeleted)
    }
    guard case .array(let items)? = answer["reports"] else {
      throw CommandFailure("township.noReports")
    }
    var states: [ReportState] = []
    for item in items {
      do { states.append(try ReportState(json: item)) } catch {
        throw CommandFailure("township.unreadableReport", ["reason": "\(error)"])
      }
    }
    do {
      try ReportExport.write(
        states, as: format == .csv ? .csv : .json, to: output, localizer: localized)
    } catch {
      throw CommandFailure("common.export.cannotWrite", ["path": error.path])
    }
  }
}
