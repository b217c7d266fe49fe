import ArgumentParser
import LiaisonCodec
import LiaisonPresentation
import LiaisonStore

struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show the store, this device's identity, and what has not been sent yet.")

  @OptionGroup var storeOptions: StoreOptions

  @Option(help: "table (for people) or json.")
  var format = OutputFormat.table

  func run() throws {
    let store = try storeOptions.open()
    let status = try store.status()
    let server = try store.serverLink()?.url ?? "not enrolled"
    let lastSync = status.lastSync.map(ReportPresentation.time) ?? "never"
    switch format {
    case .json:
      print(
        ReportPresentation.jsonText(
          .object([
            "store": .string(status.location), "device": .string(status.replica.id.description),
            "liaison": .string(status.replica.author),
            "villages": .array(status.replica.villages.map { .string($0) }),
            "reports": .integer(Int64(status.reports)),
            "deleted_reports": .integer(Int64(status.deletedReports)),
            "conflicted_reports": .integer(Int64(status.conflictedReports)),
            "changes": .integer(Int64(status.changes)),
            "unsent_changes": .integer(Int64(status.unsentChanges)),
            "server": .string(server),
            "last_sync": status.lastSync.map { .string(ReportPresentation.isoTime($0)) } ?? .null,
          ])), terminator: "")
    case .table:
      print(
        """
        Store:        \(status.location)
        Device:       \(status.replica.id)
        Liaison:      \(status.replica.author)
        Villages:     \(status.replica.villages.joined(separator: ", "))
        Reports:      \(status.reports) (\(status.conflictedReports) in conflict, \(status.deletedReports) deleted)
        Changes:      \(status.changes) in the log, \(status.unsentChanges) not yet sent
        Server:       \(server)
        Last sync:    \(lastSync)
        """)
    }
  }
}
