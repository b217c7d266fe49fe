import ArgumentParser

/// The field device's command line: record, edit, list, show and export reports offline.
@main
struct Liaison: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "liaison",
    abstract: "Record and manage village reports on a field device, with or without a network.",
    discussion: """
      Reports live in a local store that survives power cuts; sync sends them to the \
      township server when a link appears. Ids can be shortened to any unique prefix, as \
      with git.

      Getting started:
        liaison init --name 李伟 --village 东村
        liaison new --category dispute --title 水渠纠纷 --details "两户争用水渠"
        liaison list
        liaison show 3f2a9c1e --history
        liaison enroll 'https://township.local:8080/enrol#code=CODE&pin=sha256:...'
        liaison sync

      The store is in --store DIR, else $LIAISON_HOME, else ~/.liaison.
      """,
    subcommands: [
      InitCommand.self, NewCommand.self, EditCommand.self, NoteCommand.self, DeleteCommand.self,
      RestoreCommand.self, ListCommand.self, ShowCommand.self, StatusCommand.self,
      ExportCommand.self, EnrollCommand.self, RepinCommand.self, SyncCommand.self,
    ])
}
