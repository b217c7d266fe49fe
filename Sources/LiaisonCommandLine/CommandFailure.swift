import LiaisonLocalization

/// A command that cannot do what was asked, for a reason the message names. Thrown from
/// `run()`, it prints as one line with no usage text: the arguments parsed, the request
/// itself was the problem.
public struct CommandFailure: Error, CustomStringConvertible {
  public let description: String

  /// The catalogue's sentence for `key`, in the language of the command line.
  public init(_ key: String, _ arguments: [String: String] = [:]) {
    description = localized(key, arguments)
  }

  /// An error from a library, in the command line's words (see ``Localizer/sentence(for:)``).
  public init(explaining error: any Error) {
    description = localized.sentence(for: error)
  }

  /// A sentence already in the reader's language.
  public init(sentence: String) {
    description = sentence
  }
}

/// The localizer of this process's command line: its language comes from `LIAISON_LANG`,
/// `LC_ALL`, `LC_MESSAGES` or `LANG` (see ``Language/from(environment:)``), read once.
public let localized = Localizer.current
