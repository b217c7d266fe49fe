/// The enrolment link `township enroll` prints: the server's address, the one-time code and
/// the pin of the server's certificate, in one line a liaison can paste or scan
/// (`protocol/sync.md` section 1, "The enrolment link").
///
///     https://192.168.1.10:8080/enrol#code=k7m2p9qrx4ab3cde&pin=sha256:3f…
///     http://127.0.0.1:8080/enrol#code=k7m2p9qrx4ab3cde        (a server without TLS)
///
/// The code and the pin travel in the fragment, which a browser never sends, so no server or
/// proxy log records them.
public struct EnrolmentLink: Sendable, Equatable, CustomStringConvertible {
  /// The server's base address, `https://HOST:PORT` (or with a path prefix), no trailing `/`.
  public let server: String
  public let code: String
  /// The pin of the server's certificate; nil exactly when `server` is `http://`.
  public let pin: CertificatePin?

  /// A link from its parts: an `https://` server needs its pin, an `http://` one takes none.
  public init(server: String, code: String, pin: CertificatePin?) throws(EnrolmentLinkError) {
    self.server = try Self.checkedServer(server, pin: pin)
    guard !code.isEmpty, code.allSatisfy(Self.isCodeCharacter) else {
      throw EnrolmentLinkError(.badCode)
    }
    self.code = code
    self.pin = pin
  }

  /// Reads a link as ``description`` writes it. Parameters the fragment carries besides
  /// `code` and `pin` are ignored, so a later version may add some.
  public init(parsing text: String) throws(EnrolmentLinkError) {
    let text = text.trimmingWhitespace
    guard let hash = text.firstIndex(of: "#") else {
      throw EnrolmentLinkError(.noFragment)
    }
    let address = String(text[..<hash])
    guard address.hasSuffix(Self.path) else {
      throw EnrolmentLinkError(.wrongPath)
    }
    var code: String?
    var pinText: String?
    for parameter in text[text.index(after: hash)...].split(separator: "&") {
      let pair = parameter.split(separator: "=", maxSplits: 1)
      guard pair.count == 2 else { continue }
      switch pair[0] {
      case "code": code = String(pair[1])
      case "pin": pinText = String(pair[1])
      default: continue
      }
    }
    guard let code else { throw EnrolmentLinkError(.noCode) }
    var pin: CertificatePin?
    if let pinText {
      guard let parsed = CertificatePin(pinText) else {
        throw EnrolmentLinkError(.badPin)
      }
      pin = parsed
    }
    try self.init(server: String(address.dropLast(Self.path.count)), code: code, pin: pin)
  }

  public var description: String {
    "\(server)\(Self.path)#code=\(code)" + (pin.map { "&pin=\($0)" } ?? "")
  }

  static let path = "/enrol"

  /// Checks a server address against its pin, as every client does before it connects:
  /// `https://` needs a pin and `http://` takes none, so a device never connects unpinned to
  /// a TLS server and never believes a plain one is pinned. Returns it without a trailing `/`.
  public static func checkedServer(_ server: String, pin: CertificatePin?)
    throws(EnrolmentLinkError) -> String
  {
    let lowered = server.lowercased()
    let scheme: String
    if lowered.hasPrefix("https://") {
      guard pin != nil else {
        throw EnrolmentLinkError(.httpsNeedsPin)
      }
      scheme = "https://"
    } else if lowered.hasPrefix("http://") {
      guard pin == nil else {
        throw EnrolmentLinkError(.pinWithoutTLS)
      }
      scheme = "http://"
    } else {
      throw EnrolmentLinkError(.badScheme)
    }
    var rest = server.dropFirst(scheme.count)
    guard let host = rest.split(separator: "/", omittingEmptySubsequences: false).first,
      !host.isEmpty, !rest.contains("?"), !rest.contains("#"), !rest.contains(" ")
    else {
      throw EnrolmentLinkError(.noHost(server))
    }
    if rest.hasSuffix("/") { rest = rest.dropLast() }
    return String(server.prefix(scheme.count) + rest)
  }

  private static func isCodeCharacter(_ character: Character) -> Bool {
    character.isASCII
      && (character.isLetter || character.isNumber || character == "_" || character == "-")
  }
}

/// Why an enrolment link or a server address was refused: one line saying what to do.
public struct EnrolmentLinkError: Error, Equatable, CustomStringConvertible {
  /// What is wrong, for a command line to say in its reader's language.
  public enum Problem: Equatable, Sendable {
    case badCode
    case noFragment
    case wrongPath
    case noCode
    case badPin
    case httpsNeedsPin
    case pinWithoutTLS
    case badScheme
    /// The server address given, which has no host.
    case noHost(String)
  }

  public let problem: Problem

  public init(_ problem: Problem) {
    self.problem = problem
  }

  public var description: String {
    switch problem {
    case .badCode: "the code must be letters and digits, as `township enroll` printed it"
    case .noFragment: "the link has no #code=...: copy the whole link `township enroll` printed"
    case .wrongPath: "an enrolment link's address ends in \(EnrolmentLink.path)#code=..."
    case .noCode: "the link carries no code="
    case .badPin: "the link's pin must be \(CertificatePin.form)"
    case .httpsNeedsPin:
      "an https:// server needs its certificate's pin (sha256:...): use the enrolment link, or give --pin"
    case .pinWithoutTLS:
      "a pin belongs to an https:// server; http:// is only for a server started with --insecure-http"
    case .badScheme:
      "the server's address must start with https:// (or http:// for a server without TLS)"
    case .noHost(let server): "the server's address has no host: \(server)"
    }
  }
}

extension String {
  fileprivate var trimmingWhitespace: String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
