import ArgumentParser

/// The township office's command line: the sync server and the administrator's tools.
@main
struct Township: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "township",
    abstract: "Run a township's Liaison sync server and administer it.",
    discussion: """
      Start a server over HTTPS on the embedded SQLite store (created on first run, with a \
      self-signed certificate whose fingerprint devices pin):
        township serve
      Or create the store first, to keep the administrator token apart from the server's \
      log:
        township init --store /srv/township && township serve --store /srv/township

      The store is in --store DIR, else $TOWNSHIP_HOME, else ~/.township.

      Administrators work over HTTPS, from any machine that reaches the server, pinning the \
      certificate's fingerprint that `township serve` printed:
        township login --server https://127.0.0.1:8080 --pin sha256:... --token -
        township enroll --name 李伟 --village 东村    (a code, and a link for the device)
        township conflicts
        township conflict show 3f2a
        township resolve 3f2a --field title --pick 2 --reason "乙方核实"
        township devices
        township audit 3f2a
      An auditor checks that no change was altered after it was signed:
        township verify --store /srv/township
      A township moves onto PostgreSQL, server stopped, with its devices' enrolments:
        township migrate --from /srv/township --to postgres://township@db:5432/township
      The token comes from --token, else $TOWNSHIP_TOKEN, else what `township login` \
      saved in $TOWNSHIP_HOME/admin.json, else ~/.township/admin.json.
      """,
    subcommands: [
      InitCommand.self, ServeCommand.self, LoginCommand.self, EnrollCommand.self,
      ConflictsCommand.self, ConflictCommand.self, ResolveCommand.self, ReportsCommand.self,
      ExportCommand.self, DevicesCommand.self, RevokeCommand.self, AuditCommand.self,
      AdminCommand.self, VerifyCommand.self, MigrateCommand.self, SummaryCommand.self,
    ])
}
