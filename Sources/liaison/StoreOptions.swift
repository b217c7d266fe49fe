import ArgumentParser
import Foundation
import LiaisonCommandLine
import LiaisonStore

/// The `--store` option every command shares, and how the store directory is found.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help: .localized("liaison.option.store"),
    completion: .directory)
  var store: String?

  /// The directory chosen by `--store`, `$LIAISON_HOME` or the default, in that order.
  var directory: String {
    if let store { return store }
    if let home = ProcessInfo.processInfo.environment["LIAISON_HOME"], !home.isEmpty { return home }
    return (PrivateFiles.homeDirectory as NSString).appendingPathComponent(".liaison")
  }

  /// Opens the store; says so on standard error while it upgrades a store an older `liaison`
  /// made, since that can take a while and happens once.
  func open(checkpointing: ReplicaStore.Checkpointing = .byTheWriter) throws -> ReplicaStore {
    var upgraded = false
    let store = try ReplicaStore.open(in: directory, checkpointing: checkpointing) { upgrade in
      upgraded = true
      FileHandle.standardError.write(
        Data(
          (localized(
            "liaison.upgrading",
            ["path": upgrade.location, "changes": String(upgrade.changes)]) + "\n").utf8))
    }
    if upgraded {
      FileHandle.standardError.write(Data((localized("liaison.upgraded") + "\n").utf8))
    }
    return store
  }
}

/// The writer's wall clock, in milliseconds since 1970: for display only, never for ordering.
func currentTime() -> Int64 {
  Int64((Date().timeIntervalSince1970 * 1000).rounded())
}
