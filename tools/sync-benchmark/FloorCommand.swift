import ArgumentParser
import Foundation

extension SQLiteFloor.Policy: ExpressibleByArgument {}
extension SQLiteFloor.Path: ExpressibleByArgument {}

/// `liaison-sync-bench floor`: SQLite alone, from Swift, storing the rows of a rows file
/// (`liaison-sync-bench --rows-out FILE`), as `row-size.py --rows FILE` does from Python.
struct FloorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "floor",
    abstract: "Time SQLite alone storing a push's rows: one JSON line per measure.",
    discussion: """
      Same rows, schema, pragmas (WAL, synchronous = FULL, cache_size = -32768), transactions \
      and checkpoint policy as `python3 tools/sync-benchmark/row-size.py --rows FILE`.
      """)

  @Option(help: "The rows file written by `liaison-sync-bench --rows-out`.")
  var rows: String

  @Option(help: "How Swift calls SQLite: raw (the C API) or grdb (cachedStatement).")
  var via: SQLiteFloor.Path = .raw

  @Option(
    help:
      "Checkpoints: none (wal_autocheckpoint = 0), auto (SQLite's default, 1,000 pages) or server (a passive checkpoint on another connection after each commit)."
  )
  var policy: SQLiteFloor.Policy = .none

  @Option(help: "Changes per transaction.")
  var batch = 1_000

  @Flag(help: "Check foreign keys, as GRDB does by default (off in SQLite and Python).")
  var foreignKeys = false

  @Option(help: "How many times to measure, each into a new file.")
  var times = 1

  @Option(help: "The scratch database file; default: beside the rows file.")
  var scratch: String?

  func run() throws {
    let loaded = try SQLiteFloor.Rows(path: rows)
    defer { loaded.free() }
    let path = scratch ?? rows + ".floor.sqlite"
    for _ in 0..<max(times, 1) {
      let rate = try SQLiteFloor.changesPerSecond(
        loaded, path: path, via: via, policy: policy, batch: batch, foreignKeys: foreignKeys)
      print(
        #"{"impl": "swift-\#(via.rawValue)", "policy": "\#(policy.rawValue)", "#
          + #""foreign_keys": \#(foreignKeys), "batch": \#(batch), "changes": \#(loaded.changes.count), "#
          + #""changes_per_s": \#(Int(rate))}"#)
    }
  }
}
