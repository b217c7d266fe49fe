import ArgumentParser
import LiaisonCommandLine

struct InitCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration { .localized("init", key: "township.init") }

  @OptionGroup var location: StoreLocation
  @OptionGroup var database: DatabaseOption
  @OptionGroup var tls: TLSOptions

  @Option(help: .localized("township.option.firstAdministrator"))
  var name = "administrator"

  func run() async throws {
    // The certificate is checked first, so a mismatched key leaves no store behind.
    let identity = try tls.identity()
    if let postgres = try database.location() {
      let storage = try await database.create(
        postgres, directory: location.directory, administrator: name)
      await storage.shutdown()
    } else {
      _ = try location.create(administrator: name)
    }
    try ServerTLSFiles.save(identity, in: location.directory)
    ServerTLSFiles.announce(identity, in: location.directory)
  }
}
