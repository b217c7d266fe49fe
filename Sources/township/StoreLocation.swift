import ArgumentParser
import Foundation
import LiaisonCommandLine
import LiaisonServer
import LiaisonStore

/// The `--store` option and how the server's store directory is found.
struct StoreLocation: ParsableArguments {
  @Option(
    help: .localized("township.option.store"),
    completion: .directory)
  var store: String?

  var directory: String {
    if let store { return store }
    if let home = ProcessInfo.processInfo.environment["TOWNSHIP_HOME"], !home.isEmpty {
      return home
    }
    return (PrivateFiles.homeDirectory as NSString).appendingPathComponent(".township")
  }

  /// Opens the store for the server, creating it on first run; the server checkpoints its log
  /// in the background. `upgrading` hears of an upgrade before it starts.
  func openOrCreate(upgrading: (StoreUpgrade) -> Void) throws -> TownshipStore {
    do {
      return try TownshipStore.open(
        in: directory, checkpointing: .inTheBackground, upgrading: upgrading)
    } catch {
      guard case .notInitialized = error else { throw error }
      return try create(administrator: "administrator", checkpointing: .inTheBackground)
    }
  }

  /// Creates the store with its first administrator and prints the token, once.
  func create(
    administrator: String, checkpointing: ReplicaStore.Checkpointing = .byTheWriter
  ) throws -> TownshipStore {
    let (store, token) = try TownshipStore.create(
      in: directory, administrator: administrator, now: TownshipClock.now(),
      checkpointing: checkpointing)
    Self.announce(
      created: localized("township.created.store", ["directory": directory]),
      administrator: administrator, token: token)
    return store
  }

  /// Says what was created and prints the first administrator's token, once.
  static func announce(created what: String, administrator: String, token: String) {
    // Written unbuffered: a server killed soon after must not have swallowed the only copy.
    FileHandle.standardOutput.write(
      Data(
        (localized(
          "township.created", ["what": what, "administrator": administrator, "token": token])).utf8)
    )
  }
}
