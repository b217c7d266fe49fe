/// Which audit entries the console's trail shows, newest first.
public struct AuditQuery: Sendable, Equatable {
  /// Only entries by this administrator or liaison, exactly.
  public var actor: String?
  /// Only entries of this action, exactly (`resolve conflict`, `sign in`...).
  public var action: String?
  /// Only entries whose subject starts with this (a report or device id, or a prefix).
  public var subject: String?
  /// Skip this many of the newest entries.
  public var offset = 0
  public var limit = 100

  public init() {}
}

/// A console session's start or end, which the audit trail records as actions `sign in` and
/// `sign out` with the administrator as actor and subject.
public enum SessionEvent: String, Sendable, CaseIterable {
  case signIn = "sign in"
  case signOut = "sign out"
}
