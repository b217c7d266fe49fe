import ArgumentParser
import LiaisonCommandLine

/// The township office's command line: the sync server and the administrator's tools.
@main
struct Township: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    .localized(
      "township", key: "township",
      subcommands: [
        InitCommand.self, ServeCommand.self, LoginCommand.self, EnrollCommand.self,
        ConflictsCommand.self, ConflictCommand.self, ResolveCommand.self, ReportsCommand.self,
        ExportCommand.self, DevicesCommand.self, RevokeCommand.self, AuditCommand.self,
        AdminCommand.self, VerifyCommand.self, MigrateCommand.self, SummaryCommand.self,
      ])
  }

  /// ArgumentParser's entry point, with errors said in the reader's language.
  static func main() async { await LocalizedMain.run(Self.self) }
}
