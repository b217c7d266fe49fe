import ArgumentParser
import LiaisonCodec
import LiaisonPresentation
import LiaisonStore

struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show the store, this device's identity, and what has not been sent yet.",
    discussion: """
      A change the server refuses (for example an edit to a report that has moved to a village
      this device is not enrolled for) stays on this device but never reaches the township.
      `liaison status` counts them; `liaison status --refused` lists each with the server's
      reason, and any change the server sent that this device could not accept (kept, never
      applied, so one bad change never stops a sync).
      """)

  @OptionGroup var storeOptions: StoreOptions

  @Option(help: "table (for people) or json.")
  var format = OutputFormat.table

  @Flag(help: "List the changes the server refused, with its reasons.")
  var refused = false

  func run() throws {
    let store = try storeOptions.open()
    if refused {
      print(
        RefusedListing.render(
          try store.refusedChanges(), unreadable: try store.unreadableChanges(), format: format),
        terminator: "")
      return
    }
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
            "refused_changes": .integer(Int64(status.refusedChanges)),
            "unreadable_changes": .integer(Int64(status.unreadableChanges)),
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
      if status.refusedChanges > 0 {
        print(
          "Refused:      \(status.refusedChanges) changes the server refused "
            + "(liaison status --refused)")
      }
      if status.unreadableChanges > 0 {
        print(
          "Unreadable:   \(status.unreadableChanges) changes received that this device could "
            + "not accept (liaison status --refused)")
      }
    }
  }
}
