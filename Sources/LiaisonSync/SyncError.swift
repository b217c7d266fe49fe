/// Why a sync, or an enrolment, did not complete. Each reads as one line.
public enum SyncError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No answer from the server: no network, wrong address, server down.
  case unreachable(url: String, reason: String)
  /// The server answered with an error body.
  case refused(status: Int, code: String, message: String)
  /// The answer was not what the protocol promises.
  case badAnswer(String)
  /// The server does not know this device's pull cursor (its log is behind it, as after a
  /// restore from an older backup); a sync pulls from the start instead.
  case cursorRefused(String)
  /// The device has no server link yet.
  case notEnrolled
  /// The server presented a certificate other than the pinned one: nothing was sent.
  case pinMismatch(url: String, expected: String, presented: String)
  /// An `http://` address, but the server there speaks TLS.
  case serverUsesTLS(url: String)
  /// An `https://` address, but the server there does not speak TLS.
  case serverWithoutTLS(url: String, reason: String)
  /// An address, or an address and pin, that cannot be used (see ``EnrolmentLinkError``).
  case badAddress(String)

  public var description: String {
    switch self {
    case .unreachable(let url, let reason):
      "cannot reach the server at \(url) (\(reason)); your changes are kept and will be sent next time"
    case .refused(let status, let code, let message):
      code == "revoked"
        ? "the server refused this device: its credential was revoked (\(message))"
        : "the server refused the request (\(status) \(code)): \(message)"
    case .badAnswer(let detail):
      "the server's answer was not understood: \(detail)"
    case .cursorRefused(let message):
      "the server refused this device's pull cursor: \(message)"
    case .notEnrolled:
      "this device is not enrolled yet; run `liaison enroll LINK` with the link `township enroll` printed"
    case .pinMismatch(let url, let expected, let presented):
      "the server at \(url) presented certificate \(presented), not the pinned \(expected): refused, nothing sent (if the township replaced its certificate, enrol again with a new link)"
    case .serverUsesTLS(let url):
      "the server at \(url) speaks TLS (https): enrol with its https:// link, which carries its pin; a device enrolled already runs `liaison repin sha256:... --server https://...` with the pin the township gives"
    case .serverWithoutTLS(let url, let reason):
      "the server at \(url) does not speak TLS (\(reason)); http:// is only for a server started with --insecure-http"
    case .badAddress(let message):
      message
    }
  }
}
