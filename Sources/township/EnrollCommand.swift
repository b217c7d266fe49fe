import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonPresentation
import LiaisonSync
import LiaisonWire

struct EnrollCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "enroll",
    abstract:
      "Issue a one-time enrolment code and link for a liaison's device and the villages it serves.",
    discussion: """
      Prints the code on the first line and the enrolment link on the second:
        https://HOST:PORT/enrol#code=CODE&pin=sha256:...
      The link carries the server's address, the code and the pin of the server's \
      certificate; the liaison runs `liaison enroll LINK` on the device, which then trusts \
      that certificate alone. Give the link by a channel you trust (in person, a QR code, a \
      message you know the sender of): whoever holds it can enrol once, until it expires.
        township enroll --name 李伟 --village 东村 --village 西村
        township enroll --name 李伟 --village 东村 --format link
        township enroll --name 李伟 --village 东村 --format json
        township enroll --name 李伟 --village 东村 \\
          --link-server https://192.168.1.10:8080
      `--format link` prints the link alone, for scripts; `--format json` the code, link, \
      name, villages and expiry. --link-server is the address devices use when it is not \
      the one you reach the server by (you at localhost, devices over the LAN).
      """)

  @OptionGroup var administrator: AdministratorOptions

  @Option(help: "The liaison's name.")
  var name: String

  @Option(help: "A village the device may read and write; repeat for several.")
  var village: [String]

  @Option(help: "How long the code stays valid, in hours (at most 720).")
  var hours: Int64 = 24

  @Option(
    help:
      "table (the code, then the link), link (the link alone) or json (code, link, name, villages, expiry)."
  )
  var format = EnrolmentFormat.table

  @Option(
    help: ArgumentHelp(
      "The server's address as devices reach it, for the link.",
      discussion: "Default: the address this command reaches the server by (--server)."))
  var linkServer: String?

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
    let link: EnrolmentLink
    do {
      link = try EnrolmentLink(
        server: linkServer ?? administrator.resolvedServer, code: issued.code, pin: issued.pin)
    } catch {
      throw CommandFailure("cannot make the enrolment link: \(error)")
    }
    switch format {
    case .link:
      print(link)
      return
    case .json:
      AdminPresentation.printJSON(
        .object([
          "code": .string(issued.code), "link": .string(link.description), "name": .string(name),
          "villages": .array(villages.map { .string($0) }),
          "expires_at": .string(ReportPresentation.isoTime(issued.expiresAt)),
        ]))
      return
    case .table:
      break
    }
    let expires = Date(timeIntervalSince1970: Double(issued.expiresAt) / 1000)
    print(issued.code)
    print(link)
    FileHandle.standardError.write(
      Data(
        "One-time code for \(name) (\(villages.joined(separator: ", "))), valid until \(expires)\n"
          .utf8))
  }
}

/// `township enroll --format`.
enum EnrolmentFormat: String, ExpressibleByArgument, CaseIterable {
  case table
  case link
  case json
}

/// A refusal that prints as one line, without usage text.
struct CommandFailure: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
