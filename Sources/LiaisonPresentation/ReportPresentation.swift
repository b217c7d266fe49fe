import Foundation
import LiaisonCodec
import LiaisonLocalization
import LiaisonMerge
import LiaisonText
import LiaisonWire

/// How reports, values and times read on a terminal and in JSON.
public enum ReportPresentation {
  /// A time in the reader's zone, to the minute: `2026-03-01 08:00`.
  public static func time(_ milliseconds: Int64) -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
  }

  /// A time as ISO 8601 in UTC, for scripts.
  public static func isoTime(_ milliseconds: Int64) -> String {
    WireTime.text(milliseconds)
  }

  /// Reads back a time written by ``isoTime(_:)``.
  public static func milliseconds(isoTime text: String) -> Int64? {
    WireTime.milliseconds(text)
  }

  /// The columns a terminal shows, or nil when output goes to a file or pipe.
  public static var terminalWidth: Int? {
    guard isatty(STDOUT_FILENO) != 0 else { return nil }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return Int(size.ws_col)
    }
    return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
  }

  /// A field value as JSON for scripts: text as strings, a location as an object, none as null.
  public static func json(_ value: FieldValue) -> JSONValue {
    guard case .location(let location) = value else { return value.json }
    var members: [String: JSONValue] = ["text": .string(location.text)]
    if let latitude = location.latitudeE7, let longitude = location.longitudeE7 {
      members["latitude"] = .number(Double(latitude) / 1e7)
      members["longitude"] = .number(Double(longitude) / 1e7)
    }
    return .object(members)
  }

  /// A whole report for scripts: provisional values, conflicts with every concurrent value,
  /// notes and the deletion state.
  public static func json(_ state: ReportState) -> JSONValue {
    var members: [String: JSONValue] = [
      "id": .string(state.id.description),
      "deleted": .bool(state.isDeleted),
      "conflicts": .array(state.conflicts.map { .string($0.rawValue) }),
      "notes": .array(
        state.notes.chronological.map { note in
          .object([
            "id": .string(note.dot.description), "text": .string(note.text),
            "author": .string(note.attribution.author),
            "time": .string(isoTime(note.attribution.time)),
          ])
        }),
    ]
    for field in Field.valueFields { members[field.rawValue] = json(state.value(field)) }
    var concurrent: [String: JSONValue] = [:]
    for field in state.conflicts where field != .deleted {
      concurrent[field.rawValue] = .array(
        state[field].entriesInProvisionalOrder.map { entry in
          .object([
            "value": json(entry.value), "author": .string(entry.attribution.author),
            "device": .string(entry.dot.replica.description),
            "time": .string(isoTime(entry.attribution.time)),
          ])
        })
    }
    if !concurrent.isEmpty { members["concurrent_values"] = .object(concurrent) }
    return .object(members)
  }

  /// Pretty JSON with sorted keys and unescaped text, ending in a newline.
  public static func jsonText(_ value: JSONValue) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(value)) ?? Data("null".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// The report as a person reads it: every field, conflicts side by side, then notes; field
  /// names, values and times in `localizer`'s language.
  public static func text(_ state: ReportState, localizer: Localizer = Localizer(.english))
    -> String
  {
    let words = localizer
    var lines: [String] = []
    let conflicts = Set(state.conflicts)
    lines.append(
      words(
        state.isDeleted ? "common.show.headingDeleted" : "common.show.heading",
        ["id": state.id.description]))
    if !conflicts.isEmpty {
      let names = state.conflicts.map { words.fieldName($0.rawValue) }
      lines.append(
        words(
          "common.show.inConflict",
          ["fields": names.joined(separator: words("common.listSeparator"))]))
    }
    func label(_ field: Field) -> String {
      words("common.show.label", ["field": words.fieldName(field.rawValue)])
    }
    let labelWidth = Field.valueFields.map { DisplayWidth.of(label($0)) }.max()!
    for field in Field.valueFields {
      let label = DisplayWidth.pad(label(field), toWidth: labelWidth)
      if conflicts.contains(field) {
        lines.append(words("common.show.conflictedField", ["label": label]))
        for (index, entry) in state[field].entriesInProvisionalOrder.enumerated() {
          let marker = index == 0 ? "*" : " "
          lines.append(
            "  \(marker) "
              + words(
                "common.show.concurrentValue",
                [
                  "value": display(entry.value, localizer: words),
                  "author": entry.attribution.author,
                  "device": String(entry.dot.replica.description.prefix(8)),
                  "time": words.time(milliseconds: entry.attribution.time),
                ]))
        }
        continue
      }
      let value = state.value(field)
      if case .absent = value { continue }
      let text = display(value, localizer: words)
      lines.append(
        "\(label) \(text.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: labelWidth + 1)))"
      )
    }
    if conflicts.contains(.deleted) {
      lines.append(words("common.show.deletionConflict"))
    }
    if !state.notes.isEmpty {
      lines.append(words("common.show.notes"))
      for note in state.notes.chronological {
        lines.append(
          "  \(words.time(milliseconds: note.attribution.time))  \(note.attribution.author): \(note.text)"
        )
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A value as a person reads it: `(none)` for no value, a category, urgency or status by
  /// its name in `localizer`'s language, a due date as that language writes dates.
  public static func display(_ value: FieldValue, localizer: Localizer = Localizer(.english))
    -> String
  {
    switch value {
    case .absent: localizer("common.noValue")
    case .category(let category): localizer.shownValue(category.rawValue)
    case .urgency(let urgency): localizer.shownValue(urgency.rawValue)
    case .status(let status): localizer.shownValue(status.rawValue)
    case .date(let date): localizer.calendarDate(date.description)
    default: value.description
    }
  }
}

extension Localizer {
  /// A category, urgency or status as the command lines show it: in English the word people
  /// type (`in_progress`), in other languages its name (办理中).
  public func shownValue(_ word: String) -> String {
    language == .english ? word : valueName(word)
  }
}
