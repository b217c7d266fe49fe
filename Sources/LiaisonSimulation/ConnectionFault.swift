import LiaisonTestKit

/// What the fault proxy does to one TCP connection.
public enum ConnectionFault: Sendable, Equatable {
  /// Pass every byte through unchanged.
  case none
  /// Accept the connection and close it at once: the device sees the link drop.
  case refuse
  /// Deliver every chunk, in both directions, this many milliseconds late.
  case delay(milliseconds: Int)
  /// Forward this many bytes of the request, then cut both sides: the server sees half a
  /// request, the device no answer.
  case cutRequest(afterBytes: Int)
  /// Forward this many bytes of the answer, then cut both sides: the server has done the work,
  /// the device does not know it.
  case cutResponse(afterBytes: Int)
  /// Send every request byte to the server twice, over two connections; the second answer is
  /// thrown away, so the server applies a push twice and the device sees it once.
  case duplicate
}

/// How often the proxy injects each fault, as a share of connections from 0 to 1.
public struct FaultRates: Sendable, Equatable {
  public var refuse = 0.06
  public var delay = 0.10
  public var cutRequest = 0.06
  public var cutResponse = 0.08
  public var duplicate = 0.06

  public init() {}

  /// No faults at all: what the final sync rounds run under.
  public static let none: FaultRates = {
    var rates = FaultRates()
    rates.refuse = 0
    rates.delay = 0
    rates.cutRequest = 0
    rates.cutResponse = 0
    rates.duplicate = 0
    return rates
  }()

  /// Draws the fault of the next connection.
  func draw(using random: inout SeededGenerator) -> ConnectionFault {
    let roll = Double.random(in: 0..<1, using: &random)
    var threshold = refuse
    if roll < threshold { return .refuse }
    threshold += delay
    if roll < threshold { return .delay(milliseconds: Int.random(in: 1...40, using: &random)) }
    threshold += cutRequest
    // Requests carry a header of about 200 bytes, so cuts land in the header and in the body.
    if roll < threshold {
      return .cutRequest(afterBytes: Int.random(in: 0...3_000, using: &random))
    }
    threshold += cutResponse
    if roll < threshold {
      return .cutResponse(afterBytes: Int.random(in: 0...2_000, using: &random))
    }
    threshold += duplicate
    if roll < threshold { return .duplicate }
    return .none
  }
}

/// How many faults of each kind the proxy has injected.
public struct FaultCounts: Sendable, Equatable, CustomStringConvertible {
  public var refused = 0
  public var delayed = 0
  public var cutRequests = 0
  public var cutResponses = 0
  public var duplicated = 0

  public init() {}

  public var total: Int { refused + delayed + cutRequests + cutResponses + duplicated }

  mutating func count(_ fault: ConnectionFault) {
    switch fault {
    case .none: break
    case .refuse: refused += 1
    case .delay: delayed += 1
    case .cutRequest: cutRequests += 1
    case .cutResponse: cutResponses += 1
    case .duplicate: duplicated += 1
    }
  }

  public var description: String {
    "refused \(refused), delayed \(delayed), cut-request \(cutRequests), "
      + "cut-response \(cutResponses), duplicated \(duplicated)"
  }
}

/// When an armed server kill fires: after this share of a push's body has reached the server,
/// and this many milliseconds later, so the kill lands while the push is read, applied or
/// answered.
public struct KillPoint: Sendable, Equatable {
  public let bodyShare: Double
  public let delayMilliseconds: Int

  public init(bodyShare: Double, delayMilliseconds: Int) {
    self.bodyShare = bodyShare
    self.delayMilliseconds = delayMilliseconds
  }
}
