import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonPresentation
import LiaisonSync

struct EnrollCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "enroll",
    abstract: "Issue a one-time enrolment code for a liaison's device and the villages it serves.",
    discussion: """
        township enroll --name 李伟 --village 东村 --village 西村
        township enroll --name 李伟 --village 东村 --format json
      The liaison then runs `liaison enroll --server URL --code CODE` on the device.
      """)

  @OptionGroup var administrator: AdministratorOptions

  @Option(help: "The liaison's name.")
  var name: String

  @Option(help: "A village the device may read and write; repeat for several.")
  var village: [String]

  @Option(help: "How long the code stays valid, in hours (at most 720).")
  var hours: Int64 = 24

  @Option(help: "table (the code alone on standard output) or json (code, name, villages, expiry).")
  var format = OutputFormat.table

  func validate() throws {
    if village.isEmpty { throw ValidationError("give at least one --village") }
    if !(1...720).contains(hours) { throw ValidationError("--hours must be 1 to 720") }
  }

  func run() async throws {
    let (name, villages, seconds) = (
      self.name.precomposedStringWithCanonicalMapping,
      village.map(\.precomposedStringWithCanonicalMapping), hours * 3600
    )
    // Through the administrator's client, so a refusal or an unreachable server reads in the
    // administrator's terms, not the device's ("your changes are kept...").
    let issued = try await administrator.withClient { client in
      try await client.issueEnrollment(name: name, villages: villages, expiresInSeconds: seconds)
    }
    if format == .json {
      AdminPresentation.printJSON(
        .object([
          "code": .string(issued.code), "name": .string(name),
          "villages": .array(villages.map { .string($0) }),
          "expires_at": .string(ReportPresentation.isoTime(issued.expiresAt)),
        ]))
      return
    }
    let expires = Date(timeIntervalSince1970: Double(issued.expiresAt) / 1000)
    print(issued.code)
    FileHandle.standardError.write(
      Data(
        "One-time code for \(name) (\(villages.joined(separator: ", "))), valid until \(expires)\n"
          .utf8))
  }
}

/// A refusal that prints as one line, without usage text.
struct CommandFailure: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
