import NIOCore

/// Copies one direction of a proxied connection to the other side, applying its fault.
///
/// Both halves of a connection live on one event loop, so the handler's state needs no lock.
final class Relay: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer

  enum Direction { case request, response }

  private let peer: any Channel
  private let shadow: (any Channel)?
  private let fault: ConnectionFault
  private let direction: Direction
  private let kill: KillTrigger?
  private var forwarded = 0
  private var cut = false
  /// Delayed chunks are chained so they arrive in the order they were read.
  private var pending: EventLoopFuture<Void>?
  /// Where the request stands with an armed server kill.
  private enum Watch {
    /// Reading the request's header, to recognise a push.
    case header([UInt8])
    /// Reading the TLS records of an encrypted connection, to recognise a push's body.
    case records(TLSRecordScanner)
    /// A push that fires the kill once `at` bytes have been forwarded.
    case armed(at: Int, KillPoint)
    case done
  }

  private var watch = Watch.header([])

  init(
    peer: any Channel, shadow: (any Channel)?, fault: ConnectionFault, direction: Direction,
    kill: KillTrigger?
  ) {
    self.peer = peer
    self.shadow = shadow
    self.fault = fault
    self.direction = direction
    self.kill = kill
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard !cut else { return }
    var buffer = unwrapInboundIn(data)
    if direction == .request { watchForPush(buffer, on: context.eventLoop) }
    if let limit = cutLimit, forwarded + buffer.readableBytes >= limit {
      cut = true
      let kept = buffer.readSlice(length: limit - forwarded) ?? ByteBuffer()
      let (peer, own, shadow) = (peer, context.channel, shadow)
      send(kept, on: context.eventLoop).whenComplete { _ in
        peer.close(promise: nil)
        own.close(promise: nil)
        shadow?.close(promise: nil)
      }
      return
    }
    forwarded += buffer.readableBytes
    if let shadow { shadow.writeAndFlush(buffer, promise: nil) }
    _ = send(buffer, on: context.eventLoop)
  }

  func channelInactive(context: ChannelHandlerContext) {
    if case .armed(_, let point) = watch {
      watch = .done
      kill?.giveBack(point)
    }
    let (peer, shadow) = (peer, shadow)
    let closing = pending ?? context.eventLoop.makeSucceededVoidFuture()
    closing.whenComplete { _ in
      peer.close(promise: nil)
      shadow?.close(promise: nil)
    }
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }

  private var cutLimit: Int? {
    switch (fault, direction) {
    case (.cutRequest(let bytes), .request), (.cutResponse(let bytes), .response): bytes
    default: nil
    }
  }

  private func send(_ buffer: ByteBuffer, on loop: any EventLoop) -> EventLoopFuture<Void> {
    let peer = peer
    guard case .delay(let milliseconds) = fault else {
      return peer.writeAndFlush(buffer)
    }
    let previous = pending ?? loop.makeSucceededVoidFuture()
    let next = previous.flatMapWithEventLoop { _, loop in
      loop.scheduleTask(in: .milliseconds(Int64(milliseconds))) {}.futureResult
    }.flatMap { peer.writeAndFlush(buffer) }
    pending = next
    return next
  }

  /// Reads the request's header; for a push, and if a kill is armed, fires it once the chosen
  /// share of the body has been forwarded.
  private func watchForPush(_ buffer: ByteBuffer, on loop: any EventLoop) {
    guard let kill else { return }
    if case .header(let head) = watch, head.isEmpty,
      buffer.readableBytesView.first == TLSRecordScanner.handshake
    {
      watch = .records(TLSRecordScanner())
    }
    if case .records(var scanner) = watch {
      // Over TLS the request is unreadable: a push is the request whose body is one record
      // larger than any pull's or enrolment's header, and the kill point is that share of
      // the record (a batch's body is one record of up to 16 KB).
      let records = scanner.scan(buffer, at: forwarded)
      watch = .records(scanner)
      if let body = records.first(where: {
        $0.type == TLSRecordScanner.applicationData && $0.length > Self.pushRecordBytes
      }), let point = kill.take() {
        watch = .armed(at: body.bodyStart + Int(Double(body.length) * point.bodyShare), point)
      }
    }
    if case .header(var head) = watch {
      head += buffer.readableBytesView
      guard let end = Self.headerEnd(head) else {
        watch = head.count < 8_192 ? .header(head) : .done
        return
      }
      guard head.starts(with: Array("POST /v1/push".utf8)), let point = kill.take() else {
        watch = .done
        return
      }
      let length = Self.contentLength(head[..<end]) ?? 0
      watch = .armed(at: end + Int(Double(length) * point.bodyShare), point)
    }
    guard case .armed(let at, let point) = watch, forwarded + buffer.readableBytes >= at else {
      return
    }
    watch = .done
    loop.scheduleTask(in: .milliseconds(Int64(point.delayMilliseconds))) { kill.fire() }
  }

  /// An encrypted record longer than this is a push's body: a pull's or an enrolment's
  /// request header, with its token, is some 300 bytes.
  static let pushRecordBytes = 600

  private static func headerEnd(_ head: [UInt8]) -> Int? {
    let marker: [UInt8] = [13, 10, 13, 10]
    guard head.count >= 4 else { return nil }
    for index in 0...(head.count - 4) where Array(head[index..<index + 4]) == marker {
      return index + 4
    }
    return nil
  }

  private static func contentLength(_ header: ArraySlice<UInt8>) -> Int? {
    let text = String(decoding: header, as: UTF8.self).lowercased()
    guard let range = text.range(of: "content-length:") else { return nil }
    let digits = text[range.upperBound...].drop { $0 == " " }.prefix { $0.isNumber }
    return Int(digits)
  }
}
