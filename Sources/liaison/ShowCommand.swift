import ArgumentParser
import LiaisonCodec
import LiaisonMerge
import LiaisonPresentation
import LiaisonStore

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a report: every field, concurrent values if any, and notes.",
    discussion: """
      In a conflict every concurrent value is listed with its author, device and time; \
      the one marked * is the provisional value every device shows until an administrator \
      decides.
        liaison show 3f2a
        liaison show 3f2a --history      (every change: who, when, old and new values)
      """)

  @OptionGroup var report: ReportSelection

  @Flag(help: "Show every change to the report instead, oldest first.")
  var history = false

  @Option(help: "table (for people) or json.")
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
    case .table: print(ReportPresentation.text(state), terminator: "")
    }
  }

  private static func text(_ entry: HistoryEntry) -> String {
    var lines = [
      "#\(entry.sequence)  \(ReportPresentation.time(entry.attribution.time))  \(entry.attribution.author)"
        + "  (device \(entry.dot.replica.description.prefix(8)), change \(entry.dot.counter))"
        + (entry.signed ? "" : "  unsigned: written before signed changes")
    ]
    for change in entry.fields {
      let old = ReportPresentation.display(change.old)
      let new = ReportPresentation.display(change.new)
      lines.append("  \(change.field.rawValue): \(old) → \(new)")
    }
    if let note = entry.note { lines.append("  note: \(note)") }
    if let deleting = entry.deleting {
      lines.append(deleting ? "  deleted the report" : "  restored the report")
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
