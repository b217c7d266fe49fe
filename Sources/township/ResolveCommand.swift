import ArgumentParser
import Foundation
import LiaisonCodec
import LiaisonSync

struct ResolveCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resolve",
    abstract: "Decide a conflict: the decision syncs to every device like any edit.",
    discussion: """
      Run `township conflict show ID` first: resolve sends the version it showed, and the \
      server refuses the decision if the report changed since (look again, then decide). \
      Scripts may pass --expect VERSION instead. The decision, your name and the reason go \
      into the audit trail.
        township resolve 3f2a --field title --pick 2 --reason "乙方核实"
        township resolve 3f2a --field urgency --value high
        township resolve 3f2a --field deleted --pick 2    (2 keeps it deleted, 1 restores it)
        township resolve 3f2a --all-from 李伟 --reason "李伟在现场"
      """)

  @OptionGroup var administrator: AdministratorOptions
  @Argument(help: "The report id, or a unique prefix of it.") var id: String
  @Option(help: "The field to decide, as `township conflict show` names it.") var field: String?
  @Option(help: "Take the value numbered N in `township conflict show`.") var pick: Int?
  @Option(help: "Set this value instead (for deleted: yes or no).") var value: String?
  @Option(help: "Take every conflicting value this device wrote (id, prefix or name).")
  var allFrom: String?
  @Option(help: "Why; recorded in the audit trail.") var reason = ""
  @Option(help: "The version you decided on, for scripts; default: the one last shown.")
  var expect: String?

  func validate() throws {
    if allFrom != nil {
      if field != nil || pick != nil || value != nil {
        throw ValidationError("--all-from takes no --field, --pick or --value")
      }
      return
    }
    guard field != nil else {
      throw ValidationError("give --field F with --pick N or --value V, or --all-from DEVICE")
    }
    if (pick == nil) == (value == nil) {
      throw ValidationError("give exactly one of --pick N and --value V with --field")
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
    let shown = id
    let request = body
    let answer = try await administrator.withClient { client in
      do {
        return try await client.resolve(reportID, request)
      } catch {
        guard case .refused(409, "stale", _)? = error as? SyncError else { throw error }
        throw CommandFailure(
          "report changed since you looked; run `township conflict show \(shown)` again")
      }
    }
    let newVersion = answer.text("version")
    try AdminConfig.rememberShown(answer.text("id"), version: newVersion)
    let remaining = answer.texts("remaining")
    print(
      "Resolved \(answer.texts("resolved").joined(separator: ", ")) of \(answer.text("id").prefix(8)); "
        + "devices get the decision on their next sync.")
    if !remaining.isEmpty {
      print("Still in conflict: \(remaining.joined(separator: ", ")).")
    }
  }

  /// The report's full id and the version last shown of it, or --expect.
  private func expectedVersion() throws -> (String, String) {
    if let expect { return (id, expect) }
    let prefix = id.lowercased()
    let shown = AdminConfig.shownVersions().filter { $0.key.hasPrefix(prefix) }
    guard shown.count <= 1 else {
      throw CommandFailure(
        "\(shown.count) reports you have looked at start with \"\(id)\"; give more of the id")
    }
    guard let (reportID, version) = shown.first else {
      throw CommandFailure(
        "look at the conflict first: run `township conflict show \(id)`, then resolve (scripts may pass --expect VERSION)"
      )
    }
    return (reportID, version)
  }
}
