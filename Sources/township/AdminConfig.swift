import Foundation
import LiaisonCodec
import LiaisonStore

/// What `township login` saves, and the report versions `township conflict show` last
/// showed: small JSON files readable by their owner only, in `$TOWNSHIP_HOME`, else
/// `$HOME/.township`.
struct AdminConfig {
  let server: String
  let token: String

  /// The directory of both files.
  static var directory: String {
    if let home = ProcessInfo.processInfo.environment["TOWNSHIP_HOME"], !home.isEmpty {
      return home
    }
    return (PrivateFiles.homeDirectory as NSString).appendingPathComponent(".township")
  }

  static var file: String { (directory as NSString).appendingPathComponent("admin.json") }
  static var versionsFile: String {
    (directory as NSString).appendingPathComponent("shown-versions.json")
  }

  static func load() -> AdminConfig? {
    guard let members = read(file), case .string(let server)? = members["server"],
      case .string(let token)? = members["token"]
    else { return nil }
    return AdminConfig(server: server, token: token)
  }

  func save() throws {
    try Self.write(
      .object(["server": .string(server), "token": .string(token)]), to: Self.file)
  }

  /// The version of each report `township conflict show` last showed, by report id.
  static func shownVersions() -> [String: String] {
    (read(versionsFile) ?? [:]).compactMapValues { if case .string(let v) = $0 { v } else { nil } }
  }

  /// Remembers that the administrator has seen `version` of report `id`.
  static func rememberShown(_ id: String, version: String) throws {
    var versions = read(versionsFile) ?? [:]
    versions[id] = .string(version)
    try write(.object(versions), to: versionsFile)
  }

  private static func read(_ path: String) -> [String: JSONValue]? {
    guard let data = FileManager.default.contents(atPath: path),
      case .object(let members)? = try? JSONValue(parsing: Array(data))
    else { return nil }
    return members
  }

  /// Writes the file readable by its owner only, from the moment it exists: it may hold a
  /// credential. Renamed into place, so a crash never leaves a half-written one.
  private static func write(_ value: JSONValue, to path: String) throws {
    do {
      try PrivateFiles.save(CanonicalJSON.encode(value), to: path)
    } catch {
      throw CommandFailure(error.description)
    }
  }
}
