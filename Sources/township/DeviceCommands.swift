import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonCommandLine
import LiaisonPresentation
import LiaisonText

struct DevicesCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    .localized("devices", key: "township.devices")
  }

  @OptionGroup var administrator: AdministratorOptions
  @Option(help: .localized("common.option.format")) var format = OutputFormat.table

  func run() async throws {
    let answer = try await administrator.withClient { client in try await client.devices() }
    let devices = answer.objects("devices")
    func time(_ key: String, _ device: [String: JSONValue]) -> JSONValue {
      device.integer(key).map { .string(ReportPresentation.isoTime($0)) } ?? .null
    }
    if format == .json {
      AdminPresentation.printJSON(
        .array(
          devices.map { device in
            var members = device
            for key in ["enrolled", "last_seen", "revoked"] { members[key] = time(key, device) }
            return .object(members)
          }))
      return
    }
    guard !devices.isEmpty else {
      return print(localized("township.devices.none"))
    }
    let table = TextTable(columns: [
      .init(localized("township.column.device")),
      .init(localized("township.column.name"), flexible: true),
      .init(localized("township.column.villages"), minimumWidth: 6, flexible: true),
      .init(localized("township.column.lastSeen")),
      .init(localized("township.column.pending"), alignRight: true),
      .init(localized("township.column.key")), .init(localized("township.column.revoked")),
    ])
    let rows = devices.map { device in
      [
        String(device.text("replica").prefix(8)), device.text("name"),
        device.texts("villages").joined(separator: localized("common.listSeparator")),
        device.integer("last_seen").map { localized.time(milliseconds: $0) }
          ?? localized("township.devices.never"),
        String(device.integer("pending") ?? 0),
        // A device enrolled before signed changes has no key until its next sync sends it.
        device.text("key").isEmpty
          ? localized("common.none") : String(device.text("key").dropFirst(8).prefix(8)),
        device.integer("revoked").map { localized.day(milliseconds: $0) } ?? "",
      ]
    }
    print(table.render(rows: rows, maxWidth: AdminPresentation.width), terminator: "")
  }
}

struct RevokeCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration { .localized("revoke", key: "township.revoke") }

  @OptionGroup var administrator: AdministratorOptions
  @Argument(help: .localized("township.option.device"))
  var device: String
  @Option(help: .localized("township.option.reason"))
  var reason = ""

  func run() async throws {
    let (device, reason) = (
      self.device.precomposedStringWithCanonicalMapping,
      reason.precomposedStringWithCanonicalMapping
    )
    let answer = try await administrator.withClient { client in
      try await client.revoke(device: device, reason: reason)
    }
    print(
      localized(
        "township.revoke.done",
        ["name": answer.text("name"), "device": String(answer.text("replica").prefix(8))]))
  }
}
