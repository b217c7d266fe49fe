import LiaisonTestKit
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A loopback TCP proxy between the devices and the township server that injects faults.
///
/// Each accepted connection draws one ``ConnectionFault`` from a seeded generator, in the order
/// connections arrive. With several server processes, each connection also draws the process
/// it goes to, among those running, as a load balancer would. A process's port can change
/// (after a restart) without the devices noticing, since they only ever talk to the proxy. A
/// server kill can be armed: the next push that passes through fires it at a chosen point
/// (``KillPoint``), on the process that push went to.
public final class FaultProxy: Sendable {
  struct State {
    /// Each process's port; nil while it is down.
    var backends: [Int?]
    var rates: FaultRates
    var random: SeededGenerator
    var counts = FaultCounts()
    var armedKill: KillPoint?
  }

  private let state: NIOLockedValueBox<State>
  private let onKill: @Sendable (Int) -> [Int]
  private let channel: NIOLockedValueBox<(any Channel)?>

  /// The port devices connect to.
  public let port: Int

  /// Starts a proxy on a free loopback port in front of the processes at `backendPorts`;
  /// `onKill` is called, on an event loop, when an armed kill fires on a process, must kill
  /// it at once, and returns the processes it killed (it may kill another beside it).
  public static func start(
    backendPorts: [Int], seed: UInt64, rates: FaultRates,
    onKill: @escaping @Sendable (Int) -> [Int]
  ) async throws -> FaultProxy {
    let state = NIOLockedValueBox(
      State(backends: backendPorts, rates: rates, random: SeededGenerator(seed: seed)))
    let box = NIOLockedValueBox<(any Channel)?>(nil)
    let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { inbound in
        FaultProxy.connect(inbound, state: state, onKill: onKill)
      }
      .bind(host: "127.0.0.1", port: 0).get()
    box.withLockedValue { $0 = listener }
    return FaultProxy(
      state: state, onKill: onKill, channel: box, port: listener.localAddress?.port ?? 0)
  }

  private init(
    state: NIOLockedValueBox<State>, onKill: @escaping @Sendable (Int) -> [Int],
    channel: NIOLockedValueBox<(any Channel)?>, port: Int
  ) {
    self.state = state
    self.onKill = onKill
    self.channel = channel
    self.port = port
  }

  /// Points the proxy at a restarted process.
  public func setBackend(_ index: Int, port: Int) {
    state.withLockedValue { $0.backends[index] = port }
  }

  /// Changes the fault rates, for example to ``FaultRates/none`` for the final rounds.
  public func setRates(_ rates: FaultRates) {
    state.withLockedValue { $0.rates = rates }
  }

  /// Arms a server kill for the next push that passes through.
  public func armKill(_ point: KillPoint) {
    state.withLockedValue { $0.armedKill = point }
  }

  /// Takes back an armed kill that has not fired.
  public func disarmKill() {
    state.withLockedValue { $0.armedKill = nil }
  }

  /// True while an armed kill has not fired.
  public var killArmed: Bool { state.withLockedValue { $0.armedKill != nil } }

  /// The faults injected so far.
  public var counts: FaultCounts { state.withLockedValue { $0.counts } }

  public func stop() async throws {
    try await channel.withLockedValue { $0 }?.close()
  }

  /// Draws the accepted connection's fault and connects it to the server, or refuses it.
  private static func connect(
    _ inbound: any Channel, state: NIOLockedValueBox<State>,
    onKill: @escaping @Sendable (Int) -> [Int]
  ) -> EventLoopFuture<Void> {
    let (fault, drawn) = state.withLockedValue { state in
      let fault = state.rates.draw(using: &state.random)
      state.counts.count(fault)
      return (fault, state.drawBackend())
    }
    guard let (index, port) = drawn else {
      // Every process is down: the device finds nobody listening.
      return inbound.eventLoop.makeFailedFuture(ProxyRefusal())
    }
    if fault == .refuse {
      return inbound.eventLoop.makeFailedFuture(ProxyRefusal())
    }
    let backend = ClientBootstrap(group: inbound.eventLoop)
      .connect(host: "127.0.0.1", port: port)
    let shadow: EventLoopFuture<(any Channel)?> =
      fault == .duplicate
      ? ClientBootstrap(group: inbound.eventLoop)
        .channelInitializer { channel in
          // The duplicate's answers are read and dropped, so the server is not held up.
          channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(Discard())
          }
        }
        .connect(host: "127.0.0.1", port: port).map { Optional($0) }
      : inbound.eventLoop.makeSucceededFuture(nil)
    return backend.and(shadow).flatMapThrowing { outbound, shadow in
      let kill = KillTrigger(state: state, backend: index, onKill: onKill)
      try inbound.pipeline.syncOperations.addHandler(
        Relay(peer: outbound, shadow: shadow, fault: fault, direction: .request, kill: kill))
      try outbound.pipeline.syncOperations.addHandler(
        Relay(peer: inbound, shadow: nil, fault: fault, direction: .response, kill: nil))
    }
  }
}

/// The fault ``ConnectionFault/refuse`` fails the connection's set-up, which closes it.
struct ProxyRefusal: Error {}

/// Reads and drops everything: the answers to duplicated requests.
final class Discard: ChannelInboundHandler, Sendable {
  typealias InboundIn = ByteBuffer

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}

extension FaultProxy.State {
  /// A running process for the next connection, drawn from the seed when there are several.
  mutating func drawBackend() -> (index: Int, port: Int)? {
    let running = backends.indices.compactMap { index in backends[index].map { (index, $0) } }
    guard running.count > 1 else { return running.first }
    return running[Int.random(in: 0..<running.count, using: &random)]
  }
}

/// Fires an armed server kill once a push has got far enough.
struct KillTrigger: Sendable {
  let state: NIOLockedValueBox<FaultProxy.State>
  /// The process the push went to.
  let backend: Int
  let onKill: @Sendable (Int) -> [Int]

  /// Kills the push's process (and any drawn beside it); new connections avoid them until
  /// they are restarted.
  func fire() {
    let killed = onKill(backend)
    state.withLockedValue { state in
      for index in killed { state.backends[index] = nil }
    }
  }

  /// Takes the armed kill, if any, so that only one connection fires it.
  func take() -> KillPoint? {
    state.withLockedValue { state in
      defer { state.armedKill = nil }
      return state.armedKill
    }
  }

  /// Hands back a kill a connection took but could not fire (it was cut or closed before the
  /// kill point), so the next push fires it and every configured kill happens.
  func giveBack(_ point: KillPoint) {
    state.withLockedValue { state in
      if state.armedKill == nil { state.armedKill = point }
    }
  }
}
