import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonCommandLine
import LiaisonPostgres
import LiaisonPresentation
import LiaisonStore

/// `township verify`: the auditor's tamper-evidence check of a township's whole log.
struct VerifyCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration { .localized("verify", key: "township.verify") }

  @OptionGroup var location: StoreLocation
  @OptionGroup var database: DatabaseOption

  @Option(help: .localized("township.option.verifyFormat"))
  var format = OutputFormat.table

  func run() async throws {
    let directory = location.directory
    let result: LogVerification
    do {
      let live = isatty(STDERR_FILENO) != 0
      let progress: @Sendable (LogVerification.Progress) -> Void = { progress in
        guard live else { return }
        FileHandle.standardError.write(
          Data(
            ("\r"
              + localized(
                "township.verify.progress",
                ["changes": String(progress.changes), "total": String(progress.total)]) + "   ")
              .utf8))
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
      FileHandle.standardError.write(
        Data(
          (localized("township.verify.unreadable", ["reason": localized.sentence(for: error)])
            + "\n").utf8))
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
      localized(
        "township.verify.summary",
        [
          "changes": String(result.changes), "reports": String(result.reports),
          "path": directory, "signed": String(result.signed),
          "unsigned": String(result.unsigned),
        ])
    ]
    for bad in result.badChanges {
      lines.append(
        localized(
          "township.verify.badChange",
          [
            "sequence": String(bad.sequence), "dot": "\(bad.dot)",
            "report": String(bad.report.prefix(8)), "code": bad.code, "message": bad.message,
          ]))
    }
    for report in result.divergentReports {
      lines.append(localized("township.verify.badReport", ["report": report]))
    }
    lines.append(
      result.holds
        ? localized("township.verify.holds")
        : localized(
          "township.verify.failed",
          [
            "changes": String(result.badChanges.count),
            "reports": String(result.divergentReports.count),
          ]))
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
