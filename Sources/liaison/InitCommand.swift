import ArgumentParser
import LiaisonMerge
import LiaisonStore

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create the store on this device.",
    discussion: """
      Run once per device. It never overwrites an existing store.
        liaison init --name 李伟 --village 东村 --village 西村
      """)

  @OptionGroup var storeOptions: StoreOptions

  @Option(help: "The liaison who uses this device; every change is attributed to this name.")
  var name: String

  @Option(help: "A village this device records reports for; repeat for several.")
  var village: [String]

  func validate() throws {
    if village.isEmpty { throw ValidationError("give at least one --village") }
  }

  func run() throws {
    var random = SystemRandomNumberGenerator()
    let villages = village.map { $0.precomposedNFC }
    let store = try ReplicaStore.create(
      in: storeOptions.directory, author: name.precomposedNFC, villages: villages,
      replica: ReplicaID.random(using: &random), now: currentTime())
    let info = try store.info()
    print("Created a store for \(info.author) at \(store.location)")
    print("Villages: \(info.villages.joined(separator: ", ")); device id \(info.id)")
  }
}
