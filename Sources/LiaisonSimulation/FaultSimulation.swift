import Foundation
import LiaisonMerge
import LiaisonStore
import LiaisonSync
import LiaisonTestKit
import LiaisonTransport
import LiaisonWire

/// Runs the real server and many devices through the fault proxy, then checks every promise.
///
/// Devices act one at a time, in an order drawn from the seed, so a seed replays the same
/// schedule of writes, syncs and faults. What a kill interrupts depends on timing, so a replay
/// may take a different path after the first kill; the checks hold for every path.
public struct FaultSimulation: Sendable {
  public let configuration: SimulationConfiguration

  public init(_ configuration: SimulationConfiguration) {
    self.configuration = configuration
  }

  /// The world of one run: the server, the proxy, the devices and the ledger.
  struct World {
    let servers: ServerPool
    /// The PostgreSQL database the processes share; nil on SQLite.
    let database: SimulationDatabase?
    let proxy: FaultProxy
    var devices: [SimulatedDevice]
    var ledger = WriteLedger()
    var report = SimulationReport()
    var restarts = 0
    /// Kills handed to the proxy: an armed kill is taken by a push some milliseconds before
    /// it fires, so counting fired kills alone armed one more in that gap.
    var killsArmed = 0
    var downSteps = 0
    /// Per device, the changes written for the server to refuse, and those it has refused.
    var refusalsWritten: [String: Int] = [:]
    var refusalsSeen: [String: Int] = [:]
  }

  /// Runs the simulation; an error that stops it (not a violation, which the report lists)
  /// names the seed that replays it.
  public func run() async throws -> SimulationReport {
    do {
      return try await simulate()
    } catch let failure as SimulationFailure where failure.description.hasPrefix("seed ") {
      throw failure
    } catch {
      throw SimulationFailure("seed \(configuration.seed): \(error)")
    }
  }

  private func simulate() async throws -> SimulationReport {
    let started = Date()
    var random = SeededGenerator(seed: configuration.seed)
    let root = (configuration.directory as NSString).appendingPathComponent(
      "liaison-simulation-\(configuration.seed)-\(UUID().uuidString.prefix(8))")
    var database: SimulationDatabase?
    if let server = configuration.database {
      database = try await SimulationDatabase.create(on: server, seed: configuration.seed)
    }
    var world = try await setUp(root: root, database: database, random: &random)
    defer { world.servers.stop() }
    world.report.seed = configuration.seed
    world.report.devices = configuration.devices
    world.report.processes = configuration.processes
    world.report.database = database?.url
    world.proxy.setRates(configuration.rates)

    while world.report.steps < configuration.steps
      && Date().timeIntervalSince(started) < configuration.duration
    {
      let progress = max(
        Double(world.report.steps) / Double(configuration.steps),
        Date().timeIntervalSince(started) / configuration.duration)
      try scheduleKills(&world, progress: progress, random: &random)
      try await step(&world, random: &random)
      world.report.steps += 1
    }

    world.proxy.setRates(.none)
    world.proxy.disarmKill()
    // A kill that fired just now lands within its delay (at most 25 ms); let it, then restart.
    try await Task.sleep(for: .milliseconds(100))
    try restartIfKilled(&world, now: true)
    try await settle(&world)
    world.report.faults = world.proxy.counts
    world.report.kills = world.servers.kills
    world.report.restarts = world.restarts
    world.servers.stop()
    try await check(&world)
    world.report.seconds = Date().timeIntervalSince(started)
    try await world.proxy.stop()
    if world.report.passed {
      try? FileManager.default.removeItem(atPath: root)
      try? await database?.drop()
    }
    return world.report
  }

