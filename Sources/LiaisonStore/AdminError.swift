import LiaisonMerge

/// Why the store refused an administrator's request. Each case names what was wrong and what
/// to do; ``code`` is the protocol's error code (`protocol/sync.md` section 6).
public enum AdminError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The report changed after the administrator looked at it: `current` is its version now.
  case stale(ReportID, current: String)
  /// A resolution named a field that holds no conflict.
  case notInConflict(ReportID, Field)
  /// The report holds no conflict at all.
  case noConflict(ReportID)
  /// `--pick N` outside the values shown.
  case noSuchValue(Field, pick: Int, count: Int)
  /// `--all-from DEVICE` names a device that wrote none of the concurrent values.
  case nothingFrom(String)
  /// No device has this id, id prefix or name.
  case unknownDevice(String)
  /// Several devices match the id prefix or name.
  case ambiguousDevice(String, matches: [String])

  /// The protocol's error code.
  public var code: String {
    switch self {
    case .stale: "stale"
    case .notInConflict, .noConflict: "not_in_conflict"
    case .noSuchValue: "no_such_value"
    case .nothingFrom: "nothing_from_device"
    case .unknownDevice: "unknown_device"
    case .ambiguousDevice: "ambiguous_device"
    }
  }

  public var description: String {
    switch self {
    case .stale(let id, let current):
      "report \(id.description.prefix(8)) changed since it was shown (now version \(current)); look at it again"
    case .notInConflict(let id, let field):
      "field \(field) of report \(id.description.prefix(8)) is not in conflict"
    case .noConflict(let id):
      "report \(id.description.prefix(8)) has no conflict to resolve"
    case .noSuchValue(let field, let pick, let count):
      "\(field) has \(count) concurrent values; pick 1 to \(count), not \(pick)"
    case .nothingFrom(let device):
      "device \(device) wrote none of the conflicting values of this report"
    case .unknownDevice(let text):
      "no device has the id, id prefix or name \"\(text)\"; `township devices` lists them"
    case .ambiguousDevice(let text, let matches):
      "\(matches.count) devices match \"\(text)\" (\(matches.prefix(3).joined(separator: ", "))); give more of the id"
    }
  }
}
