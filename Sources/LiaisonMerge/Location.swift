/// Where a report happened: a description, and optionally a point.
///
/// Coordinates are held as whole numbers of ten-millionths of a degree (about a centimetre),
/// never as floating point, so every implementation encodes the same bytes for the same point.
public struct Location: Hashable, Sendable {
  /// The place described in words, for example a hamlet or a landmark; empty when the
  /// location is a point without words. Empty text is "no text": the location's JSON then
  /// leaves `text` out, and text that is present is never blank (`protocol/merge.md` section 8).
  public let text: String
  /// Latitude in units of 1e-7 degree, from -900000000 to 900000000.
  public let latitudeE7: Int32?
  /// Longitude in units of 1e-7 degree, from -1800000000 to 1800000000.
  public let longitudeE7: Int32?

  /// Creates a location; coordinates come in pairs and are checked by ``FieldValue/validate(for:)``.
  public init(text: String, latitudeE7: Int32? = nil, longitudeE7: Int32? = nil) {
    self.text = text
    self.latitudeE7 = latitudeE7
    self.longitudeE7 = longitudeE7
  }

  /// The point as decimal degrees text, for example `31.2304,121.4737`, or nil.
  public var coordinatesText: String? {
    guard let latitudeE7, let longitudeE7 else { return nil }
    return Location.degreesText(latitudeE7) + "," + Location.degreesText(longitudeE7)
  }

  /// Formats ten-millionths of a degree as the shortest exact decimal.
  static func degreesText(_ value: Int32) -> String {
    let magnitude = Int64(value).magnitude
    let whole = magnitude / 10_000_000
    var fraction = String(magnitude % 10_000_000)
    fraction = String(repeating: "0", count: 7 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let sign = value < 0 ? "-" : ""
    return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
  }

  /// Parses decimal degrees with at most seven decimal places into ten-millionths.
  static func parseDegrees(_ text: Substring) -> Int64? {
    var rest = text.trimmingSpaces
    var negative = false
    if rest.first == "-" || rest.first == "+" {
      negative = rest.first == "-"
      rest = rest.dropFirst()
    }
    let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 3,
      parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let whole = Int64(parts[0])
    else { return nil }
    var fractionDigits = parts.count == 2 ? String(parts[1]) : ""
    guard fractionDigits.count <= 7, fractionDigits.allSatisfy({ $0.isASCII && $0.isNumber }),
      parts.count == 1 || !fractionDigits.isEmpty
    else { return nil }
    fractionDigits += String(repeating: "0", count: 7 - fractionDigits.count)
    let value = whole * 10_000_000 + (Int64(fractionDigits) ?? 0)
    return negative ? -value : value
  }
}

extension Substring {
  var trimmingSpaces: Substring {
    var result = self
    while result.first == " " { result = result.dropFirst() }
    while result.last == " " { result = result.dropLast() }
    return result
  }
}
