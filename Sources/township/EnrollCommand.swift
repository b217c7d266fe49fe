import ArgumentParser
import Foundation
import LiaisonSync

struct EnrollCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "enroll",
    abstract: "Issue a one-time enrolment code for a liaison's device and the villages it serves.",
    discussion: """
        township enroll --name 李伟 --village 东村 --village 西村
      The liaison then runs `liaison enroll --server URL --code CODE` on the device.
      """)

  @OptionGroup var administrator: AdministratorOptions

  @Option(help: "The liaison's name.")
  var name: String

  @Option(help: "A village the device may read and write; repeat for several.")
  var village: [String]

  @Option(help: "How long the code stays valid, in hours (at most 720).")
  var hours: Int64 = 24

  func validate() throws {
    if village.isEmpty { throw ValidationError("give at least one --village") }
    if !(1...720).contains(hours) { throw ValidationError("--hours must be 1 to 720") }
  }

  func run() async throws {
    let token = try administrator.resolvedToken()
    let http = SyncClient.makeHTTPClient()
    do {
      let issued = try await SyncClient(
        baseURL: administrator.resolvedServer, token: token, http: http
      )
      .issueEnrollment(name: name, villages: village, expiresInSeconds: hours * 3600)
      try await http.shutdown()
      let expires = Date(timeIntervalSince1970: Double(issued.expiresAt) / 1000)
      print(issued.code)
      FileHandle.standardError.write(
        Data(
          "One-time code for \(name) (\(village.joined(separator: ", "))), valid until \(expires)\n"
            .utf8))
    } catch {
      try? await http.shutdown()
      throw CommandFailure("\(error)")
    }
  }
}

/// A refusal that prints as one line, without usage text.
struct CommandFailure: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
