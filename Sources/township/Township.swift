import ArgumentParser

/// The township office's command line: the sync server and, later, the administrator's tools.
@main
struct Township: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "township",
    abstract: "Run a township's Liaison sync server and administer it.",
    discussion: """
      Start a server on the embedded SQLite store (created on first run):
        township serve
      Or create the store first, to keep the administrator token apart from the server's \
      log:
        township init --store /srv/township && township serve --store /srv/township

      The store is in --store DIR, else $TOWNSHIP_HOME, else ~/.township.
      """,
    subcommands: [InitCommand.self, ServeCommand.self, EnrollCommand.self])
}
