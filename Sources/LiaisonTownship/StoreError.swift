import LiaisonMerge

/// Why a store operation was refused. Each case reads as one line that names the problem and,
/// where there is one, what to do about it.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No store at the path: `liaison init` has not run there.
  case notInitialized(path: String)
  /// `init` found a store already there; it never overwrites one.
  case alreadyInitialized(path: String)
  /// The file exists but is not a SQLite database, or is damaged.
  case notAStore(path: String, reason: String)
  /// The store was written by a newer version of Liaison, which this one must not touch.
  case newerVersion(path: String)
  /// No report id starts with the prefix given.
  case unknownReport(String)
  /// Several report ids start with the prefix given.
  case ambiguousReport(String, matches: [ReportID])
  /// A report id prefix with characters no id has.
  case malformedReportID(String)
  /// A village this device is not enrolled for.
  case villageNotEnrolled(String, enrolled: [String])
  /// An edit or note on a deleted report, which must be restored first.
  case reportDeleted(ReportID)
  /// A value refused by the merge core's validation.
  case invalid(ValidationError)
  /// A request refused for who made it: no credential, a revoked one, a bad code...
  case access(AccessError)
  /// An administrator's request the store refused: a stale resolution, an unknown device...
  case admin(AdminError)
  /// A pushed body refused whole (not JSON, not a push's shape, too many changes): the
  /// transaction that read it commits nothing.
  case pushRefused(PushBatch.Refusal)
  /// A pull's cursor past the end of the township's log: not one this server gave out.
  case cursorBeyondLog(Int64, end: Int64)
  /// The database was busy past the store's timeout (another writer held it): worth a retry.
  case busy(String)
  /// The replica's signing key file cannot be used: others may read it, or it is not a key.
  case signingKey(String)
  /// A database failure, with the backend's own description of its cause (for SQLite its
  /// result code, message and statement).
  case database(String)

  public var description: String {
    switch self {
    case .notInitialized(let path):
      "no Liaison store at \(path); run `liaison init --name NAME --village VILLAGE` first"
    case .alreadyInitialized(let path):
      "a Liaison store already exists at \(path); it was left as it was"
    case .notAStore(let path, let reason):
      "\(path) is not a usable Liaison store (\(reason)); it was left as it was"
    case .newerVersion(let path):
      "the store at \(path) was written by a newer version of Liaison; upgrade liaison to use it"
    case .unknownReport(let prefix):
      "no report id starts with \"\(prefix)\"; `liaison list` shows the ids"
    case .ambiguousReport(let prefix, let matches):
      "\(matches.count) report ids start with \"\(prefix)\" (\(matches.prefix(3).map(\.description).joined(separator: ", "))\(matches.count > 3 ? ", ..." : "")); give more characters"
    case .malformedReportID(let prefix):
      "\"\(prefix)\" is not a report id or id prefix; ids are lowercase hexadecimal like 3f2a9c1e"
    case .villageNotEnrolled(let village, let enrolled):
      "this device is not enrolled for village \"\(village)\"; its villages are: \(enrolled.joined(separator: ", "))"
    case .reportDeleted(let id):
      "report \(id.description.prefix(8)) is deleted; `liaison restore \(id.description.prefix(8))` first"
    case .invalid(let error):
      error.description
    case .access(let error):
      error.description
    case .admin(let error):
      error.description
    case .pushRefused(let refusal):
      refusal.message
    case .cursorBeyondLog(let cursor, let end):
      "cursor \(cursor) is past the end of this server's log (\(end)): it is not one this server gave out (was the server restored from an older backup?); pull from the start"
    case .busy(let cause):
      "the database is busy (\(cause)); try again in a moment"
    case .signingKey(let problem):
      problem
    case .database(let message):
      "database error: \(message)"
    }
  }
}
