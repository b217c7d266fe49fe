import ArgumentParser
import Foundation
import LiaisonMerge
import LiaisonStore

struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Record a new report and print its id.",
    discussion: """
      Give fields as flags. On a terminal, fields that are missing are asked for one by \
      one; elsewhere (scripts) the required ones must be given.
        liaison new --category hazard --title 桥梁裂缝 --urgency high --location 村口石桥
      """)

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var fields: FieldOptions

  @Option(help: "A first note to attach.")
  var note: String?

  func run() throws {
    let store = try storeOptions.open()
    let info = try store.info()
    var values = try fields.values()
    if values[.village] == nil, info.villages.count == 1 {
      values[.village] = .text(info.villages[0])
    }
    let missing = Field.required.filter { values[$0] == nil }
    if Terminal.isInteractive {
      for field in missing {
        values[field] = try Terminal.ask(
          for: field, choices: field == .village ? info.villages : [])
      }
      if fields.details == nil, let details = try Terminal.askOptional(.details) {
        values[.details] = details
      }
      if fields.urgency == nil, let urgency = try Terminal.askOptional(.urgency) {
        values[.urgency] = urgency
      }
    } else if !missing.isEmpty {
      throw CommandFailure(
        "missing \(missing.map { "--\($0.rawValue)" }.joined(separator: ", ")); they are required for a new report"
      )
    }
    var random = SystemRandomNumberGenerator()
    let id = ReportID.random(using: &random)
    try store.create(values, note: note.map(\.precomposedNFC), id: id, time: currentTime())
    print(id)
  }
}

/// Asking a person at a terminal for what a command lacks.
enum Terminal {
  static var isInteractive: Bool {
    isatty(STDIN_FILENO) != 0 && isatty(STDERR_FILENO) != 0
  }

  /// Asks until the answer is valid for `field`; prompts go to standard error so standard
  /// output stays the command's result.
  static func ask(for field: Field, choices: [String]) throws -> FieldValue {
    while true {
      let hint = choices.isEmpty ? hint(for: field) : " (\(choices.joined(separator: ", ")))"
      guard let answer = prompt("\(field.rawValue.capitalized)\(hint): ") else {
        throw CommandFailure("no \(field.rawValue) given")
      }
      do {
        return try FieldValue.parse(answer, for: field)
      } catch {
        FileHandle.standardError.write(Data("  \(error)\n".utf8))
      }
    }
  }

  /// Asks for an optional field; an empty answer skips it.
  static func askOptional(_ field: Field) throws -> FieldValue? {
    while true {
      guard
        let answer = prompt("\(field.rawValue.capitalized)\(hint(for: field)) [Enter to skip]: "),
        !answer.isEmpty
      else { return nil }
      do {
        return try FieldValue.parse(answer, for: field)
      } catch {
        FileHandle.standardError.write(Data("  \(error)\n".utf8))
      }
    }
  }

  private static func hint(for field: Field) -> String {
    switch field {
    case .category: " (\(Category.allCases.map(\.rawValue).joined(separator: ", ")))"
    case .urgency: " (\(Urgency.allCases.map(\.rawValue).joined(separator: ", ")))"
    case .status: " (\(Status.allCases.map(\.rawValue).joined(separator: ", ")))"
    case .due: " (YYYY-MM-DD)"
    default: ""
    }
  }

  private static func prompt(_ text: String) -> String? {
    FileHandle.standardError.write(Data(text.utf8))
    return readLine(strippingNewline: true)
  }
}

extension String {
  /// The text in Unicode Normalization Form C, as the store keeps all text.
  var precomposedNFC: String { precomposedStringWithCanonicalMapping }
}
