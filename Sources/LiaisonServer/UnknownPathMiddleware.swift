import Hummingbird
import LiaisonTownship

/// Answers a request no route matched as `protocol/sync.md` section 2 promises: `404` with
/// code `not_found` as JSON, and under `/v1/admin/` the credential's refusal first.
///
/// Hummingbird answers an unmatched path with an empty `404`, and runs a group's middleware
/// only for the routes it matched: without this, an unknown administrator path told a caller
/// without a credential which paths exist.
struct UnknownPathMiddleware: RouterMiddleware {
  let store: any TownshipStorage

  func handle(
    _ request: Request, context: TownshipContext,
    next: (Request, TownshipContext) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as HTTPError where error.status == .notFound {
      let path = request.uri.path
      if path == "/v1/admin" || path.hasPrefix("/v1/admin/") {
        let principal = try await AuthenticationMiddleware(store: store).principal(of: request)
        guard case .administrator = principal else { throw APIError.from(.access(.forbidden)) }
      }
      throw APIError(
        .notFound, code: "not_found",
        message:
          "no endpoint \(request.method.rawValue) \(path); the endpoints are in protocol/sync.md")
    }
  }
}
