import ArgumentParser
import LiaisonMerge
import LiaisonStore

struct EditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Change some fields of a report; the others keep their values.",
    discussion: """
        liaison edit 3f2a --status in_progress --assignee 张主任
        liaison edit 3f2a --details ""          (an empty value clears an optional field)
      """)

  @OptionGroup var report: ReportSelection
  @OptionGroup var fields: FieldOptions

  func run() throws {
    let (store, reportID) = try report.resolve()
    var current: Location?
    if case .location(let location)? = try store.report(reportID)?.value(.location) {
      current = location
    }
    let values = try fields.values(currentLocation: current)
    if values.isEmpty {
      throw CommandFailure(
        "nothing to change: give at least one field, for example --status resolved")
    }
    try store.edit(reportID, ReportEdit(values: values), time: currentTime())
    print(
      "Updated \(reportID.short): \(values.keys.sorted().map(\.rawValue).joined(separator: ", "))")
  }
}

struct NoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "note",
    abstract: "Append a note to a report. Notes are never edited and never conflict.",
    discussion: "  liaison note 3f2a \"已电话联系双方\"")

  @OptionGroup var report: ReportSelection

  @Argument(help: "The note's text.")
  var text: String

  func run() throws {
    let (store, reportID) = try report.resolve()
    try store.edit(reportID, .note(text.precomposedNFC), time: currentTime())
    print("Added a note to \(reportID.short)")
  }
}

struct DeleteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete",
    abstract: "Delete a report. It is kept as a tombstone and can be restored.")

  @OptionGroup var report: ReportSelection

  func run() throws {
    let (store, reportID) = try report.resolve()
    try store.edit(reportID, .delete, time: currentTime())
    print("Deleted \(reportID.short); `liaison restore \(reportID.short)` undoes it")
  }
}

struct RestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore", abstract: "Restore a deleted report.")

  @OptionGroup var report: ReportSelection

  func run() throws {
    let (store, reportID) = try report.resolve()
    try store.edit(reportID, .restore, time: currentTime())
    print("Restored \(reportID.short)")
  }
}

extension ReportID {
  /// The first eight characters, enough to name a report in a device's store.
  var short: String { String(description.prefix(8)) }
}
