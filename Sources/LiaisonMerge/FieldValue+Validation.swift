import Foundation

/// The limits of `protocol/merge.md`, counted in Unicode scalars so that every
/// implementation counts alike, whatever its grapheme rules.
public enum TextLimits {
  public static let village = 100
  public static let title = 200
  public static let details = 20_000
  public static let locationText = 500
  public static let parties = 2_000
  public static let assignee = 200
  public static let note = 20_000
  public static let author = 200
}

extension FieldValue {
  /// Parses a value typed by a person for `field`; empty text clears an optional field.
  ///
  /// Text is normalised to NFC here, at the edge, so the merge core only ever compares
  /// normalised text. Coordinates are parsed by ``Location/parse(text:coordinates:)``.
  public static func parse(_ input: String, for field: Field) throws(ValidationError) -> FieldValue
  {
    let text = input.precomposedStringWithCanonicalMapping
    // White space as `checkText` counts it, scalar by scalar: the Unicode White_Space property.
    if isBlank(text), field.isClearable {
      return .absent
    }
    let value = try word(text, for: field)
    try value.validate(for: field)
    return value
  }

  /// True when every scalar of `text` is white space (the Unicode White_Space property), or
  /// there is none: text that says nothing.
  public static func isBlank(_ text: String) -> Bool {
    for scalar in text.unicodeScalars {
      switch scalar.value {
      // No White_Space scalar is printable ASCII or lies above U+3000; most texts begin with
      // one of those, and the property table costs more than a short text's other checks.
      case 0x21...0x7E, 0x3001...: return false
      default: if !scalar.properties.isWhitespace { return false }
      }
    }
    return true
  }

  /// The value of `field` that `text` names as it stands, with no normalising and no check
  /// beyond the word itself: the category, urgency or status word, the date, or the text.
  public static func word(_ text: String, for field: Field) throws(ValidationError) -> FieldValue {
    let value: FieldValue
    switch field {
    case .category:
      guard let category = Category(rawValue: text) else {
        throw ValidationError(
          field: field.rawValue, value: text,
          problem: .notAllowed(Category.allCases.map(\.rawValue)))
      }
      value = .category(category)
    case .urgency:
      guard let urgency = Urgency(rawValue: text) else {
        throw ValidationError(
          field: field.rawValue, value: text, problem: .notAllowed(Urgency.allCases.map(\.rawValue))
        )
      }
      value = .urgency(urgency)
    case .status:
      guard let status = Status(rawValue: text) else {
        throw ValidationError(
          field: field.rawValue, value: text, problem: .notAllowed(Status.allCases.map(\.rawValue)))
      }
      value = .status(status)
    case .due:
      guard let date = CalendarDate(text) else {
        throw ValidationError(field: field.rawValue, value: text, problem: .invalidDate)
      }
      value = .date(date)
    case .location:
      value = .location(Location(text: text))
    case .deleted:
      throw ValidationError(field: field.rawValue, value: text, problem: .unknownField)
    default:
      value = .text(text)
    }
    return value
  }

  /// Checks that this value may stand in `field`: its kind, its length, its characters.
  public func validate(for field: Field) throws(ValidationError) {
    let name = field.rawValue
    if case .absent = self {
      if !field.isClearable { throw ValidationError(field: name, value: "", problem: .required) }
      return
    }
    switch (field, self) {
    case (.village, .text(let text)):
      try FieldValue.checkText(text, field: name, maximum: TextLimits.village, multiline: false)
    case (.title, .text(let text)):
      try FieldValue.checkText(text, field: name, maximum: TextLimits.title, multiline: false)
    case (.details, .text(let text)):
      try FieldValue.checkText(text, field: name, maximum: TextLimits.details, multiline: true)
    case (.parties, .text(let text)):
      try FieldValue.checkText(text, field: name, maximum: TextLimits.parties, multiline: true)
    case (.assignee, .text(let text)):
      try FieldValue.checkText(text, field: name, maximum: TextLimits.assignee, multiline: false)
    case (.category, .category), (.urgency, .urgency), (.status, .status), (.due, .date):
      return
    case (.location, .location(let location)):
      try location.validate()
    default:
      throw ValidationError(
        field: name, value: description, problem: .wrongType(expected: field.expectedKind))
    }
  }

  /// Whether the value is of the kind `field` holds; a cheap check for invariants.
  func fits(_ field: Field) -> Bool {
    switch (field, self) {
    case (_, .absent): field.isClearable
    case (.village, .text), (.title, .text), (.details, .text), (.parties, .text),
      (.assignee, .text), (.category, .category), (.urgency, .urgency), (.status, .status),
      (.due, .date), (.location, .location):
      true
    default: false
    }
  }

