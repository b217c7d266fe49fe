import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonCommandLine
import LiaisonPostgres
import LiaisonPresentation
import LiaisonStore

/// `township migrate`: moves a township from its embedded SQLite store onto PostgreSQL.
struct MigrateCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration { .localized("migrate", key: "township.migrate") }

  @Option(
    help: .localized("township.option.from", valueName: "dir"),
    completion: .directory)
  var from: String

  @Option(
    help: .localized("township.option.to", valueName: "url"))
  var to: String

  @Option(help: .localized("township.option.summaryFormat"))
  var format = OutputFormat.table

  @Option(help: ArgumentHelp("Rows read and written at a time.", visibility: .hidden))
  var pageSize = 1_000

  func run() async throws {
    let summary: TownshipMigration.Summary
    let target: String
    do {
      let location = try PostgresLocation(parsing: to)
      target = location.description
      guard FileManager.default.fileExists(atPath: from) else {
        throw CommandFailure("township.migrate.noStore", ["path": from])
      }
      let store = try TownshipStore.open(in: from) { upgrade in
        FileHandle.standardError.write(
          Data((localized("township.migrate.upgrading", ["upgrade": "\(upgrade)"]) + "\n").utf8))
      }
      summary = try await TownshipMigration(from: store, to: location, pageSize: pageSize).run {
        progress in
        // Every 10,000 rows of a table: a small township's copy says nothing until done.
        guard progress.rows > 0 else { return }
        FileHandle.standardError.write(
          Data(
            (localized(
              "township.migrate.progress.\(progress.phase.rawValue)",
              [
                "table": progress.table, "rows": String(progress.rows),
                "total": String(progress.total),
              ]) + "\n").utf8))
      }
    } catch {
      FileHandle.standardError.write(
        Data(
          (localized("township.migrate.failed", ["reason": localized.sentence(for: error)]) + "\n")
            .utf8))
      throw ExitCode(1)
    }
    if format == .json {
      print(CanonicalJSON.string(Self.json(summary)))
    } else {
      print(Self.text(summary, from: from, to: target))
    }
  }

  /// The tables the summary counts, in its order.
  static let tableNames = ["report", "change", "device", "credential", "enrollment", "audit"]

  static func text(_ summary: TownshipMigration.Summary, from: String, to: String) -> String {
    let counts = tableNames.map {
      localized("township.migrate.rows.\($0)", ["count": String(summary.rows[$0] ?? 0)])
    }
    return localized(
      "township.migrate.done",
      [
        "replica": summary.replica.description, "from": from, "to": to,
        "counts": counts.joined(separator: localized("common.listSeparator")),
        "sequence": String(summary.lastSequence),
      ])
  }

  static func json(_ summary: TownshipMigration.Summary) -> JSONValue {
    .object([
      "replica": .string(summary.replica.description),
      "last_sequence": .integer(summary.lastSequence),
      "rows": .object(summary.rows.mapValues { .integer($0) }),
      "verified": .bool(true),
    ])
  }
}
