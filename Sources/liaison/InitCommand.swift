import ArgumentParser
import LiaisonCommandLine
import LiaisonMerge
import LiaisonStore

struct InitCommand: ParsableCommand {
  static var configuration: CommandConfiguration { .localized("init", key: "liaison.init") }

  @OptionGroup var storeOptions: StoreOptions

  @Option(help: .localized("liaison.option.name"))
  var name: String

  @Option(help: .localized("liaison.option.initVillage"))
  var village: [String]

  func validate() throws {
    if village.isEmpty { throw ValidationError(localized("common.needVillage")) }
  }

  func run() throws {
    var random = SystemRandomNumberGenerator()
    let villages = village.map { $0.precomposedNFC }
    let store = try ReplicaStore.create(
      in: storeOptions.directory, author: name.precomposedNFC, villages: villages,
      replica: ReplicaID.random(using: &random), now: currentTime())
    let info = try store.info()
    print(localized("liaison.init.created", ["name": info.author, "path": store.location]))
    print(
      localized(
        "liaison.init.villages",
        [
          "villages": info.villages.joined(separator: localized("common.listSeparator")),
          "device": info.id.description,
        ]))
  }
}
