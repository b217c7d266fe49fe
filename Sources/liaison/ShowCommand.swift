import ArgumentParser
import LiaisonCodec
import LiaisonCommandLine
import LiaisonMerge
import LiaisonPresentation
import LiaisonStore

struct ShowCommand: ParsableCommand {
  static var configuration: CommandConfiguration { .localized("show", key: "liaison.show") }

  @OptionGroup var report: ReportSelection

  @Flag(help: .localized("liaison.option.history"))
  var history = false

  @Option(help: .localized("common.option.format"))
  var format = OutputFormat.table

  func run() throws {
    let (store, reportID) = try report.resolve()
    if history {
      let entries = try store.history(reportID)
      switch format {
      case .json: print(ReportPresentation.jsonText(.array(entries.map(Self.json))), terminator: "")
      case .table: print(entries.map(Self.text).joined(separator: "\n"))
      }
      return
    }
    guard let state = try store.report(reportID) else { throw StoreError.unknownReport(report.id) }
    switch format {
    case .json: print(ReportPresentation.jsonText(ReportPresentation.json(state)), terminator: "")
    case .table: print(ReportPresentation.text(state, localizer: localized), terminator: "")
    }
  }

  private static func text(_ entry: HistoryEntry) -> String {
    var lines = [
      localized(
        entry.signed ? "liaison.history.entry" : "liaison.history.entryUnsigned",
        [
          "sequence": String(entry.sequence),
          "time": localized.time(milliseconds: entry.attribution.time),
          "author": entry.attribution.author,
          "device": String(entry.dot.replica.description.prefix(8)),
          "counter": String(entry.dot.counter),
        ])
    ]
    for change in entry.fields {
      let old = ReportPresentation.display(change.old, localizer: localized)
      let new = ReportPresentation.display(change.new, localizer: localized)
      let field = localized.fieldName(change.field.rawValue)
      lines.append(
        "  " + localized("liaison.history.change", ["field": field, "old": old, "new": new]))
    }
    if let note = entry.note {
      lines.append("  " + localized("liaison.history.note", ["note": note]))
    }
    if let deleting = entry.deleting {
      lines.append(
        "  " + localized(deleting ? "liaison.history.deleted" : "liaison.history.restored"))
    }
    return lines.joined(separator: "\n")
  }

  private static func json(_ entry: HistoryEntry) -> JSONValue {
    var members: [String: JSONValue] = [
      "sequence": .integer(entry.sequence), "device": .string(entry.dot.replica.description),
      "counter": .integer(Int64(entry.dot.counter)), "author": .string(entry.attribution.author),
      "signed": .bool(entry.signed),
      "time": .string(ReportPresentation.isoTime(entry.attribution.time)),
      "fields": .object(
        Dictionary(
          uniqueKeysWithValues: entry.fields.map {
            (
              $0.field.rawValue,
              .object([
                "old": ReportPresentation.json($0.old), "new": ReportPresentation.json($0.new),
              ])
            )
          })),
    ]
    if let note = entry.note { members["note"] = .string(note) }
    if let deleting = entry.deleting { members["deleted"] = .bool(deleting) }
    return .object(members)
  }
}
