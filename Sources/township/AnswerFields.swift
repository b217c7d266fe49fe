import Foundation
import LiaisonCodec
import LiaisonCommandLine
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

  /// How long ago `milliseconds` was, in one short unit: 5m, 3h, 2d (5分钟, 3小时, 2天).
  static func age(_ milliseconds: Int64, now: Date = Date()) -> String {
    let seconds = max(0, Int64(now.timeIntervalSince1970) - milliseconds / 1000)
    let (key, count): (String, Int64) =
      switch seconds {
      case ..<60: ("township.age.seconds", seconds)
      case ..<3600: ("township.age.minutes", seconds / 60)
      case ..<86_400: ("township.age.hours", seconds / 3600)
      default: ("township.age.days", seconds / 86_400)
      }
    return localized(key, ["count": String(count)])
  }

  /// Prints JSON for scripts as `liaison` does: pretty, sorted keys, Chinese unescaped.
  static func printJSON(_ value: JSONValue) {
    print(ReportPresentation.jsonText(value), terminator: "")
  }
}
