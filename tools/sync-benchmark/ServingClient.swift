import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The server's serving rates: a client that does what a device does over HTTP, without the
/// device's store. A pull asks for every page (`GET /v1/pull?after=C&limit=L` with the
/// device's bearer token, following cursors), reads each answer whole and discards it; a push
/// sends bodies prepared beforehand and reads each answer. What is left is the server's own
/// cost, and loopback's.
///
/// One keep-alive HTTP/1.1 connection over a plain socket (`TCP_NODELAY`), one request at a
/// time; the next cursor is read from the end of each body, which the server writes last
/// (`"cursor":"C","keys":[...],"more":B}`).
struct ServingClient {
  let host: String
  let port: UInt16
  let token: String

  init(url: String, token: String) throws {
    guard let components = URLComponents(string: url), let host = components.host,
      let port = components.port
    else { throw Failure("not a server address: \(url)") }
    self.host = host
    self.port = UInt16(port)
    self.token = token
  }

  /// Pulls from cursor 0 to the end in pages of `limit`; returns the pages, the bytes and
  /// the seconds it took, and the last cursor.
  func pullEverything(limit: Int) throws -> (pages: Int, bytes: Int, seconds: Double, cursor: Int64)
  {
    let socket = try connect()
    defer { close(socket) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var cursor: Int64 = 0
    var (pages, bytes) = (0, 0)
    let started = DispatchTime.now()
    while true {
      let request =
        "GET /v1/pull?after=\(cursor)&limit=\(limit) HTTP/1.1\r\nHost: \(host):\(port)\r\n"
        + "Authorization: Bearer \(token)\r\nLiaison-Protocol: 1\r\n\r\n"
      try send(socket, Array(request.utf8))
      let (tail, length) = try readAnswer(socket, into: &buffer)
      pages += 1
      bytes += length
      guard let (next, more) = Self.cursor(in: tail) else {
        throw Failure("a pull answer without a cursor at its end")
      }
      cursor = next
      if !more { break }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    return (pages, bytes, seconds, cursor)
  }

  /// Sends each of `bodies` as `POST /v1/push`, one at a time, and reads each answer; returns
  /// the seconds it took.
  func pushEverything(_ bodies: [[UInt8]]) throws -> Double {
    let socket = try connect()
    defer { close(socket) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    let started = DispatchTime.now()
    for body in bodies {
      let head =
        "POST /v1/push HTTP/1.1\r\nHost: \(host):\(port)\r\nAuthorization: Bearer \(token)\r\n"
        + "Liaison-Protocol: 1\r\nContent-Type: application/json\r\n"
        + "Content-Length: \(body.count)\r\n\r\n"
      try send(socket, Array(head.utf8) + body)
      let (tail, _) = try readAnswer(socket, into: &buffer)
      guard String(decoding: tail, as: UTF8.self).hasSuffix(#""rejected":[]}"#) else {
        throw Failure("a push answer with rejections: \(String(decoding: tail, as: UTF8.self))")
      }
    }
    return Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
  }

  private func connect() throws -> Int32 {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw Failure("socket: \(errno)") }
    var one: Int32 = 1
    setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1
    else { throw Failure("not a loopback IPv4 address: \(host)") }
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw Failure("connect: \(errno)") }
    return socket
  }

  private func send(_ socket: Int32, _ bytes: [UInt8]) throws {
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes {
        Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      guard count > 0 else { throw Failure("send: \(errno)") }
      sent += count
    }
  }

  /// Reads one answer (status 200, `Content-Length` framing) and returns the last bytes of
  /// its body and the body's length; the rest is discarded as it arrives.
  private func readAnswer(_ socket: Int32, into buffer: inout [UInt8]) throws -> ([UInt8], Int) {
    var head: [UInt8] = []
    var bodyStart: [UInt8] = []
    // The head: read until the blank line.
    while true {
      let count = try receive(socket, into: &buffer)
      head.append(contentsOf: buffer[0..<count])
      if let end = Self.range(of: Array("\r\n\r\n".utf8), in: head) {
        bodyStart = Array(head[end...])
        head.removeSubrange(end...)
        break
      }
      guard head.count < 65_536 else { throw Failure("an answer head of over 64 KiB") }
    }
    let text = String(decoding: head, as: UTF8.self)
    guard text.hasPrefix("HTTP/1.1 200") else {
      throw Failure("the server answered \(text.prefix(while: { $0 != "\r" }))")
    }
    guard
      let line = text.split(separator: "\r\n").first(where: {
        $0.lowercased().hasPrefix("content-length:")
      }),
      let length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
    else { throw Failure("a pull answer without Content-Length") }
    var tail = bodyStart
    var read = bodyStart.count
    while read < length {
      let count = try receive(socket, into: &buffer, upTo: length - read)
      read += count
      tail.append(contentsOf: buffer[0..<count])
      if tail.count > 2 * Self.tailBytes { tail.removeFirst(tail.count - Self.tailBytes) }
    }
    return (Array(tail.suffix(Self.tailBytes)), length)
  }

  private func receive(_ socket: Int32, into buffer: inout [UInt8], upTo limit: Int = .max) throws
    -> Int
  {
    let count = buffer.withUnsafeMutableBytes {
      recv(socket, $0.baseAddress, min($0.count, limit), 0)
    }
    guard count > 0 else { throw Failure(count == 0 ? "the server closed" : "recv: \(errno)") }
    return count
  }

  /// The removed head's end: the offset just past `needle` in `bytes`.
  private static func range(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
    guard bytes.count >= needle.count else { return nil }
    for start in 0...(bytes.count - needle.count)
    where bytes[start..<start + needle.count].elementsEqual(needle) {
      return start + needle.count
    }
    return nil
  }

  /// How much of a body's end is kept: enough for a pull page's cursor, its key bindings
  /// (about 250 bytes each, one per replica on the page) and `more`.
  static let tailBytes = 8_192

  /// The cursor and `more` at the end of a pull body:
  /// `"cursor":"C","keys":[...],"more":true}`.
  static func cursor(in tail: [UInt8]) -> (Int64, Bool)? {
    let text = String(decoding: tail, as: UTF8.self)
    guard let marker = text.range(of: #""cursor":""#, options: .backwards) else { return nil }
    let digits = text[marker.upperBound...].prefix(while: \.isNumber)
    guard let cursor = Int64(digits) else { return nil }
    return (cursor, text.hasSuffix("\"more\":true}"))
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}
