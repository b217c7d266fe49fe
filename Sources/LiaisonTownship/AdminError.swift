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
  /// An administrator already has this name: the audit trail tells them apart by name.
  case nameTaken(String)
  /// A value resolution while the report's deletion is still in conflict: the new value would
  /// be one more edit the delete has not seen, and change what the deletion conflict offers.
  case deletionUndecided(ReportID)
  /// The device was revoked already, at `at` (the server's clock); that time stands.
  case alreadyRevoked(name: String, device: String, at: Int64)

  /// The protocol's error code.
  public var code: String {
    switch self {
    case .stale: "stale"
    case .notInConflict, .noConflict: "not_in_conflict"
    case .noSuchValue: "no_such_value"
    case .nothingFrom: "nothing_from_device"
    case .unknownDevice: "unknown_device"
    case .ambiguousDevice: "ambiguous_device"
    case .nameTaken: "name_taken"
    case .alreadyRevoked: "already_revoked"
    case .deletionUndecided: "deletion_undecided"
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
    case .nameTaken(let name):
      "an administrator is already called \"\(name)\"; choose another name, so the audit trail tells them apart"
    case .deletionUndecided(let id):
      "decide whether the report stays deleted first: township resolve \(id.description.prefix(8)) --field deleted --pick 1 (restore it) or --pick 2 (keep it deleted); or take a device's values, deletion included, with --all-from"
    case .alreadyRevoked(let name, let device, _):
      "\(name)'s device \(device.prefix(8)) was revoked already; `township devices` shows when"
    }
  }
}
