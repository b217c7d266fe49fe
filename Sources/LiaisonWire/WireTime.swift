import Foundation

/// Times as the protocol and the command lines' JSON write them for people and scripts:
/// RFC 3339 in UTC with milliseconds, such as `2026-11-21T08:00:00.000Z`.
public enum WireTime {
  /// Milliseconds since 1970 as RFC 3339 text.
  public static func text(_ milliseconds: Int64) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
  }

  /// Reads back a time written by ``text(_:)``.
  public static func milliseconds(_ text: String) -> Int64? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.date(from: text).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
  }
}
