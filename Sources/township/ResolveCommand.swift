import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonCommandLine
import LiaisonSync

struct ResolveCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration { .localized("resolve", key: "township.resolve") }

  @OptionGroup var administrator: AdministratorOptions
  @Argument(help: .localized("common.option.reportID")) var id: String
  @Option(help: .localized("township.option.field")) var field: String?
  @Option(help: .localized("township.option.pick")) var pick: Int?
  @Option(help: .localized("township.option.value")) var value: String?
  @Option(help: .localized("township.option.coordinates"))
  var coordinates: String?
  @Option(help: .localized("township.option.allFrom"))
  var allFrom: String?
  @Option(help: .localized("township.option.reason"))
  var reason = ""
  @Option(help: .localized("township.option.expect"))
  var expect: String?

  func validate() throws {
    if allFrom != nil {
      if field != nil || pick != nil || value != nil || coordinates != nil {
        throw ValidationError(localized("township.resolve.allFromAlone"))
      }
      return
    }
    guard let field else {
      throw ValidationError(localized("township.resolve.needField"))
    }
    if coordinates != nil {
      if field.lowercased() != "location" {
        throw ValidationError(localized("township.resolve.coordinatesLocation"))
      }
      if pick != nil { throw ValidationError(localized("township.resolve.pickOrCoordinates")) }
      return
    }
    if (pick == nil) == (value == nil) {
      throw ValidationError(localized("township.resolve.pickOrValue"))
    }
  }

  func run() async throws {
    let (reportID, version) = try expectedVersion()
    var body: [String: JSONValue] = [
      "expect": .string(version), "reason": .string(reason.precomposedStringWithCanonicalMapping),
    ]
    if let allFrom { body["all_from"] = .string(allFrom.precomposedStringWithCanonicalMapping) }
    if let field { body["field"] = .string(field.lowercased()) }
    if let pick { body["pick"] = .integer(Int64(pick)) }
    if let value { body["value"] = .string(value.precomposedStringWithCanonicalMapping) }
    if let coordinates { body["coordinates"] = .string(coordinates) }
    let shown = id
    let request = body
    let answer = try await administrator.withClient { client in
      do {
        return try await client.resolve(reportID, request)
      } catch {
        guard case .refused(409, "stale", _)? = error as? SyncError else { throw error }
        throw CommandFailure("township.resolve.stale", ["id": shown])
      }
    }
    let newVersion = answer.text("version")
    try AdminConfig.rememberShown(answer.text("id"), version: newVersion)
    let remaining = answer.texts("remaining")
    let separator = localized("common.listSeparator")
    print(
      localized(
        "township.resolve.done",
        [
          "fields": answer.texts("resolved").map(localized.fieldName).joined(separator: separator),
          "id": String(answer.text("id").prefix(8)),
        ]))
    if !remaining.isEmpty {
      print(
        localized(
          "township.resolve.remaining",
          ["fields": remaining.map(localized.fieldName).joined(separator: separator)]))
    }
  }

  /// The report's full id and the version last shown of it, or --expect.
  private func expectedVersion() throws -> (String, String) {
    if let expect { return (id, expect) }
    let prefix = id.lowercased()
    let shown = AdminConfig.shownVersions().filter { $0.key.hasPrefix(prefix) }
    guard shown.count <= 1 else {
      throw CommandFailure(
        "township.resolve.ambiguous", ["count": String(shown.count), "prefix": id])
    }
    guard let (reportID, version) = shown.first else {
      throw CommandFailure("township.resolve.lookFirst", ["id": id])
    }
    return (reportID, version)
  }
}
