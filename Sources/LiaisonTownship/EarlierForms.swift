import LiaisonCodec

/// Forms of a change that earlier versions wrote and this one reads as they were meant, so a
/// liaison's write from a device not yet upgraded is not refused for its form alone
/// (`protocol/sync.md` section 3, "Earlier forms").
public enum EarlierForms {
  /// `change` in this version's form. Versions before schema v9 wrote coordinates given
  /// without words as `"text": ""` beside the point; this version leaves `text` out, and
  /// refuses blank text. The point is kept; only the empty text goes.
  public static func upgrade(_ change: JSONValue) -> JSONValue {
    guard case .object(var members) = change, case .object(var fields)? = members["fields"],
      case .object(var location)? = fields["location"],
      case .object(var value)? = location["value"], value["text"] == .string(""),
      value["latitude_e7"] != nil
    else { return change }
    value["text"] = nil
    location["value"] = .object(value)
    fields["location"] = .object(location)
    members["fields"] = .object(fields)
    return .object(members)
  }
}
