import Foundation
import LiaisonTestKit
import NIOConcurrencyHelpers

/// The real `township serve` on one store directory, which can be killed with SIGKILL at any
/// moment (from any thread) and started again on the same store.
///
/// Each start listens on a new free port; the ``FaultProxy`` in front hides the change.
public final class ServerProcess: Sendable {
  public let binary: URL
  public let directory: String
  /// What `serve` takes after the others: `--database URL` for a process on PostgreSQL.
  public let arguments: [String]

  struct Running: @unchecked Sendable {
    let process: Process
  }

  private let running = NIOLockedValueBox<Running?>(nil)
  private let killed = NIOLockedValueBox(0)
  /// Killed and not started again since.
  private let dead = NIOLockedValueBox(false)
  private let token = NIOLockedValueBox<String?>(nil)
  private let certificatePin = NIOLockedValueBox<String?>(nil)

  public init(binary: URL, directory: String, arguments: [String] = []) {
    self.binary = binary
    self.directory = directory
    self.arguments = arguments
  }

  /// The administrator token printed when the first start created the store.
  public var adminToken: String? { token.withLockedValue { $0 } }

  /// The pin of the certificate the server serves with; its store keeps the same one
  /// across restarts.
  public var pin: String? { certificatePin.withLockedValue { $0 } }

  /// How many times the server was killed.
  public var kills: Int { killed.withLockedValue { $0 } }

  /// True from a kill until the next start.
  public var isDown: Bool { dead.withLockedValue { $0 } }

  /// True while the last started server is alive.
  public var isRunning: Bool { running.withLockedValue { $0?.process.isRunning ?? false } }

  /// Starts the server and returns its port once it listens.
  public func start() throws -> Int {
    let started = try ServeLaunch.start(
      binary: binary, directory: directory, logLevel: "critical", arguments: arguments)
    if let found = started.adminToken { token.withLockedValue { $0 = found } }
    certificatePin.withLockedValue { $0 = started.pin }
    running.withLockedValue { $0 = Running(process: started.process) }
    dead.withLockedValue { $0 = false }
    return started.port
  }

  /// Kills the server with SIGKILL: no shutdown, no final write. Safe from any thread.
  public func kill() {
    running.withLockedValue { running in
      guard let process = running?.process, process.isRunning else { return }
      Foundation.kill(process.processIdentifier, SIGKILL)
      killed.withLockedValue { $0 += 1 }
      dead.withLockedValue { $0 = true }
    }
  }

  /// Waits for a killed server to be gone, so its port and store are free.
  public func reap() {
    let process = running.withLockedValue { $0?.process }
    process?.waitUntilExit()
  }

  /// Stops the server gracefully with SIGTERM and waits for it.
  public func stop() {
    let process = running.withLockedValue { $0?.process }
    guard let process else { return }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
  }
}

/// The simulator could not set up or run its world (not a violation of a promise).
public struct SimulationFailure: Error, CustomStringConvertible {
  public let description: String

  public init(_ description: String) {
    self.description = description
  }
}
