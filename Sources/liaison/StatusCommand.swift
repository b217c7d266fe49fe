import ArgumentParser
import LiaisonCodec
import LiaisonCommandLine
import LiaisonPresentation
import LiaisonStore

struct StatusCommand: ParsableCommand {
  static var configuration: CommandConfiguration { .localized("status", key: "liaison.status") }

  @OptionGroup var storeOptions: StoreOptions

  @Option(help: .localized("common.option.format"))
  var format = OutputFormat.table

  @Flag(help: .localized("liaison.option.refused"))
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
    let link = try store.serverLink()?.url
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
            "server": .string(link ?? "not enrolled"),
            "last_sync": status.lastSync.map { .string(ReportPresentation.isoTime($0)) } ?? .null,
          ])), terminator: "")
    case .table:
      var lines = [
        localized("liaison.status.store", ["path": status.location]),
        localized("liaison.status.device", ["device": status.replica.id.description]),
        localized("liaison.status.liaison", ["name": status.replica.author]),
        localized(
          "liaison.status.villages",
          ["villages": status.replica.villages.joined(separator: localized("common.listSeparator"))]
        ),
        localized(
          "liaison.status.reports",
          [
            "reports": String(status.reports), "conflicted": String(status.conflictedReports),
            "deleted": String(status.deletedReports),
          ]),
        localized(
          "liaison.status.changes",
          ["changes": String(status.changes), "unsent": String(status.unsentChanges)]),
        link.map { localized("liaison.status.server", ["url": $0]) }
          ?? localized("liaison.status.notEnrolled"),
        status.lastSync.map {
          localized("liaison.status.lastSync", ["time": localized.time(milliseconds: $0)])
        } ?? localized("liaison.status.neverSynced"),
      ]
      if status.refusedChanges > 0 {
        lines.append(localized("liaison.status.refused", ["count": String(status.refusedChanges)]))
      }
      if status.unreadableChanges > 0 {
        lines.append(
          localized("liaison.status.unreadable", ["count": String(status.unreadableChanges)]))
      }
      print(lines.joined(separator: "\n"))
    }
  }
}
