import Hummingbird
import LiaisonTownship
import Logging

/// Refuses, with `429` and `Retry-After`, an address that has failed too many
/// authentications or enrolment attempts (`protocol/sync.md` section 4, `too_many_attempts`),
/// and counts those failures.
///
/// An address over the limit is refused even with a good credential until its time is up:
/// otherwise a guess that succeeds would be told apart from one that failed.
///
/// With a `shared` count (a store that several processes share), each failure is also
/// counted there, and a refusal another process counted is learnt at the next failure.
struct AttemptLimitMiddleware: RouterMiddleware {
  let limiter: AttemptLimiter
  let shared: (any SharedAttemptCount)?
  let clock: @Sendable () -> Int64

  func handle(
    _ request: Request, context: TownshipContext,
    next: (Request, TownshipContext) async throws -> Response
  ) async throws -> Response {
    let address = context.remoteAddress?.ipAddress ?? "unknown"
    if let wait = limiter.retryAfter(address, now: clock()) {
      throw APIError(
        .tooManyRequests, code: "too_many_attempts",
        message:
          "too many failed authentications or enrolment attempts from this address; try again in \(wait) seconds",
        retryAfter: wait)
    }
    do {
      let response = try await next(request, context)
      // The console answers a refused sign-in with a page, not an error: a guess all the same.
      if response.status == .unauthorized { await recordFailure(address, context) }
      return response
    } catch let error as APIError where Self.isGuess(error, request) {
      await recordFailure(address, context)
      throw error
    }
  }

  private func recordFailure(_ address: String, _ context: TownshipContext) async {
    let now = clock()
    var crossed = limiter.recordFailure(address, now: now)
    if let shared {
      do {
        let count = try await shared.recordFailedAttempt(
          from: address, now: now, window: limiter.window,
          maximumFailures: limiter.maximumFailures)
        if count.refusedUntil > now {
          limiter.refuse(address, until: count.refusedUntil, now: now)
        }
        // The database's count is the whole township's: the notice is logged once, by the
        // process that counted the failure over the limit, not again as each learns it.
        crossed = count.failures == limiter.maximumFailures + 1
      } catch {
        // The process's own count still holds; a database it cannot reach fails the
        // requests that need it, and is logged there.
        context.logger.warning(
          "could not count a failed attempt in the database",
          metadata: ["address": .string(address), "error": .string("\(error)")])
      }
    }
    if crossed {
      context.logger.notice(
        "too many failed attempts; refusing the address for a while",
        metadata: [
          "address": .string(address),
          "failures": .stringConvertible(limiter.maximumFailures + 1),
          "seconds": .stringConvertible(limiter.window / 1000),
        ])
    }
  }

  /// A refused credential anywhere, or a refused enrolment: what a guesser gets.
  static func isGuess(_ error: APIError, _ request: Request) -> Bool {
    error.status == .unauthorized
      || (request.uri.path == "/v1/enroll" && error.status.code < 500
        && error.status != .tooManyRequests)
  }
}
