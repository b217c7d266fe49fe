import ArgumentParser
import LiaisonCommandLine
import LiaisonMerge

/// A flag for every report field, shared by `new` and `edit`.
struct FieldOptions: ParsableArguments {
  @Option(help: .localized("liaison.option.village"))
  var village: String?

  @Option(help: .localized("common.option.oneOf", ["choices": choices(Category.allCases)]))
  var category: String?

  @Option(help: .localized("liaison.option.title"))
  var title: String?

  @Option(help: .localized("liaison.option.details"))
  var details: String?

  @Option(help: .localized("liaison.option.urgency", ["choices": choices(Urgency.allCases)]))
  var urgency: String?

  @Option(help: .localized("liaison.option.status", ["choices": choices(Status.allCases)]))
  var status: String?

  @Option(help: .localized("liaison.option.location"))
  var location: String?

  @Option(help: .localized("liaison.option.coordinates"))
  var coordinates: String?

  @Option(help: .localized("liaison.option.parties"))
  var parties: String?

  @Option(help: .localized("liaison.option.assignee"))
  var assignee: String?

  @Option(help: .localized("liaison.option.due"))
  var due: String?

  /// The raw text given for each field, in canonical field order.
  var given: [(Field, String)] {
    let all: [(Field, String?)] = [
      (.village, village), (.category, category), (.title, title), (.details, details),
      (.urgency, urgency), (.status, status), (.parties, parties), (.assignee, assignee),
      (.due, due),
    ]
    return all.compactMap { field, text in text.map { (field, $0) } }
  }

  /// Parses every field given; the location combines `--location` and `--coordinates`.
  func values(currentLocation: Location? = nil) throws -> [Field: FieldValue] {
    var values: [Field: FieldValue] = [:]
    for (field, text) in given { values[field] = try FieldValue.parse(text, for: field) }
    if location != nil || coordinates != nil {
      let text = location ?? currentLocation?.text ?? ""
      let point = coordinates ?? (location == nil ? currentLocation?.coordinatesText : nil)
      let parsed = try Location.parse(text: text, coordinates: point)
      values[.location] =
        parsed.text.allSatisfy(\.isWhitespace) && parsed.latitudeE7 == nil
        ? .absent : .location(parsed)
      try values[.location]?.validate(for: .location)
    }
    return values
  }
}

/// The values of an enumerated field as a person types them, each with its name in the
/// reader's language: `dispute (纠纷)`.
func choices<Value: RawRepresentable<String>>(_ values: [Value]) -> String {
  values.map { localized.choice(for: $0.rawValue) }
    .joined(separator: localized("common.listSeparator"))
}
