import HTTPTypes
import Hummingbird

/// Refuses requests that ask, with `Liaison-Protocol`, for a version this server does not speak,
/// so an old server never misreads a newer device (`protocol/sync.md` section 2).
struct ProtocolVersionMiddleware: RouterMiddleware {
  static let header = HTTPField.Name("Liaison-Protocol")!
  static let supported = ["1"]

  func handle(
    _ request: Request, context: TownshipContext,
    next: (Request, TownshipContext) async throws -> Response
  ) async throws -> Response {
    if let asked = request.headers[Self.header], !Self.supported.contains(asked) {
      throw APIError(
        .badRequest, code: "unsupported_protocol",
        message:
          "this server speaks protocol version \(Self.supported.joined(separator: ", ")), not \(asked)"
      )
    }
    return try await next(request, context)
  }
}
