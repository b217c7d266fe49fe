import Foundation
import LiaisonCodec

/// What `township login` saves, and the report versions `township conflict show` last
/// showed: small JSON files readable by their owner only, in `$TOWNSHIP_HOME`, else
/// `~/.township`.
struct AdminConfig {
  let server: String
  let token: String

  /// The directory of both files.
  static var directory: String {
    if let home = ProcessInfo.processInfo.environment["TOWNSHIP_HOME"], !home.isEmpty {
      return home
    }
    return (NSHomeDirectory() as NSString).appendingPathComponent(".township")
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

  /// Writes the file readable by its owner only: it may hold a credential.
  private static func write(_ value: JSONValue, to path: String) throws {
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
      let temporary = path + ".tmp"
      guard
        FileManager.default.createFile(
          atPath: temporary, contents: Data(CanonicalJSON.encode(value)),
          attributes: [.posixPermissions: 0o600])
      else { throw CommandFailure("cannot write \(temporary)") }
      // Renamed into place, so a crash never leaves a half-written credential.
      guard rename(temporary, path) == 0 else {
        throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))")
      }
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
    }
  }
}
