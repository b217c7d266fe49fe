import ArgumentParser
import Foundation
import LiaisonLocalization

/// Runs a command line the way ArgumentParser's `main()` does, but says its errors in the
/// reader's language.
///
/// In English every byte is ArgumentParser's, as before. In Chinese an error of ours prints
/// as `错误：` and its catalogue sentence, and a usage error as its message and where help
/// is; ArgumentParser's own parsing messages (an unknown option, a missing argument) stay
/// in its English words. Exit codes are the same in every language.
public enum LocalizedMain {
  public static func run<Root: AsyncParsableCommand>(_ root: Root.Type) async -> Never {
    let command: any ParsableCommand
    do {
      command = try root.parseAsRoot()
    } catch {
      usageError(root, error)
    }
    do {
      if var asynchronous = command as? any AsyncParsableCommand {
        try await asynchronous.run()
      } else {
        var synchronous = command
        try synchronous.run()
      }
    } catch {
      failure(root, error)
    }
    exit(0)
  }

  private static func usageError<Root: ParsableCommand>(_ root: Root.Type, _ error: any Error)
    -> Never
  {
    let code = root.exitCode(for: error)
    guard localized.language != .english, code != .success else { root.exit(withError: error) }
    var lines = [localized("common.error", ["message": root.message(for: error)])]
    // ArgumentParser names the command whose help explains it: "See 'liaison init --help'".
    let full = root.fullMessage(for: error)
    if let match = full.firstMatch(of: /See '([^']+) --help'/) {
      lines.append(localized("common.seeHelp", ["command": String(match.1)]))
    }
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    exit(code.rawValue)
  }

  private static func failure<Root: ParsableCommand>(_ root: Root.Type, _ error: any Error)
    -> Never
  {
    // Help asked for after parsing, an exit code chosen, or English: ArgumentParser's way.
    let code = root.exitCode(for: error)
    guard localized.language != .english, code != .success, !(error is ExitCode) else {
      root.exit(withError: error)
    }
    let sentence = localized.sentence(for: error)
    FileHandle.standardError.write(
      Data((localized("common.error", ["message": sentence]) + "\n").utf8))
    exit(code.rawValue)
  }
}
