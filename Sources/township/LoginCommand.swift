import ArgumentParser
import Foundation
import LiaisonCommandLine
import LiaisonSync
import LiaisonTransport

struct LoginCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration { .localized("login", key: "township.login") }

  @Option(help: .localized("township.option.loginServer"))
  var server = AdministratorOptions.defaultServer

  @Option(help: .localized("township.option.loginPin"))
  var pin: String?

  @Option(help: .localized("township.option.loginToken"))
  var token: String

  func run() async throws {
    var token = self.token
    if token == "-" {
      token = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
      guard !token.isEmpty else { throw CommandFailure("township.login.noToken") }
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
    print(localized("township.login.done", ["server": server, "file": AdminConfig.file]))
  }
}

struct AdminCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    .localized("admin", key: "township.admin", subcommands: [AdminAddCommand.self])
  }
}

struct AdminAddCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration { .localized("add", key: "township.adminAdd") }

  @OptionGroup var administrator: AdministratorOptions
  @Argument(help: .localized("township.option.newAdministrator")) var name: String
  @Option(help: .localized("township.option.reason"))
  var reason = ""

  func run() async throws {
    let name = self.name.precomposedStringWithCanonicalMapping
    let reason = self.reason.precomposedStringWithCanonicalMapping
    let answer = try await administrator.withClient { client in
      try await client.addAdministrator(name: name, reason: reason)
    }
    print(answer.text("token"))
    FileHandle.standardError.write(
      Data((localized("township.adminAdd.token", ["name": name]) + "\n").utf8))
  }
}
