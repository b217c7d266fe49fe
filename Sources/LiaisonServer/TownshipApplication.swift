import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import LiaisonConsole
import LiaisonTownship
import LiaisonTransport
import LiaisonWire
import Logging

/// Builds the township server's router over a store, so tests build the same app: the sync
/// protocol under `/v1` and the office's web console at `/`. `pin` is the pin of the
/// certificate the server serves with, which enrolment codes' answers and links carry.
public func buildRouter(
  store: any TownshipStorage, clock: @escaping @Sendable () -> Int64 = TownshipClock.now,
  pin: CertificatePin? = nil, limiter: AttemptLimiter = AttemptLimiter(),
  sessions: ConsoleSessions = ConsoleSessions()
) -> Router<TownshipContext> {
  let router = Router(context: TownshipContext.self)
  router.add(middleware: RequestLogMiddleware())
  router.add(
    middleware: AttemptLimitMiddleware(
      limiter: limiter, shared: store as? any SharedAttemptCount, clock: clock))
  router.add(middleware: ProtocolVersionMiddleware())
  router.add(middleware: UnknownPathMiddleware(store: store))
  let controller = SyncController(store: store, clock: clock, pin: pin)
  let v1 = router.group("v1")
  controller.addOpenRoutes(to: v1)
  controller.addAuthenticatedRoutes(
    to: v1.group().add(middleware: AuthenticationMiddleware(store: store)))
  AdminController(store: store, clock: clock).addRoutes(
    to: v1.group("admin").add(middleware: AuthenticationMiddleware(store: store))
      .add(middleware: AdministratorMiddleware()))
  Console(store: store, clock: clock, pin: pin, sessions: sessions).addRoutes(to: router)
  return router
}

/// Builds the application: the router, bound to `host:port`, serving HTTPS with `tls`, or
/// plain HTTP when it is nil (`township serve --insecure-http`).
public func buildApplication(
  store: any TownshipStorage, host: String, port: Int, tls: ServerIdentity?, logger: Logger,
  onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
  let server: HTTPServerBuilder =
    if let tls {
      try .tls(.http1(), tlsConfiguration: tls.serverConfiguration())
    } else {
      .http1()
    }
  return Application(
    router: buildRouter(store: store, pin: tls?.pin),
    server: server,
    configuration: ApplicationConfiguration(
      address: .hostname(host, port: port), serverName: "township"),
    onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
    logger: logger)
}

/// The server's wall clock, in milliseconds: for attribution and expiry, never for ordering.
public enum TownshipClock {
  public static func now() -> Int64 {
    Int64((Date().timeIntervalSince1970 * 1000).rounded())
  }
}
