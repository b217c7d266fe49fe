import ArgumentParser

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create the server's store and print the first administrator token, once.",
    discussion: """
        township init --store /srv/township --name 王主任
      Then `township serve --store /srv/township`, and on the administrator's machine \
      `township login --server URL --token TOKEN`.
      """)

  @OptionGroup var location: StoreLocation

  @Option(help: "The first administrator's name, recorded in the audit trail.")
  var name = "administrator"

  func run() throws {
    _ = try location.create(administrator: name)
  }
}
