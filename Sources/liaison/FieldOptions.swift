import ArgumentParser
import LiaisonMerge

/// A flag for every report field, shared by `new` and `edit`.
struct FieldOptions: ParsableArguments {
  @Option(help: "The village; one this device is enrolled for.")
  var village: String?

  @Option(help: "One of: \(Category.allCases.map(\.rawValue).joined(separator: ", ")).")
  var category: String?

  @Option(help: "A short title, 1 to 200 characters.")
  var title: String?

  @Option(help: "What happened, up to 20,000 characters. Empty clears it.")
  var details: String?

  @Option(
    help:
      "One of: \(Urgency.allCases.map(\.rawValue).joined(separator: ", ")) (new reports: normal).")
  var urgency: String?

  @Option(
    help: "One of: \(Status.allCases.map(\.rawValue).joined(separator: ", ")) (new reports: open).")
  var status: String?

  @Option(help: "Where, in words. Empty clears the location.")
  var location: String?

  @Option(help: "LATITUDE,LONGITUDE in decimal degrees, for example 31.2304,121.4737.")
  var coordinates: String?

  @Option(help: "The people involved.")
  var parties: String?

  @Option(help: "Who is handling it.")
  var assignee: String?

  @Option(help: "Due date, YYYY-MM-DD. Empty clears it.")
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
