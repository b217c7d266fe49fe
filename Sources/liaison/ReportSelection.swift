import ArgumentParser
import LiaisonCommandLine
import LiaisonMerge
import LiaisonStore

/// The store and the report a command acts on: `--store` and an id or unique id prefix.
struct ReportSelection: ParsableArguments {
  @OptionGroup var storeOptions: StoreOptions

  @Argument(help: .localized("common.option.reportID"))
  var id: String

  /// Opens the store and resolves the id.
  func resolve() throws -> (ReplicaStore, ReportID) {
    let store = try storeOptions.open()
    return (store, try store.reportID(matching: id))
  }
}
