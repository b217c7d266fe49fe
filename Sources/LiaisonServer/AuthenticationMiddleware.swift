import Hummingbird
import LiaisonStore

/// Recognises `Authorization: Bearer <token>` and records the principal in the context;
/// refuses the request with 401 when the token is missing, unknown or revoked.
struct AuthenticationMiddleware: RouterMiddleware {
  let store: TownshipStore

  func handle(
    _ request: Request, context: TownshipContext,
    next: (Request, TownshipContext) async throws -> Response
  ) async throws -> Response {
    guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
      throw APIError(
        .unauthorized, code: "unauthenticated", message: "send Authorization: Bearer <token>")
    }
    var context = context
    do {
      context.principal = try store.authenticate(String(header.dropFirst("Bearer ".count)))
    } catch {
      throw APIError.from(error)
    }
    context.logger[metadataKey: "principal"] = .string(context.principal?.name ?? "")
    return try await next(request, context)
  }
}
