import Foundation
import Hummingbird
import LiaisonCodec
import LiaisonMerge
import LiaisonTownship
import LiaisonWire

/// An error answer of `protocol/sync.md` section 4: a status and
/// `{"error": {"code", "message", "field"?}}`.
public struct APIError: HTTPResponseError, CustomStringConvertible {
  public let status: HTTPResponse.Status
  public let code: String
  public let message: String
  public let field: String?
  /// What went wrong inside, for the server's log only: never sent to the client.
  public let cause: String?
  /// Seconds after which the request may succeed, sent as `Retry-After`.
  public let retryAfter: Int?

  public init(
    _ status: HTTPResponse.Status, code: String, message: String, field: String? = nil,
    cause: String? = nil, retryAfter: Int? = nil
  ) {
    self.status = status
    self.code = code
    self.message = message
    self.field = field
    self.cause = cause
    self.retryAfter = retryAfter
  }

  public var description: String { "\(status.code) \(code): \(message)" }

  public func response(from request: Request, context: some RequestContext) throws -> Response {
    var response = JSONResponse.make(
      ErrorAnswer(code: RefusalCode(code), message: message, field: field).json, status: status)
    if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
    return response
  }

  /// The answer for a refusal from the store.
  static func from(_ error: StoreError) -> APIError {
    switch error {
    case .access(let access):
      let status: HTTPResponse.Status =
        switch access {
        case .forbidden: .forbidden
        case .replicaTaken, .keyInUse, .keyAlreadyBound: .conflict
        default: .unauthorized
        }
      return APIError(status, code: access.code, message: access.description)
    case .invalid(let validation):
      return APIError(
        .badRequest, code: validation.problem.code, message: validation.description,
        field: validation.field)
    case .admin(let refusal):
      let status: HTTPResponse.Status =
        switch refusal {
        case .stale, .nameTaken, .alreadyRevoked, .deletionUndecided: .conflict
        case .unknownDevice: .notFound
        default: .badRequest
        }
      return APIError(status, code: refusal.code, message: refusal.description)
    case .unknownReport(let prefix):
      return APIError(
        .notFound, code: "unknown_report",
        message: "no report id starts with \"\(prefix)\"; `township reports` lists them")
    case .ambiguousReport:
      return APIError(.badRequest, code: "ambiguous_report", message: error.description)
    case .malformedReportID:
      return APIError(.badRequest, code: "invalid_id", message: error.description)
    case .pushRefused(let refusal):
      return APIError(
        refusal.code == .tooLarge ? .contentTooLarge : .badRequest, code: refusal.code.rawValue,
        message: refusal.message, field: refusal.field)
    case .cursorBeyondLog:
      return APIError(.badRequest, code: "malformed", message: error.description, field: "after")
    case .busy(let cause):
      return APIError(
        .serviceUnavailable, code: "busy",
        message: "the server's database is busy; try again in a moment", cause: cause,
        retryAfter: 1)
    default:
      return APIError(
        .internalServerError, code: "internal",
        message: "the server could not complete the request", cause: error.description)
    }
  }

  /// Reads a request body as a wire type; a body of the wrong shape answers 400 with the
  /// wire's code (`malformed`, or `invalid_id` for an id that does not read).
  static func reading<T>(_ body: () throws(WireShapeError) -> T) throws(APIError) -> T {
    do {
      return try body()
    } catch {
      throw APIError(
        .badRequest, code: error.code.rawValue, message: error.message, field: error.field)
    }
  }

  static func malformed(_ message: String, field: String? = nil) -> APIError {
    APIError(.badRequest, code: "malformed", message: message, field: field)
  }
}

/// JSON answers, written compactly from a ``JSONValue``.
enum JSONResponse {
  static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: CanonicalJSON.encode(value))))
  }
}

/// Runs a storage call and answers its refusal as ``APIError/from(_:)`` maps it.
func storage<T>(_ body: () async throws(StoreError) -> T) async throws(APIError) -> T {
  do {
    return try await body()
  } catch {
    throw APIError.from(error)
  }
}
