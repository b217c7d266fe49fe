import ArgumentParser
import Foundation
import LiaisonCommandLine
import LiaisonMerge
import LiaisonStore

struct NewCommand: ParsableCommand {
  static var configuration: CommandConfiguration { .localized("new", key: "liaison.new") }

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var fields: FieldOptions

  @Option(help: .localized("liaison.option.note"))
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
        "liaison.new.missing",
        ["flags": missing.map { "--\($0.rawValue)" }.joined(separator: ", ")])
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
      let hint =
        choices.isEmpty
        ? hint(for: field)
        : bracketed(choices.joined(separator: localized("common.listSeparator")))
      guard
        let answer = prompt(
          localized("liaison.new.ask", ["field": label(field), "hint": hint]))
      else {
        throw CommandFailure("liaison.new.notGiven", ["field": localized.fieldName(field.rawValue)])
      }
      do {
        return try FieldValue.parse(answer, for: field)
      } catch {
        FileHandle.standardError.write(Data("  \(localized.sentence(for: error))\n".utf8))
      }
    }
  }

  /// Asks for an optional field; an empty answer skips it.
  static func askOptional(_ field: Field) throws -> FieldValue? {
    while true {
      guard
        let answer = prompt(
          localized("liaison.new.askOptional", ["field": label(field), "hint": hint(for: field)])),
        !answer.isEmpty
      else { return nil }
      do {
        return try FieldValue.parse(answer, for: field)
      } catch {
        FileHandle.standardError.write(Data("  \(localized.sentence(for: error))\n".utf8))
      }
    }
  }

  /// A field's name as a prompt starts with it: `Category` in English, 类别 in Chinese.
  private static func label(_ field: Field) -> String {
    let name = localized.fieldName(field.rawValue)
    return name == field.rawValue ? field.rawValue.capitalized : name
  }

  private static func hint(for field: Field) -> String {
    switch field {
    case .category: bracketed(choices(Category.allCases))
    case .urgency: bracketed(choices(Urgency.allCases))
    case .status: bracketed(choices(Status.allCases))
    case .due: bracketed("YYYY-MM-DD")
    default: ""
    }
  }

  /// The choices after a prompt's field name, in the language's own brackets: ` (a, b)`, or
  /// （a、b） in Chinese.
  private static func bracketed(_ choices: String) -> String {
    localized("liaison.new.hint", ["choices": choices])
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