  private func setUp(
    root: String, database: SimulationDatabase?, random: inout SeededGenerator
  ) async throws -> World {
    // On PostgreSQL the processes share the database and the directory of the township's
    // keys (its certificate and signing key), as behind a load balancer.
    let directory = (root as NSString).appendingPathComponent("server")
    let servers = ServerPool(
      (0..<(database == nil ? 1 : configuration.processes)).map { _ in
        ServerProcess(
          binary: configuration.township, directory: directory,
          arguments: database.map { ["--database", $0.url] } ?? [])
      })
    let ports = try servers.start()
    let port = ports[0]
    guard let token = servers.adminToken else {
      servers.stop()
      throw SimulationFailure("township serve printed no administrator token")
    }
    let proxy = try await FaultProxy.start(
      backendPorts: ports, seed: random.next(), rates: .none, onKill: { servers.kill($0) })
    // Over TLS, as in the field: the devices pin the server's certificate, and the proxy
    // in front passes the encrypted bytes through (its faults cut them, never read them).
    guard let pinText = servers.pin, let pin = CertificatePin(pinText) else {
      throw SimulationFailure("township serve printed no certificate pin")
    }
    let direct = "https://127.0.0.1:\(port)"
    let trust = try await SyncClient.trust(server: direct, pin: pin)
    guard case .pinned(let certificate) = trust else {
      throw SimulationFailure("the server's certificate was not pinned")
    }
    let admin = try SyncClient(baseURL: direct, token: token, trust: trust)
    let open = try SyncClient(baseURL: direct, token: nil, trust: trust)
    var devices: [SimulatedDevice] = []
    do {
      let scoped = Int(Double(configuration.devices) * configuration.scopedShare)
      for index in 0..<configuration.devices {
        let name = "liaison-\(index)"
        let villages = index < scoped ? [DeviceEdits.villages[0]] : DeviceEdits.villages
        let store = try ReplicaStore.create(
          in: (root as NSString).appendingPathComponent(name), author: name,
          villages: villages, replica: ReplicaID.random(using: &random), now: 0)
        let code = try await admin.issueEnrollment(
          name: name, villages: villages, expiresInSeconds: 3_600
        ).code
        let enrolled = try await open.enroll(
          code: code, replica: try store.info().id, key: store.signer.publicKey)
        try store.link(
          toServer: "https://127.0.0.1:\(proxy.port)", token: enrolled.token,
          device: enrolled.device, villages: enrolled.villages, certificate: certificate,
          serverKey: enrolled.serverKey)
        var device = SimulatedDevice(name: name, store: store, villages: villages)
        device.otherVersion =
          index >= configuration.devices
          - Int((Double(configuration.devices) * configuration.otherVersionShare).rounded())
        devices.append(device)
      }
      await admin.shutdown()
      await open.shutdown()
    } catch {
      await admin.shutdown()
      await open.shutdown()
      servers.stop()
      throw error
    }
    return World(servers: servers, database: database, proxy: proxy, devices: devices)
  }

  /// Arms the next server kill when the run has got far enough, and restarts killed
  /// processes after a few steps down. With several processes, the kill lands on whichever
  /// process the push went to, and now and then takes a second one down with it.
  private func scheduleKills(
    _ world: inout World, progress: Double, random: inout SeededGenerator
  ) throws {
    if !world.servers.down.isEmpty {
      try restartIfKilled(&world, now: false)
      return
    }
    let due = min(configuration.kills, Int(progress * Double(configuration.kills + 1)))
    if world.killsArmed < due, !world.proxy.killArmed {
      world.killsArmed += 1
      world.proxy.armKill(
        KillPoint(
          bodyShare: [0.3, 0.8, 1.0, 1.0].randomElement(using: &random)!,
          delayMilliseconds: Int.random(in: 0...25, using: &random)))
      world.downSteps = Int.random(in: 0...4, using: &random)
      let count = world.servers.processes.count
      if count > 1 {
        let twice = Double.random(in: 0..<1, using: &random) < configuration.doubleKillShare
        world.servers.killCompanion(
          offset: twice ? Int.random(in: 1..<count, using: &random) : nil)
      }
    }
  }

