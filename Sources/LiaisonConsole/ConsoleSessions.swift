import Foundation

/// The console's signed-in sessions, kept in this process's memory.
///
/// A session is a random 256-bit id in an `HttpOnly` cookie, the administrator it stands for
/// and the CSRF token its forms carry. It ends at sign-out, or after ``idleLimit`` without a
/// request. Sessions are not stored in the township's database: with several `township
/// serve` processes on one PostgreSQL database, a session lives in the process that made it,
/// so a load balancer in front of them must keep an office's browser on one process (sticky
/// sessions), or the office signs in again on another.
public actor ConsoleSessions {
  /// One signed-in administrator.
  public struct Session: Sendable, Equatable {
    public let id: String
    public let administrator: String
    /// The token every form of this session carries (`csrf`).
    public let csrf: String
    /// The server's clock at the session's last request, in milliseconds.
    public var lastSeen: Int64
  }

  /// How long a session lasts without a request: 30 minutes.
  public static let idleLimit: Int64 = 30 * 60 * 1000

  private var sessions: [String: Session] = [:]

  public init() {}

  /// Starts a session for an administrator who just signed in.
  public func start(administrator: String, now: Int64) -> Session {
    dropIdle(now: now)
    let session = Session(
      id: Self.newSecret(), administrator: administrator, csrf: Self.newSecret(), lastSeen: now)
    sessions[session.id] = session
    return session
  }

  /// The session a cookie names, its idle time restarted; nil when unknown, ended or idle
  /// too long (and then forgotten).
  public func session(_ id: String, now: Int64) -> Session? {
    guard var session = sessions[id] else { return nil }
    guard now - session.lastSeen <= Self.idleLimit else {
      sessions[id] = nil
      return nil
    }
    session.lastSeen = now
    sessions[id] = session
    return session
  }

  /// Ends a session: its cookie is refused from now on.
  public func end(_ id: String) {
    sessions[id] = nil
  }

  private func dropIdle(now: Int64) {
    sessions = sessions.filter { now - $0.value.lastSeen <= Self.idleLimit }
  }

  /// 256 random bits, base64url without padding: a cookie value and a form field as is.
  static func newSecret() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }
}
