import Foundation
import Hummingbird
import Logging

/// One log line per request, written when it ends: method, path, status and duration, under
/// the request id Hummingbird gives the context's logger.
///
/// Hummingbird's own request logging writes its line as a request arrives, before the status
/// is known, so a refused credential or a failed push looked like any other request.
struct RequestLogMiddleware: RouterMiddleware {
  func handle(
    _ request: Request, context: TownshipContext,
    next: (Request, TownshipContext) async throws -> Response
  ) async throws -> Response {
    let started = ContinuousClock.now
    do {
      let response = try await next(request, context)
      log(request, context, status: response.status.code, code: nil, since: started)
      return response
    } catch let error as APIError {
      log(
        request, context, status: error.status.code, code: error.code, cause: error.cause,
        since: started)
      throw error
    } catch let error as any HTTPResponseError {
      log(request, context, status: error.status.code, code: nil, since: started)
      throw error
    } catch {
      log(request, context, status: 500, code: nil, cause: "\(error)", since: started)
      throw error
    }
  }

  private func log(
    _ request: Request, _ context: TownshipContext, status: Int, code: String?,
    cause: String? = nil, since started: ContinuousClock.Instant
  ) {
    let elapsed = ContinuousClock.now - started
    let milliseconds =
      Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    var metadata: Logger.Metadata = [
      "method": .string(request.method.rawValue), "path": .string(request.uri.path),
      "status": .stringConvertible(status),
      "ms": .string(String(format: "%.1f", milliseconds)),
    ]
    if let code { metadata["error"] = .string(code) }
    if let cause { metadata["cause"] = .string(cause) }
    // A failure of the server's own is an error with its cause; a refusal is worth an
    // operator's attention; a served request is routine.
    let level: Logger.Level =
      status >= 500 && status != 503 ? .error : status >= 400 ? .notice : .info
    context.logger.log(level: level, "request", metadata: metadata)
  }
}
