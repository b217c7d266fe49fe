import ArgumentParser
import Foundation
import LiaisonMerge
import LiaisonStore
import LiaisonSync
import LiaisonTestKit
import LiaisonTransport
import LiaisonWire

/// Push N new reports from one device to the real township server over loopback, pull them
/// to a second device, and time an incremental sync against a loaded and an empty server.
@main
struct SyncBenchmark: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "liaison-sync-bench",
    abstract:
      "Benchmark sync over loopback against the real township server (build with -c release).",
    subcommands: [
      FloorCommand.self, SignaturesCommand.self, FillCommand.self, PostgresCommand.self,
    ])

  @Option(help: "How many reports device A pushes and device B pulls.")
  var reports = 100_000

  @Option(help: "Changes per request.")
  var batchSize = 1_000

  @Option(
    help:
      "Repeat the push, the pull and the baselines on fresh servers and devices, and report medians."
  )
  var rounds = 1

  @Flag(
    inversion: .prefixedNo,
    help: "Also time the push without HTTP and raw SQLite on the same rows (slow at 1,000,000).")
  var baselines = true

  @Flag(
    help: ArgumentHelp(
      "Serve over TLS (the server's self-signed certificate), the devices pinning it.",
      discussion:
        "Without it the servers run with --insecure-http. The serving rates are measured only over plain HTTP: their client speaks HTTP over a bare socket."
    ))
  var tls = false

  @Option(help: "The township binary; default: beside this benchmark.")
  var township: String?

  @Option(
    help: ArgumentHelp(
      "Copy the last round's stored report and change rows, and their schema, into this file.",
      discussion: "For `liaison-sync-bench floor --rows FILE` and `row-size.py --rows FILE`."))
  var rowsOut: String?

  mutating func run() async throws {
    let binary =
      township
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("township").path
    let root = (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "liaison-sync-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(atPath: root) }

    var measured: [Round] = []
    var last: (server: Server, b: ReplicaStore)?
    for round in 0..<max(rounds, 1) {
      if let (server, _) = last {
        // A round's stores take gigabytes at 1,000,000 changes; only the last one is kept.
        server.stop()
        try? FileManager.default.removeItem(
          atPath: (root as NSString).appendingPathComponent("round-\(round - 1)"))
      }
      let (figures, server, b) = try await measure(
        binary: binary, in: (root as NSString).appendingPathComponent("round-\(round)"))
      measured.append(figures)
      last = (server, b)
    }
    guard let (loaded, b) = last else { return }
    if let rowsOut {
      try SQLiteFloor.saveRows(
        fromStore: ((loaded.server.directory as NSString).appendingPathComponent(
          ReplicaStore.fileName)), to: rowsOut)
    }
    func median(_ value: (Round) -> Double) -> Double {
      let values = measured.map(value).sorted()
      return values[values.count / 2]
    }

    // Ten fresh changes from a new, small device, against the loaded server and against an
    // empty one: only the server differs. The new device starts where B's pull ended, as if
    // it had pulled everything already, so its sync sends and reads only what is new.
    let d = try await loaded.device("d", in: root)
    _ = try d.applyPulled([], cursor: try b.serverLink()?.cursor ?? 0)
    let incrementalLoaded = try await Self.incremental(d, records: 10)
    let empty = try await Server(
      binary: binary, directory: (root as NSString).appendingPathComponent("empty"), tls: tls)
    let c = try await empty.device("c", in: root)
    let incrementalEmpty = try await Self.incremental(c, records: 10)
    loaded.stop()
    empty.stop()

    let push = median(\.push)
    /// A rate and, over several rounds, each round's; "-" for one not measured.
    func rate(_ value: (Round) -> Double) -> String {
      let figure = median(value)
      guard figure.isFinite else { return "- (plain HTTP only)" }
      return "\(Int(figure)) changes/s"
        + (measured.count > 1 ? " (rounds: \(measured.map { Int(value($0)) }))" : "")
    }
    var rows: [(String, String)] = [
      (
        "transport",
        tls
          ? "TLS, the devices pinning the server's certificate; changes signed"
          : "plain HTTP (--insecure-http); changes signed"
      ),
      (
        "reports",
        "\(reports), batches of \(batchSize)"
          + (measured.count > 1 ? "; medians of \(measured.count) rounds" : "")
      ),
      ("push, device A to server", rate(\.push)),
      ("push serving rate, a client that sends prepared bodies", rate(\.servePush)),
      ("pull, server to device B", rate(\.pull)),
      ("pull serving rate, a client that reads and discards", rate(\.serve)),
      ("server peak resident memory", "\(Int(median(\.peakMegabytes))) MB"),
      (
        "incremental sync of 10, server with \(reports) changes",
        String(format: "%.1f ms", incrementalLoaded * 1000)
      ),
      ("incremental sync of 10, empty server", String(format: "%.1f ms", incrementalEmpty * 1000)),
      ("ratio loaded / empty", String(format: "%.2f", incrementalLoaded / incrementalEmpty)),
    ]
    if baselines {
      rows.insert(
        contentsOf: [
          (
            "push without HTTP (body parse + TownshipStore.push)",
            "\(Int(median(\.storeOnly))) changes/s"
          ),
          (
            "raw SQLite (C API, server's checkpoints), the server's rows, schema and batches",
            "\(Int(median(\.raw))) changes/s"
          ),
          ("end-to-end push / raw SQLite", String(format: "%.2f", push / median(\.raw))),
          (
            "push serving rate / raw SQLite",
            String(format: "%.2f", median(\.servePush) / median(\.raw))
          ),
          (
            "push without HTTP / raw SQLite",
            String(format: "%.2f", median(\.storeOnly) / median(\.raw))
          ),
        ], at: 6)
    }
    for (name, value) in rows { print("| \(name) | \(value) |") }
  }

  /// One round's rates, in changes (or rows) per second.
  struct Round {
    var push: Double
    var pull: Double
    var peakMegabytes: Double
    var serve = Double.nan
    var servePush = Double.nan
    var storeOnly = Double.nan
    var raw = Double.nan
  }

  /// A fresh server and devices A and B: A records and pushes, B pulls, then the baselines.
  /// Returns the loaded server, still running, and B.
  func measure(binary: String, in root: String) async throws -> (Round, Server, ReplicaStore) {
    let loaded = try await Server(
      binary: binary, directory: (root as NSString).appendingPathComponent("server"), tls: tls)
    let a = try await loaded.device("a", in: root)
    let b = try await loaded.device("b", in: root)
    try Self.record(reports, at: a)
    let batches = baselines ? try ServerSideBaseline.batches(of: a, size: batchSize) : []

    var started = Date()
    let pushed = try await Synchronizer(store: a, batchSize: batchSize).run(now: { 0 })
    let pushSeconds = Date().timeIntervalSince(started)
    started = Date()
    let pulled = try await Synchronizer(store: b, batchSize: batchSize).run(now: { 0 })
    let pullSeconds = Date().timeIntervalSince(started)
    var round = Round(
      push: Double(pushed.sent) / pushSeconds, pull: Double(pulled.received) / pullSeconds,
      peakMegabytes: Double(loaded.peakMegabytes()))
    if !tls {
      try await serve(
        round: &round, loaded: loaded, a: a, b: b, pulled: pulled, pushed: pushed,
        binary: binary, in: root)
    }
    if baselines {
      round.storeOnly = try ServerSideBaseline.storeOnly(
        batches, replica: try a.info().id, key: a.signer.publicKey,
        in: (root as NSString).appendingPathComponent("store-only"))
      // The floor from the C API with the server's own checkpoints, here in the round right
      // after the push; `run.sh` also measures it alone, beside Python's, under each policy.
      let rowsFile = (root as NSString).appendingPathComponent("rows.sqlite")
      try SQLiteFloor.saveRows(
        fromStore: (root as NSString).appendingPathComponent("server/\(ReplicaStore.fileName)"),
        to: rowsFile)
      let rows = try SQLiteFloor.Rows(path: rowsFile)
      defer { rows.free() }
      round.raw = try SQLiteFloor.changesPerSecond(
        rows, path: (root as NSString).appendingPathComponent("raw.sqlite"), via: .raw,
        policy: .server, batch: batchSize, foreignKeys: false)
    }
    return (round, loaded, b)
  }

  /// The serving rates, over plain HTTP only (``ServingClient`` speaks HTTP over a bare
  /// socket): the pull again by a client that discards, and the push again to a fresh server
  /// by a client that sends prepared bodies.
  func serve(
    round: inout Round, loaded: Server, a: ReplicaStore, b: ReplicaStore, pulled: SyncProgress,
    pushed: SyncProgress, binary: String, in root: String
  ) async throws {
    // The same pull again, from the start, by a client that discards what it reads: the
    // server's own serving rate, beside the device's pull that applies every page.
    guard let link = try b.serverLink() else { throw SQLiteFloor.FloorError("B has no server") }
    let served = try ServingClient(url: loaded.url, token: link.token).pullEverything(
      limit: batchSize)
    guard served.cursor == link.cursor else {
      throw SQLiteFloor.FloorError(
        "the discarding pull ended at \(served.cursor), B's at \(link.cursor)")
    }
    round.serve = Double(pulled.received) / served.seconds
    // The same push to a fresh server, by a client that sends A's batches prepared
    // beforehand: the server's own serving rate, beside the device's push, which also reads
    // its log and records each answer in its own store.
    let fresh = try await Server(
      binary: binary, directory: (root as NSString).appendingPathComponent("push-serving"),
      tls: false)
    let token = try await fresh.enrol(replica: try a.info().id, key: a.signer.publicKey)
    let pushBodies = try ServerSideBaseline.batches(of: a, size: batchSize, includingSent: true)
    round.servePush =
      Double(pushed.sent)
      / (try ServingClient(url: fresh.url, token: token).pushEverything(pushBodies))
    fresh.stop()
  }

  static func record(
    _ count: Int, at store: ReplicaStore, seed: UInt64 = 7, village: String = "东村"
  ) throws {
    var random = SeededGenerator(seed: seed)
    try store.transaction { transaction in
      for index in 0..<count {
        let time = 1_772_323_200_000 + Int64(index)
        try transaction.create(
          [
            .village: .text(village), .category: .category(.visit),
            .title: .text("\(Fixtures.titles[index % Fixtures.titles.count]) \(index)"),
            .details: .text("村民反映情况，需要跟进。编号 \(index)。"),
          ],
          id: ReportID.random(using: &random), time: time)
      }
    }
  }

  /// The median of five syncs, each of `records` fresh reports: one sync takes milliseconds,
  /// so one sample says more about the scheduler than about the server.
  static func incremental(_ store: ReplicaStore, records: Int) async throws -> Double {
    var samples: [Double] = []
    for round in 0..<5 {
      try record(records, at: store, seed: 8 + UInt64(round))
      let started = Date()
      _ = try await Synchronizer(store: store, batchSize: 1_000).run(now: { 0 })
      samples.append(Date().timeIntervalSince(started))
    }
    return samples.sorted()[samples.count / 2]
  }

  /// A township server and the devices it enrols.
  struct Server {
    let server: TownshipServer
    var url: String { server.url }
    var token: String { server.adminToken }

    /// How clients reach it: the server's certificate, pinned, or plain HTTP.
    let trust: ServerTrust

    /// Over TLS with `tls`, the clients pinning the certificate the server printed; otherwise
    /// plain HTTP on loopback (`--insecure-http`), as before TLS.
    /// `arguments` go to `serve`: `--database URL` for a township on PostgreSQL.
    init(binary: String, directory: String, tls: Bool, arguments: [String] = []) async throws {
      server = try TownshipServer(
        binary: URL(fileURLWithPath: binary), directory: directory, insecureHTTP: !tls,
        arguments: arguments)
      if tls {
        guard let text = server.pin, let pin = CertificatePin(text) else {
          throw SQLiteFloor.FloorError("township serve printed no certificate pin")
        }
        trust = try await SyncClient.trust(server: server.url, pin: pin)
      } else {
        trust = .insecureHTTP
      }
    }

    /// A new device enrolled in `villages`; with `process`, linked to that process of the
    /// township instead (one sharing this server's database).
    func device(
      _ name: String, in root: String, villages: [String] = ["东村"], linkedTo process: String? = nil
    ) async throws -> ReplicaStore {
      var random = SystemRandomNumberGenerator()
      let store = try ReplicaStore.create(
        in: (root as NSString).appendingPathComponent(name), author: name, villages: villages,
        replica: ReplicaID.random(using: &random), now: 0, checkpointing: .inTheBackground)
      let (token, trust) = (token, trust)
      let issued = try await SyncClient.with(baseURL: url, token: token, trust: trust) {
        try await $0.issueEnrollment(name: name, villages: villages, expiresInSeconds: 3600)
      }
      let replica = try store.info().id
      let enrolled = try await SyncClient.with(baseURL: url, token: nil, trust: trust) {
        try await $0.enroll(code: issued.code, replica: replica, key: store.signer.publicKey)
      }
      try store.link(
        toServer: process ?? url, token: enrolled.token, device: enrolled.device,
        villages: enrolled.villages,
        certificate: pinnedCertificate, serverKey: enrolled.serverKey)
      return store
    }

    /// Enrols a device bound to `replica` and returns its token.
    func enrol(replica: ReplicaID, key: PublicSigningKey) async throws -> String {
      let (token, trust) = (token, trust)
      let issued = try await SyncClient.with(baseURL: url, token: token, trust: trust) {
        try await $0.issueEnrollment(name: "serving", villages: ["东村"], expiresInSeconds: 3600)
      }
      let enrolled = try await SyncClient.with(baseURL: url, token: nil, trust: trust) {
        try await $0.enroll(code: issued.code, replica: replica, key: key)
      }
      return enrolled.token
    }

    /// The DER of the pinned certificate; nil over plain HTTP.
    var pinnedCertificate: [UInt8]? {
      guard case .pinned(let certificate) = trust else { return nil }
      return certificate
    }

    func peakMegabytes() -> Int { server.peakMegabytes() }

    func stop() { server.stop() }
  }
}
