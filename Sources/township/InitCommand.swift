import ArgumentParser

struct InitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract:
      "Create the server's store and TLS certificate, and print the first administrator token, once.",
    discussion: """
        township init --store /srv/township --name 王主任 --hostname township.local \\
          --hostname 192.168.1.10
        township init --store /srv/township --tls-cert chain.pem --tls-key key.pem
      It makes a P-256 key and a self-signed certificate (tls-key.pem and \
      tls-certificate.pem in the store, readable by you only) and prints the certificate's \
      fingerprint, sha256:..., which every enrolment link carries for devices to pin. With \
      --tls-cert the chain must end with its self-signed root: devices pin that root.
      Then `township serve --store /srv/township`, and on the administrator's machine \
      `township login --server https://HOST:8080 --pin sha256:... --token TOKEN`.
      With --database postgres://USER@HOST:PORT/DB (or $TOWNSHIP_DATABASE) the township's \
      data goes to that PostgreSQL database, and the store directory keeps the key files.
      """)

  @OptionGroup var location: StoreLocation
  @OptionGroup var database: DatabaseOption
  @OptionGroup var tls: TLSOptions

  @Option(help: "The first administrator's name, recorded in the audit trail.")
  var name = "administrator"

  func run() async throws {
    // The certificate is checked first, so a mismatched key leaves no store behind.
    let identity = try tls.identity()
    if let postgres = try database.location() {
      let storage = try await database.create(
        postgres, directory: location.directory, administrator: name)
      await storage.shutdown()
    } else {
      _ = try location.create(administrator: name)
    }
    try ServerTLSFiles.save(identity, in: location.directory)
    ServerTLSFiles.announce(identity, in: location.directory)
  }
}
