import ArgumentParser
import LiaisonCommandLine

/// The field device's command line: record, edit, list, show and export reports offline.
@main
struct Liaison: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    .localized(
      "liaison", key: "liaison",
      subcommands: [
        InitCommand.self, NewCommand.self, EditCommand.self, NoteCommand.self, DeleteCommand.self,
        RestoreCommand.self, ListCommand.self, ShowCommand.self, StatusCommand.self,
        ExportCommand.self, EnrollCommand.self, RepinCommand.self, SyncCommand.self,
      ])
  }

  /// ArgumentParser's entry point, with errors said in the reader's language.
  static func main() async { await LocalizedMain.run(Self.self) }
}
