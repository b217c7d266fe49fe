import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonPresentation
import LiaisonText

struct ConflictsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "conflicts",
    abstract: "List the reports in conflict: what clashed, between which devices, since when.",
    discussion: """
      Each row is a report two or more devices changed while apart; AGE is how long its \
      oldest conflict has waited for a decision. Look at one with `township conflict show ID`.
        township conflicts
        township conflicts --village 东村 --category dispute
        township conflicts --format json
      """)

  @OptionGroup var administrator: AdministratorOptions
  @Option(help: "Only this village.") var village: String?
  @Option(help: "Only this category.") var category: String?
  @Option(help: "table or json.") var format = OutputFormat.table

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
    guard !conflicts.isEmpty else { return print("No report is in conflict.") }
    let table = TextTable(columns: [
      .init("ID"), .init("VILLAGE", minimumWidth: 4, flexible: true),
      .init("TITLE", minimumWidth: 8, flexible: true), .init("FIELDS", flexible: true),
      .init("DEVICES", minimumWidth: 8, flexible: true), .init("AGE", alignRight: true),
    ])
    let rows = conflicts.map { conflict in
      [
        String(conflict.text("id").prefix(8)), conflict.text("village"), conflict.text("title"),
        conflict.texts("fields").joined(separator: ", "),
        conflict.objects("devices").map { $0.text("name") }.joined(separator: ", "),
        AdminPresentation.age(conflict.integer("since") ?? 0),
      ]
    }
    print(table.render(rows: rows, maxWidth: AdminPresentation.width), terminator: "")
  }
}

/// `township conflict show ID`.
struct ConflictCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "conflict",
    abstract: "Look at one report's conflict before resolving it.",
    discussion: """
        township conflict show 3f2a
      """,
    subcommands: [ConflictShowCommand.self])
}

struct ConflictShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show every conflicting value side by side, numbered for `township resolve`.",
    discussion: """
      Each value is listed with the device that wrote it, the author and the time; * marks \
      the provisional value every device shows until you decide. The fields that merged \
      cleanly follow. The version printed is remembered (in $TOWNSHIP_HOME, else \
      ~/.township): `township resolve` sends it, and the server refuses the resolution if the \
      report has changed since.
        township conflict show 3f2a
        township resolve 3f2a --field title --pick 2 --reason "乙方核实"
      """)

  @OptionGroup var administrator: AdministratorOptions
  @Argument(help: "The report id, or a unique prefix of it.") var id: String
  @Option(help: "table or json.") var format = OutputFormat.table

  func run() async throws {
    let id = self.id
    let answer = try await administrator.withClient { client in try await client.report(id) }
    let state: ReportState
    do {
      state = try ReportState(json: answer["state"] ?? .null)
    } catch {
      throw CommandFailure("the server sent a report this version cannot read: \(error)")
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