  private func restartIfKilled(_ world: inout World, now: Bool) throws {
    guard !world.servers.down.isEmpty else { return }
    if !now, world.downSteps > 0 {
      world.downSteps -= 1
      return
    }
    for (index, port) in try world.servers.restartDown() {
      world.proxy.setBackend(index, port: port)
      world.restarts += 1
    }
  }

  /// One device does one thing.
  private func step(_ world: inout World, random: inout SeededGenerator) async throws {
    let index = Int.random(in: 0..<world.devices.count, using: &random)
    let device = world.devices[index]
    let time = 1_772_323_200_000 + Int64(world.report.steps) * 1_000
    let roll = Double.random(in: 0..<1, using: &random)
    switch roll {
    case ..<0.06:
      world.devices[index].online.toggle()
    case ..<0.40:
      guard device.online else { return }
      record(
        await device.sync(batchSize: Int.random(in: 1...40, using: &random), time: time),
        device, &world)
    case ..<0.52:
      try device.create(
        DeviceEdits.newReport(in: device.villages, using: &random),
        id: ReportID.random(using: &random), time: time,
        ledger: &world.ledger)
    case ..<0.55 where device.otherVersion:
      guard let report = pickReport(world.ledger, using: &random),
        try device.store.report(report) != nil
      else { return }
      try device.writeRefusedChange(
        to: report, time: time, kind: Int.random(in: 0...1, using: &random))
      world.refusalsWritten[device.name, default: 0] += 1
    default:
      guard let report = pickReport(world.ledger, using: &random) else { return }
      let edit = try edit(for: roll, report: report, on: device, using: &random)
      _ = try device.edit(edit, report, time: time, ledger: &world.ledger)
    }
  }

  /// The edit a roll above 0.52 makes: a field edit, a note, a delete or restore, or a
  /// resolution of a conflict the device sees.
  private func edit(
    for roll: Double, report: ReportID, on device: SimulatedDevice,
    using random: inout SeededGenerator
  ) throws -> ReportEdit {
    switch roll {
    case ..<0.84: return ReportEdit(values: DeviceEdits.edit(in: device.villages, using: &random))
    case ..<0.91: return .note(DeviceEdits.notes.randomElement(using: &random)!)
    case ..<0.96:
      let deleted = try device.store.report(report)?.isDeleted ?? false
      return deleted ? .restore : .delete
    default:
      guard let state = try device.store.report(report), let field = state.conflicts.first else {
        return ReportEdit(values: DeviceEdits.edit(in: device.villages, using: &random))
      }
      if field == .deleted { return ReportEdit(deleting: Bool.random(using: &random)) }
      return ReportEdit(values: [field: state.value(field)])
    }
  }

  /// A report to edit: mostly one of the newest few, so devices collide on them.
  private func pickReport(_ ledger: WriteLedger, using random: inout SeededGenerator)
    -> ReportID?
  {
    guard !ledger.created.isEmpty else { return nil }
    if Double.random(in: 0..<1, using: &random) < 0.7 {
      return ledger.created.suffix(8).randomElement(using: &random)
    }
    return ledger.created.randomElement(using: &random)
  }

  func record(
    _ result: Result<SyncProgress, any Error>, _ device: SimulatedDevice, _ world: inout World
  ) {
    world.report.syncs += 1
    switch result {
    case .success(let progress):
      // Only the changes written to be refused may be; a batch sent again after a lost
      // answer is judged again, so the count seen may pass the count written only then.
      world.refusalsSeen[device.name, default: 0] += progress.rejected
      if progress.rejected > 0, !device.otherVersion {
        world.report.violations.append(
          "\(device.name): the server rejected \(progress.rejected) changes")
      }
    case .failure(let error):
      world.report.failedSyncs += 1
      if let error = error as? SyncError, case .unreachable = error { return }
      world.report.refusals.append("\(device.name): \(error)")
    }
  }
}