  /// Checks free text: not blank, within `maximum` scalars, no stray control characters, NFC,
  /// and reports the first of those faults in that order (`protocol/merge.md` section 11).
  ///
  /// Blank means every scalar has the Unicode White_Space property (section 8 lists them), so
  /// the empty string is blank too.
  public static func checkText(
    _ text: String, field: @autoclosure () -> String, maximum: Int, multiline: Bool
  ) throws(ValidationError) {
    if isBlank(text) {
      throw ValidationError(field: field(), value: text, problem: .empty)
    }
    // One pass over the scalars for the length, control characters and the NFC fast path:
    // every pushed and pulled change checks each of its texts.
    var count = 0
    var control = false
    var certainlyNFC = true
    for scalar in text.unicodeScalars {
      count += 1
      let value = scalar.value
      if value < 0x20 || value == 0x7f, !(multiline && (value == 0x0a || value == 0x09)) {
        control = true
      }
      if certainlyNFC, !isCertainlyNFC(value) { certainlyNFC = false }
    }
    if count > maximum {
      throw ValidationError(field: field(), value: text, problem: .tooLong(maximum: maximum))
    }
    if control {
      throw ValidationError(field: field(), value: text, problem: .controlCharacter)
    }
    if !certainlyNFC,
      !text.precomposedStringWithCanonicalMapping.utf8.elementsEqual(text.utf8)
    {
      throw ValidationError(field: field(), value: text, problem: .notNormalized)
    }
  }

  /// A fast path past Foundation's normaliser for the text liaisons write: every scalar is in a
  /// block where no character decomposes and none combines with its neighbour (Basic Latin to
  /// Spacing Modifiers, common punctuation, CJK symbols, kana without the combining sound marks,
  /// CJK ideographs, full-width forms). Anything else goes to the full check.
  private static func isCertainlyNFC(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3098, 0x309B...0x9FFF,
      0xFF00...0xFFEF:
      true
    default: false
    }
  }
}

extension Field {
  /// The kind of value the field holds, for error messages.
  var expectedKind: String {
    switch self {
    case .category: "one of \(Category.allowedList)"
    case .urgency: "one of \(Urgency.allowedList)"
    case .status: "one of \(Status.allowedList)"
    case .due: "a date YYYY-MM-DD"
    case .location: "a location"
    case .deleted: "a deletion"
    default: "text"
    }
  }
}

extension Location {
  /// Parses a place description and optional `LATITUDE,LONGITUDE` text typed by a person.
  ///
  /// Words that are only white space are no words: coordinates typed alone give a location
  /// whose ``Location/text`` is empty, which encodes without a `text` member. Without words or
  /// coordinates the result is empty, which ``FieldValue/validate(for:)`` refuses.
  public static func parse(text: String, coordinates: String?) throws(ValidationError) -> Location {
    var normalized = text.precomposedStringWithCanonicalMapping
    if FieldValue.isBlank(normalized) { normalized = "" }
    guard let coordinates, !coordinates.allSatisfy(\.isWhitespace) else {
      return Location(text: normalized)
    }
    let parts = coordinates.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2, let latitude = Location.parseDegrees(parts[0]),
      let longitude = Location.parseDegrees(parts[1]),
      abs(latitude) <= 900_000_000, abs(longitude) <= 1_800_000_000
    else {
      throw ValidationError(field: "location", value: coordinates, problem: .invalidCoordinates)
    }
    return Location(text: normalized, latitudeE7: Int32(latitude), longitudeE7: Int32(longitude))
  }

  /// Checks a location in the order of `protocol/merge.md` section 11, as its JSON members
  /// are read: the latitude's range, the longitude's, the text; then a half point, and a
  /// location with neither text nor point. Empty ``text`` means no words, not blank words.
  func validate() throws(ValidationError) {
    if let latitudeE7, abs(Int64(latitudeE7)) > 900_000_000 {
      throw ValidationError(
        field: "location", value: "\(latitudeE7)", problem: .invalidCoordinates)
    }
    if let longitudeE7, abs(Int64(longitudeE7)) > 1_800_000_000 {
      throw ValidationError(
        field: "location", value: "\(longitudeE7)", problem: .invalidCoordinates)
    }
    if !text.isEmpty {
      try FieldValue.checkText(
        text, field: "location", maximum: TextLimits.locationText, multiline: false)
    }
    if (latitudeE7 == nil) != (longitudeE7 == nil) {
      throw ValidationError(
        field: "location", value: "\((latitudeE7 ?? longitudeE7)!)", problem: .invalidCoordinates)
    }
    if text.isEmpty, latitudeE7 == nil {
      throw ValidationError(field: "location", value: "", problem: .empty)
    }
  }
}
