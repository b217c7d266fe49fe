import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonPresentation
import LiaisonText

struct DevicesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "devices",
    abstract: "List enrolled devices: villages, last seen, changes waiting for them, revoked.",
    discussion: """
      DEVICE is the first 8 digits of the device's replica id: the same id `township \
      conflict show`, `township audit` and `--all-from` use, and what `township revoke` takes. \
      PENDING counts the changes to the device's villages that it has not pulled yet; it \
      drops to 0 when the device next syncs.
        township devices
        township devices --format json
      """)

  @OptionGroup var administrator: AdministratorOptions
  @Option(help: "table or json.") var format = OutputFormat.table

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
      return print("No device is enrolled yet; `township enroll --name NAME --village V` starts.")
    }
    let table = TextTable(columns: [
      .init("DEVICE"), .init("NAME", flexible: true),
      .init("VILLAGES", minimumWidth: 6, flexible: true),
      .init("LAST SEEN"), .init("PENDING", alignRight: true), .init("KEY"), .init("REVOKED"),
    ])
    let rows = devices.map { device in
      [
        String(device.text("replica").prefix(8)), device.text("name"),
        device.texts("villages").joined(separator: ", "),
        device.integer("last_seen").map(ReportPresentation.time) ?? "never",
        String(device.integer("pending") ?? 0),
        // A device enrolled before signed changes has no key until its next sync sends it.
        device.text("key").isEmpty ? "none" : String(device.text("key").dropFirst(8).prefix(8)),
        device.integer("revoked").map { String(ReportPresentation.time($0).prefix(10)) } ?? "",
      ]
    }
    print(table.render(rows: rows, maxWidth: AdminPresentation.width), terminator: "")
  }
}

struct RevokeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke",
    abstract: "Revoke a device: the server refuses it from its next request on.",
    discussion: """
      DEVICE is the device as `township devices` shows it (its replica id's first 8 \
      digits), any unique prefix of its replica or device id, or the liaison's name. The \
      reason goes into the audit trail.
        township revoke 9c1e --reason "设备丢失"
        township revoke 李伟 --reason "调离本乡"
      """)

  @OptionGroup var administrator: AdministratorOptions
  @Argument(
    help: "The device (a unique prefix of its replica or device id), or the liaison's name.")
  var device: String
  @Option(help: "Why; recorded in the audit trail (one line, at most 1000 characters).")
  var reason = ""

  func run() async throws {
    let (device, reason) = (
      self.device.precomposedStringWithCanonicalMapping,
      reason.precomposedStringWithCanonicalMapping
    )
    let answer = try await administrator.withClient { client in
      try await client.revoke(device: device, reason: reason)
    }
    print("Revoked \(answer.text("name"))'s device \(answer.text("replica").prefix(8)).")
  }
}
