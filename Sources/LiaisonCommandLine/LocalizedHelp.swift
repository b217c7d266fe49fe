import ArgumentParser
import LiaisonLocalization

extension ArgumentHelp {
  /// An option's help from the catalogue, with its longer discussion if the catalogue has one
  /// under `KEY.discussion`. ArgumentParser's own words (USAGE, OPTIONS, `--help`'s line)
  /// stay English.
  public static func localized(_ key: String, _ arguments: [String: String] = [:])
    -> ArgumentHelp
  {
    let discussionKey = "\(key).discussion"
    let discussion =
      Catalogue.english[discussionKey] == nil
      ? "" : LiaisonCommandLine.localized(discussionKey, arguments)
    return ArgumentHelp(LiaisonCommandLine.localized(key, arguments), discussion: discussion)
  }

  /// Like ``localized(_:_:)``, with the value's name shown in the usage line.
  public static func localized(_ key: String, valueName: String) -> ArgumentHelp {
    var help = localized(key)
    help.valueName = valueName
    return help
  }
}

extension CommandConfiguration {
  /// A command's configuration whose abstract and discussion come from the catalogue, under
  /// `PREFIX.abstract` and `PREFIX.discussion` (when the catalogue has one).
  public static func localized(
    _ name: String, key prefix: String, subcommands: [any ParsableCommand.Type] = []
  ) -> CommandConfiguration {
    let discussion =
      Catalogue.english["\(prefix).discussion"] == nil
      ? "" : LiaisonCommandLine.localized("\(prefix).discussion")
    return CommandConfiguration(
      commandName: name, abstract: LiaisonCommandLine.localized("\(prefix).abstract"),
      discussion: discussion, subcommands: subcommands)
  }
}
