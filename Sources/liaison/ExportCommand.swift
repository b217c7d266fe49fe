import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonStore
import LiaisonText

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export every report as CSV (opens in spreadsheets) or JSON.",
    discussion: """
      CSV is UTF-8 with a byte-order mark so spreadsheets keep Chinese text intact, quoted \
      per RFC 4180; cells that a spreadsheet would run as formulas are prefixed with '.
        liaison export --format csv --output reports.csv
        liaison export --format json > reports.json
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case csv
    case json
  }

  @OptionGroup var storeOptions: StoreOptions

  @Option(help: "csv or json.")
  var format: Format

  @Option(help: "Write to this file instead of standard output.", completion: .file())
  var output: String?

  @Flag(help: "Include deleted reports.")
  var all = false

  static let columns = [
    "id", "village", "category", "title", "details", "urgency", "status", "location", "latitude",
    "longitude", "parties", "assignee", "due", "deleted", "conflicts", "notes",
  ]

  func run() throws {
    let store = try storeOptions.open()
    var states: [ReportState] = []
    try store.forEachReport(includeDeleted: all) { states.append($0) }
    let bytes: [UInt8]
    switch format {
    case .json:
      bytes = Array(ReportPresentation.jsonText(.array(states.map(ReportPresentation.json))).utf8)
    case .csv:
      bytes = CSV.encode(header: Self.columns, rows: states.map(Self.row))
    }
    if let output {
      guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
        throw CommandFailure("cannot write \(output)")
      }
      FileHandle.standardError.write(Data("Exported \(states.count) reports to \(output)\n".utf8))
    } else {
      FileHandle.standardOutput.write(Data(bytes))
    }
  }

  private static func row(_ state: ReportState) -> [String] {
    func text(_ field: Field) -> String { state.value(field).description }
    var location = ""
    var latitude = ""
    var longitude = ""
    if case .location(let value) = state.value(.location) {
      location = value.text
      if let point = value.coordinatesText?.split(separator: ",") {
        latitude = String(point[0])
        longitude = String(point[1])
      }
    }
    let notes = state.notes.chronological.map {
      "\(ReportPresentation.time($0.attribution.time)) \($0.attribution.author): \($0.text)"
    }
    return [
      state.id.description, text(.village), text(.category), text(.title), text(.details),
      text(.urgency), text(.status), location, latitude, longitude, text(.parties), text(.assignee),
      text(.due), state.isDeleted ? "yes" : "no",
      state.conflicts.map(\.rawValue).joined(separator: " "),
      notes.joined(separator: "\n"),
    ]
  }
}
