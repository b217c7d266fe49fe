import LiaisonWire
import NIOCore
import NIOPosix
import NIOSSL

/// Reads the certificate chain a TLS server presents, trusting nothing and sending nothing.
///
/// Used twice: at enrolment, to find the certificate whose pin the link carries (then the
/// client pins that certificate); and after a pinned connection failed, to name the
/// fingerprint the server presented instead. The probe's own connection is closed as soon
/// as the chain is read: no request ever travels over it.
public enum CertificateProbe {
  /// Why the chain could not be read.
  public enum Failure: Error, Equatable, CustomStringConvertible {
    /// No handshake: nothing listens, no route, timed out, or the connection was cut.
    case unreachable(String)
    /// Something answered in plain text instead of a TLS handshake: a plain HTTP server.
    case notTLS(String)

    public var description: String {
      switch self {
      case .unreachable(let reason): reason
      case .notTLS(let reason): "no TLS handshake: \(reason)"
      }
    }
  }

  /// The chain `host:port` presents, in its order (the server's own certificate first).
  public static func chain(host: String, port: Int, timeout: TimeAmount = .seconds(5))
    async throws(Failure) -> [[UInt8]]
  {
    let context: NIOSSLContext
    do {
      var configuration = TLSConfiguration.makeClientConfiguration()
      configuration.certificateVerification = .noHostnameVerification
      context = try NIOSSLContext(configuration: configuration)
    } catch {
      throw .notTLS("\(error)")
    }
    let group = MultiThreadedEventLoopGroup.singleton
    let found = group.any().makePromise(of: [[UInt8]].self)
    // SNI takes names only; an address literal is sent without it.
    let isAddress = (try? SocketAddress(ipAddress: host, port: port)) != nil
    let bootstrap = ClientBootstrap(group: group)
      .connectTimeout(timeout)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          let handler = try NIOSSLClientHandler(
            context: context, serverHostname: isAddress ? nil : host,
            customVerificationCallback: { certificates, verification in
              let chain = certificates.compactMap { try? $0.toDERBytes() }
              found.succeed(chain)
              // The probe only reads; failing here ends the handshake before any request.
              verification.succeed(.failed)
            })
          try channel.pipeline.syncOperations.addHandler(handler)
          try channel.pipeline.syncOperations.addHandler(FailureWatch(promise: found))
        }
      }
    let channel: any Channel
    do {
      channel = try await bootstrap.connect(host: host, port: port).get()
    } catch {
      found.fail(error)
      throw .unreachable(Self.reason(error))
    }
    // A server that never answers the handshake is given up after the timeout.
    let timer = channel.eventLoop.scheduleTask(in: timeout) {
      found.fail(
        Failure.unreachable("no TLS answer within \(timeout.nanoseconds / 1_000_000_000) s"))
    }
    defer {
      timer.cancel()
      channel.close(promise: nil)
    }
    do {
      return try await found.futureResult.get()
    } catch let failure as Failure {
      throw failure
    } catch {
      // Only an answer in plain text says the server does not speak TLS; a connection cut
      // mid-handshake (a flaky link) says nothing about the server.
      let reason = Self.reason(error)
      throw reason == Self.plainText ? .notTLS(reason) : .unreachable(reason)
    }
  }

  static let plainText = "it answered in plain text"

  private static func reason(_ error: any Error) -> String {
    let text = String(describing: error)
    if text.contains("connectionRefused") || text.contains("ECONNREFUSED")
      || text.contains("Connection refused")
    {
      return "connection refused"
    }
    if text.contains("connectTimeout") { return "timed out" }
    // BoringSSL's words for an answer that is not a TLS record: a plain HTTP server's.
    if text.contains("WRONG_VERSION_NUMBER") { return plainText }
    return text
  }
}

/// Fails the probe when the connection ends or errs before the chain arrived (a promise
/// already kept ignores it).
private final class FailureWatch: ChannelInboundHandler, Sendable {
  typealias InboundIn = NIOAny
  let promise: EventLoopPromise<[[UInt8]]>

  init(promise: EventLoopPromise<[[UInt8]]>) {
    self.promise = promise
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    promise.fail(error)
    context.close(promise: nil)
  }

  func channelInactive(context: ChannelHandlerContext) {
    promise.fail(CertificateProbe.Failure.unreachable("the connection closed during the handshake"))
    context.fireChannelInactive()
  }
}
