import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonCommandLine
import LiaisonPresentation
import LiaisonSync
import LiaisonWire

struct EnrollCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration { .localized("enroll", key: "township.enroll") }

  @OptionGroup var administrator: AdministratorOptions

  @Option(help: .localized("township.option.liaisonName"))
  var name: String

  @Option(help: .localized("township.option.village"))
  var village: [String]

  @Option(help: .localized("township.option.hours"))
  var hours: Int64 = 24

  @Option(help: .localized("township.option.enrolmentFormat"))
  var format = EnrolmentFormat.table

  @Option(
    help: .localized("township.option.linkServer"))
  var linkServer: String?

  func validate() throws {
    if village.isEmpty { throw ValidationError(localized("common.needVillage")) }
    if !(1...720).contains(hours) { throw ValidationError(localized("township.enroll.hours")) }
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
      throw CommandFailure("township.enroll.badLink", ["reason": localized.sentence(for: error)])
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
    print(issued.code)
    print(link)
    // English says the expiry as it always has (`2026-03-01 08:00:00 +0000`); other languages
    // in the reader's zone and words.
    let expires =
      localized.language == .english
      ? "\(Date(timeIntervalSince1970: Double(issued.expiresAt) / 1000))"
      : localized.time(milliseconds: issued.expiresAt)
    FileHandle.standardError.write(
      Data(
        (localized(
          "township.enroll.issued",
          [
            "name": name, "villages": villages.joined(separator: localized("common.listSeparator")),
            "expires": expires,
          ]) + "\n").utf8))
  }
}

/// `township enroll --format`.
enum EnrolmentFormat: String, ExpressibleByArgument, CaseIterable {
  case table
  case link
  case json
}
