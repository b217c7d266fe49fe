import Hummingbird
import LiaisonTownship
import NIOCore

/// The request context: Hummingbird's core storage plus who made the request, once the
/// authentication middleware has recognised the token.
public struct TownshipContext: RequestContext, RemoteAddressRequestContext {
  public var coreContext: CoreRequestContextStorage
  /// Set by ``AuthenticationMiddleware``; nil on the open endpoints.
  public var principal: Principal?
  /// The client's address, which ``AttemptLimitMiddleware`` counts failures by.
  public let remoteAddress: SocketAddress?

  public init(source: Source) {
    coreContext = .init(source: source)
    principal = nil
    remoteAddress = source.channel.remoteAddress
  }

  /// Bodies are read by the handlers themselves, with the protocol's own limit.
  public var maxUploadSize: Int { SyncLimits.maximumBodyBytes }
}

/// The limits of `protocol/sync.md` section 5.
public enum SyncLimits {
  public static let maximumBodyBytes = 8 * 1024 * 1024
  public static let maximumPushChanges = 1_000
  public static let maximumPullChanges = 1_000
  public static let defaultPullChanges = 500
  public static let maximumEnrollmentSeconds: Int64 = 30 * 24 * 3600
  public static let defaultEnrollmentSeconds: Int64 = 24 * 3600
}
