import Foundation
import LiaisonCodec
import LiaisonLocalization
import LiaisonMerge
import LiaisonText

/// Every report in a file, as `liaison export` and `township export` write it.
///
/// CSV is UTF-8 with a byte-order mark so spreadsheets keep Chinese text intact; JSON is the
/// shape of `liaison show --format json`, one object per report.
public enum ReportExport {
  /// The two formats.
  public enum Format: String, CaseIterable, Sendable {
    case csv
    case json
  }

  /// The CSV header, one column per field and then the conflicts and notes.
  public static let columns = [
    "id", "village", "category", "title", "details", "urgency", "status", "location", "latitude",
    "longitude", "parties", "assignee", "due", "deleted", "conflicts", "notes",
  ]

  /// The bytes of the whole export.
  public static func encode(_ states: [ReportState], as format: Format) -> [UInt8] {
    switch format {
    case .json:
      Array(ReportPresentation.jsonText(.array(states.map(ReportPresentation.json))).utf8)
    case .csv:
      CSV.encode(header: columns, rows: states.map(row))
    }
  }

  /// Writes the export to `output`, saying on standard error in `localizer`'s language how
  /// many reports went there, or to standard output when `output` is nil. The file itself is
  /// the same in every language: its column keys and values are what scripts read.
  public static func write(
    _ states: [ReportState], as format: Format, to output: String?,
    localizer: Localizer = Localizer(.english)
  ) throws(ExportError) {
    let bytes = encode(states, as: format)
    guard let output else { return FileHandle.standardOutput.write(Data(bytes)) }
    guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
      throw ExportError(path: output)
    }
    FileHandle.standardError.write(
      Data(
        (localizer("common.export.done", ["count": String(states.count), "path": output]) + "\n")
          .utf8))
  }

  /// An export file that could not be written.
  public struct ExportError: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "cannot write \(path)" }
  }

  /// One report's CSV row, provisional values with the conflicting fields named.
  public static func row(_ state: ReportState) -> [String] {
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
