import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonPostgres
import LiaisonPresentation
import LiaisonStore

/// `township verify`: the auditor's tamper-evidence check of a township's whole log.
struct VerifyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check every change's signature and every report's state against its changes.",
    discussion: """
      Walks the whole change log in the store directory: every change's signature must hold \
      for its author's key (changes written before signed changes are counted as unsigned, \
      and allowed), and every report's stored state must equal the merge of its logged \
      changes. Exits 0 only when all of that holds, 1 when something does not, 2 when the \
      store cannot be read. It reads a snapshot, so a running server may go on serving.
        township verify --store /srv/township
        township verify --format json > verify.json
      """)

  @OptionGroup var location: StoreLocation
  @OptionGroup var database: DatabaseOption

  @Option(help: "table (a summary and each failure) or json.")
  var format = OutputFormat.table

  func run() async throws {
    let directory = location.directory
    let result: LogVerification
    do {
      let live = isatty(STDERR_FILENO) != 0
      let progress: @Sendable (LogVerification.Progress) -> Void = { progress in
        guard live else { return }
        FileHandle.standardError.write(
          Data("\rverified \(progress.changes) of \(progress.total) changes   ".utf8))
      }
      if let postgres = try database.location() {
        let storage = try await PostgresTownshipStorage.open(
          postgres, signingKey: try DatabaseOption.signingKey(in: directory), poolSize: 1)
        do {
          result = try await storage.verifyLog(progress: progress)
        } catch {
          await storage.shutdown()
          throw error
        }
        await storage.shutdown()
      } else {
        result = try TownshipStore.open(in: directory).verifyLog(progress: progress)
      }
      if live { FileHandle.standardError.write(Data("\n".utf8)) }
    } catch {
      FileHandle.standardError.write(Data("township verify: \(error)\n".utf8))
      throw ExitCode(2)
    }
    if format == .json {
      print(CanonicalJSON.string(Self.json(result)))
    } else {
      print(Self.text(result, directory: directory))
    }
    if !result.holds { throw ExitCode(1) }
  }

  static func text(_ result: LogVerification, directory: String) -> String {
    var lines = [
      "\(result.changes) changes in \(result.reports) reports at \(directory): "
        + "\(result.signed) signed, \(result.unsigned) unsigned (written before signed changes)"
    ]
    for bad in result.badChanges {
      lines.append(
        "BAD  change #\(bad.sequence) \(bad.dot) of report \(bad.report.prefix(8)): \(bad.code): \(bad.message)"
      )
    }
    for report in result.divergentReports {
      lines.append(
        "BAD  report \(report): its stored state differs from the merge of its logged changes")
    }
    lines.append(
      result.holds
        ? "OK: every signature holds, and every report is the merge of its changes"
        : "FAILED: \(result.badChanges.count) changes and \(result.divergentReports.count) reports do not hold"
    )
    return lines.joined(separator: "\n")
  }

  static func json(_ result: LogVerification) -> JSONValue {
    let bad: [JSONValue] = result.badChanges.map {
      .object([
        "sequence": .integer($0.sequence), "report": .string($0.report), "dot": .string($0.dot),
        "code": .string($0.code), "message": .string($0.message),
      ])
    }
    return .object([
      "holds": .bool(result.holds), "changes": .integer(Int64(result.changes)),
      "signed": .integer(Int64(result.signed)), "unsigned": .integer(Int64(result.unsigned)),
      "reports": .integer(Int64(result.reports)),
      "bad_changes": .array(bad),
      "divergent_reports": .array(result.divergentReports.map { .string($0) }),
    ])
  }
}
