import ArgumentParser
import LiaisonCommandLine
import LiaisonMerge
import LiaisonStore

struct EditCommand: ParsableCommand {
  static var configuration: CommandConfiguration { .localized("edit", key: "liaison.edit") }

  @OptionGroup var report: ReportSelection
  @OptionGroup var fields: FieldOptions

  func run() throws {
    let (store, reportID) = try report.resolve()
    var current: Location?
    if case .location(let location)? = try store.report(reportID)?.value(.location) {
      current = location
    }
    let values = try fields.values(currentLocation: current)
    if values.isEmpty { throw CommandFailure("liaison.edit.nothing") }
    try store.edit(reportID, ReportEdit(values: values), time: currentTime())
    let names = values.keys.sorted().map { localized.fieldName($0.rawValue) }
    print(
      localized(
        "liaison.edit.updated",
        [
          "id": reportID.short,
          "fields": names.joined(separator: localized("common.listSeparator")),
        ]
      ))
  }
}

struct NoteCommand: ParsableCommand {
  static var configuration: CommandConfiguration { .localized("note", key: "liaison.note") }

  @OptionGroup var report: ReportSelection

  @Argument(help: .localized("liaison.note.text"))
  var text: String

  func run() throws {
    let (store, reportID) = try report.resolve()
    try store.edit(reportID, .note(text.precomposedNFC), time: currentTime())
    print(localized("liaison.note.added", ["id": reportID.short]))
  }
}

struct DeleteCommand: ParsableCommand {
  static var configuration: CommandConfiguration { .localized("delete", key: "liaison.delete") }

  @OptionGroup var report: ReportSelection

  func run() throws {
    let (store, reportID) = try report.resolve()
    try store.edit(reportID, .delete, time: currentTime())
    print(localized("liaison.delete.done", ["id": reportID.short]))
  }
}

struct RestoreCommand: ParsableCommand {
  static var configuration: CommandConfiguration { .localized("restore", key: "liaison.restore") }

  @OptionGroup var report: ReportSelection

  func run() throws {
    let (store, reportID) = try report.resolve()
    try store.edit(reportID, .restore, time: currentTime())
    print(localized("liaison.restore.done", ["id": reportID.short]))
  }
}

extension ReportID {
  /// The first eight characters, enough to name a report in a device's store.
  var short: String { String(description.prefix(8)) }
}
