import ArgumentParser
import Foundation
import LiaisonPostgres
import LiaisonStore
import LiaisonSync

/// `liaison-sync-bench pg`: one round of push and pull through the real `township serve` on
/// SQLite, on PostgreSQL through one process and through two sharing one database, beside
/// PostgreSQL alone storing the same rows (``PostgresFloor``), in one process, side by side.
struct PostgresCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pg",
    abstract: "One round on SQLite and PostgreSQL, 1 and 2 processes: one JSON line per measure.",
    discussion: """
      Each configuration gets a fresh township (a new database on the server of \
      --database-url) and fresh devices. `writers` devices, each in a village of its own, \
      record changes/writers reports each and push them at once, device i to process \
      i mod processes; then as many devices, each in every village, pull all the reports \
      at once, the same way. Rates are changes moved per second of wall time.
      """)

  @Option(help: "The PostgreSQL server; each township gets a new database on it, dropped after.")
  var databaseURL: String

  @Option(help: "New reports (one change each) pushed in all, split over the writers.")
  var changes = 100_000

  @Option(help: "Changes per request.")
  var batch = 1_000

  @Option(help: "Devices pushing at once (and pulling at once).")
  var writers = 2

  @Option(
    parsing: .upToNextOption,
    help: "Configurations, in order: sqlite, pg1 (one process), pg2 (two processes).")
  var configurations = ["sqlite", "pg1", "pg2"]

  @Flag(
    inversion: .prefixedNo,
    help: "After pg1's push, PostgreSQL alone storing the rows it stored (pg-floor).")
  var floor = true

  @Option(
    help:
      "After pg1, fill its store to this many changes (copies of its rows, by SQL) and time an incremental sync of 10 against it and against an empty store; 0 skips."
  )
  var incrementalAt = 0

  // Not `--township`: the parent command's option of that name would take it.
  @Option(help: "The township binary; default: beside this benchmark.")
  var townshipBinary: String?

  func run() async throws {
    let binary =
      townshipBinary
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("township").path
    let server = try PostgresLocation(parsing: databaseURL)
    let root = (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "liaison-pg-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(atPath: root) }
    for name in configurations {
      await PostgresFloor.checkpoint(server)
      let processes = name == "pg2" ? 2 : 1
      let database =
        name == "sqlite" ? nil : "liaison_bench_\(UUID().uuidString.prefix(8).lowercased())"
      if let database { try await PostgresDatabases.create(database, on: server) }
      let township = TownshipUnderTest(
        binary: binary, directory: (root as NSString).appendingPathComponent(name),
        database: database.map { server.database($0) }, processes: processes)
      do {
        let figures = try await township.pushAndPull(
          reports: changes, writers: writers, batchSize: batch)
        print(figures.json(name))
        if name == "pg1", let location = township.database {
          if floor {
            await PostgresFloor.checkpoint(server)
            let floor = try await PostgresFloor.changesPerSecond(
              from: location, into: server, batch: batch)
            print(
              #"{"config": "pg-floor", "push": \#(Int(floor.rate)), "#
                + #""postgres_cpu_s": \#(String(format: "%.2f", floor.postgresCPU))}"#)
          }
          if incrementalAt > 0 {
            print(
              try await township.incremental(
                filledTo: incrementalAt, server: server, in: root))
          }
        }
        await township.stop()
      } catch {
        await township.stop()
        if let database { try? await PostgresDatabases.drop(database, on: server) }
        throw error
      }
      if let database { try await PostgresDatabases.drop(database, on: server) }
    }
  }
}
