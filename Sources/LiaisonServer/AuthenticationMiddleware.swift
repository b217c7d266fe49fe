import Hummingbird
import LiaisonTownship

/// Recognises `Authorization: Bearer <token>` and records the principal in the context;
/// refuses the request with 401 when the token is missing, unknown or revoked.
struct AuthenticationMiddleware: RouterMiddleware {
  let store: any TownshipStorage

  func handle(
    _ request: Request, context: TownshipContext,
    next: (Request, TownshipContext) async throws -> Response
  ) async throws -> Response {
    var context = context
    context.principal = try await principal(of: request)
    context.logger[metadataKey: "principal"] = .string(context.principal?.name ?? "")
    return try await next(request, context)
  }

  /// Who the request's bearer token stands for; a missing, unknown or revoked one is refused.
  func principal(of request: Request) async throws(APIError) -> Principal {
    guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
      throw APIError(
        .unauthorized, code: "unauthenticated", message: "send Authorization: Bearer <token>")
    }
    let token = String(header.dropFirst("Bearer ".count))
    return try await storage { () async throws(StoreError) in try await store.authenticate(token) }
  }
}
