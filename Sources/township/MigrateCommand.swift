import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonPostgres
import LiaisonPresentation
import LiaisonStore

/// `township migrate`: moves a township from its embedded SQLite store onto PostgreSQL.
struct MigrateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Copy a township's SQLite store into an empty PostgreSQL database, and verify it.",
    discussion: """
      Copies everything the township holds, as it is stored: every report's state, the \
      change log under its own sequence numbers, the server's replica and counters, the \
      devices with their keys and pull cursors, credentials and enrolment codes (as their \
      digests), and the audit trail with the changes the server refused. Devices go on \
      syncing with the tokens they have, without enrolling again and without receiving \
      anything twice.

      Then it reads the copy back and compares it with the store before it says done: every \
      row of every table, column by column, the log's bodies byte for byte, every report's \
      canonical state, and the counts. The whole copy is one transaction: if anything \
      fails, nothing is left in the database.

      The database must be empty (create it with `createdb`); one holding any table is \
      refused, and left as it was. The store is only read (one an older version wrote is \
      upgraded first, as `township serve` would), and its TLS and signing key files stay in \
      its directory: the server starts from them.

      Stop the server and back the store directory up first, then:
        township migrate --from /srv/township --to postgres://township@db/township
        township serve --store /srv/township --database postgres://township@db/township
      A long copy says how far it got on standard error, every 10,000 rows.
      """)

  @Option(
    help: ArgumentHelp("The township's SQLite store directory.", valueName: "dir"),
    completion: .directory)
  var from: String

  @Option(
    help: ArgumentHelp(
      "The empty PostgreSQL database, postgres://USER@HOST:PORT/DB.", valueName: "url"))
  var to: String

  @Option(help: "table (a summary) or json.")
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
        throw CommandFailure("no township store at \(from)")
      }
      let store = try TownshipStore.open(in: from) { upgrade in
        FileHandle.standardError.write(Data("township migrate: \(upgrade)\n".utf8))
      }
      summary = try await TownshipMigration(from: store, to: location, pageSize: pageSize).run {
        progress in
        // Every 10,000 rows of a table: a small township's copy says nothing until done.
        guard progress.rows > 0 else { return }
        FileHandle.standardError.write(
          Data(
            "\(progress.phase.rawValue) \(progress.table): \(progress.rows) of \(progress.total) rows\n"
              .utf8))
      }
    } catch {
      FileHandle.standardError.write(
        Data("township migrate: \(error)\nNothing was written to the database.\n".utf8))
      throw ExitCode(1)
    }
    if format == .json {
      print(CanonicalJSON.string(Self.json(summary)))
    } else {
      print(Self.text(summary, from: from, to: target))
    }
  }

  static let tableNames: [(String, String)] = [
    ("report", "reports"), ("change", "changes"), ("device", "devices"),
    ("credential", "credentials"), ("enrollment", "enrolment codes"), ("audit", "audit entries"),
  ]

  static func text(_ summary: TownshipMigration.Summary, from: String, to: String) -> String {
    let counts = tableNames.map { "\(summary.rows[$0.0] ?? 0) \($0.1)" }.joined(separator: ", ")
    return """
      Copied the township \(summary.replica) from \(from) to \(to): \(counts); \
      the log ends at sequence \(summary.lastSequence).
      Verified: every row of every table, every change's bytes and every report's canonical \
      state equal the store's.
      Start the server on it with its key files where they are:
        township serve --store \(from) --database \(to)
      """
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
