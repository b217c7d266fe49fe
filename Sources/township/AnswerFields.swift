import Foundation
import LiaisonCodec
import LiaisonPresentation

/// Reading the members of a server's JSON answer, leniently: what is missing reads as empty,
/// since the command only presents what the server sent.
extension Dictionary where Key == String, Value == JSONValue {
  func text(_ key: String) -> String {
    if case .string(let value)? = self[key] { value } else { "" }
  }

  func integer(_ key: String) -> Int64? {
    if case .integer(let value)? = self[key] { value } else { nil }
  }

  func objects(_ key: String) -> [[String: JSONValue]] {
    guard case .array(let items)? = self[key] else { return [] }
    return items.compactMap { if case .object(let members) = $0 { members } else { nil } }
  }

  func texts(_ key: String) -> [String] {
    guard case .array(let items)? = self[key] else { return [] }
    return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
  }
}

/// Times and widths for the administrator's tables.
enum AdminPresentation {
  /// Tables fit the terminal, and 80 columns when the output is not one.
  static var width: Int { ReportPresentation.terminalWidth ?? 80 }

  /// How long ago `milliseconds` was, in one short unit: 5m, 3h, 2d.
  static func age(_ milliseconds: Int64, now: Date = Date()) -> String {
    let seconds = max(0, Int64(now.timeIntervalSince1970) - milliseconds / 1000)
    switch seconds {
    case ..<60: return "\(seconds)s"
    case ..<3600: return "\(seconds / 60)m"
    case ..<86_400: return "\(seconds / 3600)h"
    default: return "\(seconds / 86_400)d"
    }
  }

  /// Prints JSON for scripts as `liaison` does: pretty, sorted keys, Chinese unescaped.
  static func printJSON(_ value: JSONValue) {
    print(ReportPresentation.jsonText(value), terminator: "")
  }
}
