import Hummingbird
import LiaisonTownship

/// Lets only administrators through: a device's credential, however valid, answers 403
/// `forbidden` on every `/v1/admin/...` endpoint. Runs after ``AuthenticationMiddleware``.
struct AdministratorMiddleware: RouterMiddleware {
  func handle(
    _ request: Request, context: TownshipContext,
    next: (Request, TownshipContext) async throws -> Response
  ) async throws -> Response {
    guard case .administrator? = context.principal else {
      throw APIError.from(.access(.forbidden))
    }
    return try await next(request, context)
  }
}
