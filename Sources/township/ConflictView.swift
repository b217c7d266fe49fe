import Foundation
import LiaisonCodec
import LiaisonCommandLine
import LiaisonMerge
import LiaisonPresentation
import LiaisonStore
import LiaisonText

/// One report's conflicts as `township conflict show` presents them: each conflicting
/// field's values numbered as `township resolve --pick` takes them, then the clean fields.
struct ConflictView {
  let state: ReportState
  let version: String
  /// The name of each replica that wrote to the report, from the server.
  let names: [String: String]

  init(state: ReportState, version: String, writers: [[String: JSONValue]]) {
    self.state = state
    self.version = version
    var names: [String: String] = [:]
    for writer in writers { names[writer.text("replica")] = writer.text("name") }
    self.names = names
  }

  /// The liaison's name and the replica id's first 8 digits, so two devices of one liaison
  /// differ; `township resolve --all-from` takes either.
  func device(_ replica: ReplicaID) -> String {
    let prefix = replica.description.prefix(8)
    return names[replica.description].map { "\($0) (\(prefix))" }
      ?? localized("township.conflict.device", ["device": String(prefix)])
  }

  /// `text` line by line, each cut into pieces of at most `width` columns, indented.
  static func wrapped(_ text: String, width: Int, indent: String = "    ") -> String {
    let limit = max(10, width - DisplayWidth.of(indent))
    var output = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      for piece in DisplayWidth.wrap(DisplayWidth.singleLine(String(line)), toWidth: limit) {
        output += indent + piece + "\n"
      }
    }
    return output
  }

  /// The fields without a conflict that hold a value.
  var mergedFields: [Field] {
    let conflicts = Set(state.conflicts)
    return Field.valueFields.filter { field in
      guard !conflicts.contains(field) else { return false }
      if case .absent = state.value(field) { return false }
      return true
    }
  }

  /// A choice as the administrator reads it: values, and the deletion's two outcomes, in the
  /// command line's language.
  static func label(_ choice: ConflictChoice) -> String {
    switch choice.outcome {
    case .value(let value): ReportPresentation.display(value, localizer: localized)
    case .deletion(let deleting):
      localized(deleting ? "township.conflict.keepDeleted" : "township.conflict.restore")
    }
  }

  func text(width: Int) -> String {
    let short = state.id.description.prefix(8)
    // "Report " and the id take 45 columns; a long title is cut so the line still fits.
    let title = DisplayWidth.truncate(
      DisplayWidth.singleLine(state.value(.title).description), toWidth: max(10, width - 45))
    var output = localized(
      "township.conflict.heading", ["id": state.id.description, "title": title])
    let place = [
      "village": state.value(.village).description,
      "category": ReportPresentation.display(state.value(.category), localizer: localized),
    ]
    output +=
      "\n"
      + localized(
        state.isDeleted ? "township.conflict.placeDeleted" : "township.conflict.place", place)
    output += "\n" + localized("township.conflict.version", ["version": version]) + "\n"
    let conflicts = state.conflicts
    if conflicts.isEmpty {
      output += "\n" + localized("township.conflict.none") + "\n"
    }
    for field in conflicts {
      output +=
        "\n"
        + (field == .deleted
          ? localized("township.conflict.deletedField")
          : localized.fieldName(field.rawValue)) + "\n"
      let table = TextTable(columns: [
        .init(" #"), .init(localized("township.column.value"), minimumWidth: 10, flexible: true),
        .init(localized("township.column.device"), minimumWidth: 6, flexible: true),
        .init(localized("township.column.author"), flexible: true),
        .init(localized("township.column.time")),
      ])
      var rows: [[String]] = []
      for choice in state.choices(for: field) {
        for (index, write) in choice.writes.enumerated() {
          rows.append([
            index > 0 ? "" : (choice.isProvisional ? "*" : " ") + "\(choice.number)",
            index > 0 ? "" : Self.label(choice), device(write.dot.replica),
            write.attribution.author, localized.time(milliseconds: write.attribution.time),
          ])
        }
        if choice.writes.isEmpty { rows.append([" \(choice.number)", Self.label(choice)]) }
      }
      let rendered = table.render(rows: rows, maxWidth: width)
      output += rendered
      // A table cell shows one line, cut to fit: when any value did not fit whole, each is
      // printed in full below, so the administrator decides on what was really written.
      let choices = state.choices(for: field)
      let cut = choices.contains { choice in
        guard case .value = choice.outcome else { return false }
        let label = Self.label(choice)
        return label.contains(where: \.isNewline) || !rendered.contains(label)
      }
      if cut {
        output += localized("township.conflict.inFull") + "\n"
        for choice in choices {
          output += "\(choice.isProvisional ? "*" : " ")\(choice.number)\n"
          output += Self.wrapped(Self.label(choice), width: width)
        }
      }
    }
    let merged = mergedFields
    if !merged.isEmpty {
      output += "\n" + localized("township.conflict.merged") + "\n"
      let table = TextTable(columns: [
        .init(localized("township.column.field")),
        .init(localized("township.column.value"), flexible: true),
      ])
      output += table.render(
        rows: merged.map {
          [
            localized.fieldName($0.rawValue),
            ReportPresentation.display(state.value($0), localizer: localized),
          ]
        },
        maxWidth: width)
    }
    if let first = conflicts.first {
      let arguments = ["id": String(short), "field": first.rawValue]
      output += "\n" + localized("township.conflict.howToResolve", arguments) + "\n"
      output +=
        localized(
          first == .deleted
            ? "township.conflict.commandsDeleted" : "township.conflict.commands", arguments)
        + "\n"
    }
    return output
  }

  var json: JSONValue {
    let conflicts: [JSONValue] = state.conflicts.map { field in
      .object([
        "field": .string(field.rawValue),
        "values": .array(
          state.choices(for: field).map { choice in
            let value: JSONValue =
              switch choice.outcome {
              case .value(let value): ReportPresentation.json(value)
              case .deletion(let deleting): .bool(deleting)
              }
            return .object([
              "number": .integer(Int64(choice.number)), "value": value,
              "provisional": .bool(choice.isProvisional),
              "writes": .array(
                choice.writes.map { write in
                  .object([
                    "replica": .string(write.dot.replica.description),
                    "device": .string(device(write.dot.replica)),
                    "author": .string(write.attribution.author),
                    "time": .string(ReportPresentation.isoTime(write.attribution.time)),
                  ])
                }),
            ])
          }),
      ])
    }
    return .object([
      "id": .string(state.id.description), "version": .string(version),
      "deleted": .bool(state.isDeleted), "conflicts": .array(conflicts),
      "merged": .object(
        Dictionary(
          uniqueKeysWithValues: mergedFields.map {
            ($0.rawValue, ReportPresentation.json(state.value($0)))
          })),
    ])
  }
}
