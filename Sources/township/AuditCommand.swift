import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonCommandLine
import LiaisonLocalization
import LiaisonMerge
import LiaisonPresentation
import LiaisonText

struct AuditCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration { .localized("audit", key: "township.audit") }

  @OptionGroup var administrator: AdministratorOptions
  @Argument(help: .localized("common.option.reportID")) var id: String?
  @Option(help: .localized("common.option.format")) var format = OutputFormat.table

  /// One line of the trail, whichever table it came from.
  struct Line {
    let time: Int64
    let who: String
    let what: String
    let reason: String
  }

  func run() async throws {
    let id = self.id
    let answer = try await administrator.withClient { client in try await client.audit(report: id) }
    if format == .json {
      var members = answer
      members["entries"] = .array(answer.objects("entries").map(Self.isoTimes))
      members["changes"] = answer["changes"].map { _ in
        .array(answer.objects("changes").map(Self.isoTimes))
      }
      AdminPresentation.printJSON(id == nil ? members["entries"]! : .object(members))
      return
    }
    // Devices are named everywhere by their replica id's first 8 digits, as `township
    // devices` and `conflict show` name them; the trail records the device id.
    let devices = try await administrator.withClient { client in try await client.devices() }
    var replicas: [String: String] = [:]
    for device in devices.objects("devices") {
      replicas[device.text("id")] = String(device.text("replica").prefix(8))
    }
    var lines = answer.objects("entries").map { entry in
      // Report ids are long; their first 8 characters name them, as everywhere.
      let subject = entry.text("subject")
      let named = replicas[subject] ?? (subject.count == 36 ? String(subject.prefix(8)) : subject)
      let detail = entry.text("detail")
      // The action is the trail's machine word (`revoke device`); people read its name.
      let action = entry.text("action")
      let actionKey = "township.action.\(action.replacingOccurrences(of: " ", with: "_"))"
      let arguments = [
        "action": Catalogue.english[actionKey] == nil ? action : localized(actionKey),
        "subject": named, "detail": detail,
      ]
      return Line(
        time: entry.integer("time") ?? 0, who: entry.text("actor"),
        what: localized(
          detail.isEmpty ? "township.audit.entry" : "township.audit.entryDetail", arguments),
        reason: entry.text("reason"))
    }
    lines += answer.objects("changes").enumerated().map { Self.line($1, first: $0 == 0) }
    lines.sort { $0.time < $1.time }
    guard !lines.isEmpty else { return print(localized("township.audit.empty")) }
    // Who and why are the point of an audit trail: they wrap, never cut, even in a pipe.
    let table = TextTable(columns: [
      .init(localized("township.column.time")),
      .init(localized("township.column.who"), minimumWidth: 10, flexible: true, wraps: true),
      .init(localized("township.column.what"), minimumWidth: 24, flexible: true, wraps: true),
      .init(localized("township.column.reason"), minimumWidth: 16, flexible: true, wraps: true),
    ])
    print(
      table.render(
        rows: lines.map { [localized.time(milliseconds: $0.time), $0.who, $0.what, $0.reason] },
        maxWidth: AdminPresentation.width), terminator: "")
  }

  /// A change to the report in words: created, or the fields it set, its note, its delete or
  /// restore; by its author and, when another person's device made it, that device.
  static func line(_ change: [String: JSONValue], first: Bool) -> Line {
    var parts: [String] = []
    if case .object(let fields)? = change["fields"] {
      for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
        guard case .object(let sides) = value, let field = Field(rawValue: name),
          let new = try? FieldValue(json: sides["new"] ?? .null, field: field, path: name)
        else { continue }
        parts.append(
          localized(
            "township.audit.set",
            [
              "field": localized.fieldName(name),
              "value": ReportPresentation.display(new, localizer: localized),
            ]))
      }
    }
    if first, case .object(let fields)? = change["fields"],
      case .object(let title)? = fields["title"],
      case .string(let text)? = title["new"]
    {
      parts = [localized("township.audit.created", ["title": text])]
    }
    if case .string(let note)? = change["note"] {
      parts.append(localized("township.audit.note", ["note": note]))
    }
    if case .bool(let deleting)? = change["deleted"] {
      parts.append(localized(deleting ? "township.audit.deleted" : "township.audit.restored"))
    }
    let (author, device) = (change.text("author"), change.text("device"))
    let replica = change.text("replica").prefix(8)
    // The server's own writes are resolutions, already named by their audit entry; a device
    // is its liaison's name and its replica id's first 8 digits, as `conflict show` has it.
    let who =
      device == "township"
      ? author
      : device.isEmpty || device == author
        ? "\(author) (\(replica))" : "\(author) (\(device) \(replica))"
    // A change written before its replica had a key is shown as such: the trail does not
    // vouch for what no signature does.
    if case .bool(false)? = change["signed"] { parts.append(localized("township.audit.unsigned")) }
    return Line(
      time: change.integer("time") ?? 0, who: who,
      what: parts.joined(separator: localized("township.audit.separator")),
      reason: "")
  }

  private static func isoTimes(_ members: [String: JSONValue]) -> JSONValue {
    var members = members
    if let time = members.integer("time") {
      members["time"] = .string(ReportPresentation.isoTime(time))
    }
    return .object(members)
  }
}
