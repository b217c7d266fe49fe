import ArgumentParser
import Foundation
import LiaisonSync
import LiaisonTransport

struct LoginCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "login",
    abstract: "Remember a server and an administrator token for the other commands.",
    discussion: """
      Reads the server's certificate, checks it is the one --pin names (the fingerprint \
      `township init` and `township serve` print), checks the token over a connection pinned \
      to that certificate, then saves the server, the certificate and the token in \
      $TOWNSHIP_HOME/admin.json, else ~/.township/admin.json, readable by you only. Every \
      later command trusts that certificate alone. --token and $TOWNSHIP_TOKEN still take \
      precedence over the saved token. With `--token -` the token is read from standard \
      input, so it stays out of the shell's history and the process list.
        township login --server https://township.local:8080 --pin sha256:3f... --token lsn_...
        township login --server https://township.local:8080 --pin sha256:3f... --token - < token.txt
      A server started with --insecure-http takes an http:// address and no pin.
      """)

  @Option(help: "The township server's address.")
  var server = AdministratorOptions.defaultServer

  @Option(help: "The pin of the server's certificate, sha256:...; default: $TOWNSHIP_PIN.")
  var pin: String?

  @Option(
    help:
      "An administrator token, as `township init` or `township admin add` printed; - reads it from standard input."
  )
  var token: String

  func run() async throws {
    var token = self.token
    if token == "-" {
      token = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
      guard !token.isEmpty else { throw CommandFailure("no token on standard input") }
    }
    let options = try AdministratorOptions.parse(
      ["--server", server, "--token", token] + (pin.map { ["--pin", $0] } ?? []))
    let trust: ServerTrust
    do { trust = try await options.resolvedTrust(for: server) } catch {
      throw CommandFailure(AdministratorOptions.explain(error))
    }
    _ = try await options.withClient(trust: trust) { client in try await client.devices() }
    var certificate: [UInt8]?
    if case .pinned(let pinned) = trust { certificate = pinned }
    try AdminConfig(server: server, token: token, certificate: certificate).save()
    print("Logged in to \(server); saved in \(AdminConfig.file).")
  }
}

struct AdminCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "admin",
    abstract: "Manage administrator credentials.",
    discussion: """
        township admin add 王主任      (prints the new token once)
      """,
    subcommands: [AdminAddCommand.self])
}

struct AdminAddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Create a further administrator credential and print its token, once.",
    discussion: """
      The new administrator's name is recorded with each of their actions in the audit trail.
        township admin add 王主任 --reason "乡长任命"
      """)

  @OptionGroup var administrator: AdministratorOptions
  @Argument(help: "The new administrator's name.") var name: String
  @Option(help: "Why; recorded in the audit trail (one line, at most 1000 characters).")
  var reason = ""

  func run() async throws {
    let name = self.name.precomposedStringWithCanonicalMapping
    let reason = self.reason.precomposedStringWithCanonicalMapping
    let answer = try await administrator.withClient { client in
      try await client.addAdministrator(name: name, reason: reason)
    }
    print(answer.text("token"))
    FileHandle.standardError.write(
      Data("Administrator token for \(name) (shown once; keep it safe)\n".utf8))
  }
}
