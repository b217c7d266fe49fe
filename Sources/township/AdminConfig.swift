import Foundation
import LiaisonCodec
import LiaisonCommandLine
import LiaisonStore
import LiaisonTransport

/// What `township login` saves, and the report versions `township conflict show` last
/// showed: small JSON files readable by their owner only, in `$TOWNSHIP_HOME`, else
/// `$HOME/.township`.
struct AdminConfig {
  let server: String
  let token: String
  /// The server certificate `township login` pinned, in DER; nil for an `http://` server.
  let certificate: [UInt8]?

  /// What a command trusts when it talks to the saved server.
  var trust: ServerTrust { certificate.map { .pinned(certificate: $0) } ?? .insecureHTTP }

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
    var certificate: [UInt8]?
    if case .string(let base64)? = members["certificate"] {
      guard let der = Data(base64Encoded: base64) else { return nil }
      certificate = [UInt8](der)
    }
    return AdminConfig(server: server, token: token, certificate: certificate)
  }

  func save() throws {
    var members: [String: JSONValue] = ["server": .string(server), "token": .string(token)]
    if let certificate { members["certificate"] = .string(Data(certificate).base64EncodedString()) }
    try Self.write(.object(members), to: Self.file)
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
      throw CommandFailure(explaining: error)
    }
  }
}
