import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonCommandLine
import LiaisonMerge
import LiaisonPresentation
import LiaisonText

struct ConflictsCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    .localized("conflicts", key: "township.conflicts")
  }

  @OptionGroup var administrator: AdministratorOptions
  @Option(help: .localized("common.filter.village")) var village: String?
  @Option(help: .localized("common.filter.category")) var category: String?
  @Option(help: .localized("common.option.format")) var format = OutputFormat.table

  func run() async throws {
    let (village, category) = (
      village?.precomposedStringWithCanonicalMapping, category?.lowercased()
    )
    let answer = try await administrator.withClient { client in
      try await client.conflicts(village: village, category: category)
    }
    let conflicts = answer.objects("conflicts")
    if format == .json {
      AdminPresentation.printJSON(
        .array(
          conflicts.map { conflict in
            var members = conflict
            members["since"] = .string(ReportPresentation.isoTime(conflict.integer("since") ?? 0))
            return .object(members)
          }))
      return
    }
    guard !conflicts.isEmpty else { return print(localized("township.conflicts.none")) }
    let table = TextTable(columns: [
      .init(localized("common.column.id")),
      .init(localized("common.column.village"), minimumWidth: 4, flexible: true),
      .init(localized("common.column.title"), minimumWidth: 8, flexible: true),
      .init(localized("township.column.fields"), flexible: true),
      .init(localized("township.column.devices"), minimumWidth: 8, flexible: true),
      .init(localized("township.column.age"), alignRight: true),
    ])
    let rows = conflicts.map { conflict in
      [
        String(conflict.text("id").prefix(8)), conflict.text("village"), conflict.text("title"),
        conflict.texts("fields").map(localized.fieldName)
          .joined(separator: localized("common.listSeparator")),
        conflict.objects("devices").map { $0.text("name") }
          .joined(separator: localized("common.listSeparator")),
        AdminPresentation.age(conflict.integer("since") ?? 0),
      ]
    }
    print(table.render(rows: rows, maxWidth: AdminPresentation.width), terminator: "")
  }
}

/// `township conflict show ID`.
struct ConflictCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    .localized("conflict", key: "township.conflict", subcommands: [ConflictShowCommand.self])
  }
}

struct ConflictShowCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    .localized("show", key: "township.conflictShow")
  }

  @OptionGroup var administrator: AdministratorOptions
  @Argument(help: .localized("common.option.reportID")) var id: String
  @Option(help: .localized("common.option.format")) var format = OutputFormat.table

  func run() async throws {
    let id = self.id
    let answer = try await administrator.withClient { client in try await client.report(id) }
    let state: ReportState
    do {
      state = try ReportState(json: answer["state"] ?? .null)
    } catch {
      throw CommandFailure("township.unreadableReport", ["reason": "\(error)"])
    }
    let version = answer.text("version")
    let view = ConflictView(state: state, version: version, writers: answer.objects("devices"))
    switch format {
    case .json: AdminPresentation.printJSON(view.json)
    case .table: print(view.text(width: AdminPresentation.width), terminator: "")
    }
    try AdminConfig.rememberShown(state.id.description, version: version)
  }
}
