import Foundation
import LiaisonMerge
import LiaisonPostgres
import LiaisonStore
import LiaisonTownship

/// The fresh PostgreSQL database one simulation's processes share, made on the server the
/// user names and dropped after a passing run (a failing run keeps it, to be looked at).
struct SimulationDatabase: Sendable {
  /// The server, connected to through the database its URL names.
  let server: PostgresLocation
  let name: String
  /// The URL `township serve --database` takes, password included.
  let url: String

  /// Creates a database named after the seed on the server of `serverURL`.
  static func create(on serverURL: String, seed: UInt64) async throws -> SimulationDatabase {
    let server = try PostgresLocation(parsing: serverURL)
    let name =
      "liaison_sim_\(seed)_"
      + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(8)
    try await PostgresDatabases.create(name, on: server)
    guard var components = URLComponents(string: serverURL) else {
      throw SimulationFailure("seed \(seed): \(serverURL) is not a URL")
    }
    components.path = "/" + name
    guard let url = components.string else {
      throw SimulationFailure("seed \(seed): cannot name the database \(name) in \(serverURL)")
    }
    return SimulationDatabase(server: server, name: name, url: url)
  }

  func drop() async throws {
    try await PostgresDatabases.drop(name, on: server)
  }

  /// What the township holds once its processes have stopped: every report's state, and
  /// every logged change's dot by report, read through the backend's own storage.
  func snapshot(keys directory: String) async throws -> (
    states: [ReportID: ReportState], dots: [ReportID: Set<Dot>], changes: Int
  ) {
    let storage = try await PostgresTownshipStorage.open(
      try PostgresLocation(parsing: url),
      signingKey: try SigningKeyFile.load(
        (directory as NSString).appendingPathComponent(SigningKeyFile.fileName)),
      poolSize: 2)
    do {
      var states: [ReportID: ReportState] = [:]
      var dots: [ReportID: Set<Dot>] = [:]
      var changes = 0
      for state in try await storage.export(includeDeleted: true, by: "liaison-simulator", now: 0) {
        if states.updateValue(state, forKey: state.id) != nil {
          throw SimulationFailure("the township lists report \(state.id) twice")
        }
        let history = try await storage.history(of: state.id)
        changes += history.count
        dots[state.id] = Set(history.map(\.dot))
      }
      await storage.shutdown()
      return (states, dots, changes)
    } catch {
      await storage.shutdown()
      throw error
    }
  }
}
