import Foundation
import NIOConcurrencyHelpers

/// The `township serve` processes of one township: one on SQLite, or two or three sharing one
/// PostgreSQL database and one key directory, as behind a load balancer.
///
/// Any of them can be killed with SIGKILL at any moment, from any thread; a kill may take a
/// second process down with it, so that two die at once.
public final class ServerPool: Sendable {
  public let processes: [ServerProcess]
  /// The process killed beside the next one, as an offset from it; drawn when a kill is armed.
  private let companion = NIOLockedValueBox<Int?>(nil)

  public init(_ processes: [ServerProcess]) {
    precondition(!processes.isEmpty, "a township has at least one process")
    self.processes = processes
  }

  /// Starts every process, the first alone since it creates the store, and returns their ports.
  public func start() throws -> [Int] {
    var ports: [Int] = []
    do {
      for process in processes { ports.append(try process.start()) }
    } catch {
      stop()
      throw error
    }
    return ports
  }

  /// The administrator token and certificate pin the first start printed.
  public var adminToken: String? { processes[0].adminToken }
  public var pin: String? { processes[0].pin }

  /// Every SIGKILL sent so far, companions included.
  public var kills: Int { processes.reduce(0) { $0 + $1.kills } }

  /// The processes that are not running (killed and not yet restarted).
  public var down: [Int] { processes.indices.filter { processes[$0].isDown } }

  /// Makes the next kill also take down the process `offset` places after the one it hits.
  public func killCompanion(offset: Int?) {
    companion.withLockedValue { $0 = offset }
  }

  /// Kills process `index`, and its companion if one was drawn; returns the processes killed.
  public func kill(_ index: Int) -> [Int] {
    var killed = [index]
    if let offset = companion.withLockedValue({ $0 }), offset % processes.count != 0 {
      killed.append((index + offset) % processes.count)
    }
    for victim in killed { processes[victim].kill() }
    return killed
  }

  /// Waits for each killed process to be gone and starts it again; returns each restarted
  /// process with its new port.
  public func restartDown() throws -> [(index: Int, port: Int)] {
    try down.map { index in
      processes[index].reap()
      return (index, try processes[index].start())
    }
  }

  /// Stops every process gracefully.
  public func stop() {
    for process in processes { process.stop() }
  }
}
