import Hummingbird
import LiaisonCodec
import LiaisonMerge

/// A JSON object body read within the protocol's size limit.
struct JSONBody {
  let members: [String: JSONValue]

  /// The whole body, for a wire type to read.
  var value: JSONValue { .object(members) }

  /// The body's bytes, within the protocol's size limit.
  static func bytes(_ request: Request) async throws -> [UInt8] {
    do {
      return Array(
        try await request.body.collect(upTo: SyncLimits.maximumBodyBytes).readableBytesView)
    } catch {
      throw APIError(
        .contentTooLarge, code: "too_large",
        message: "the body is over \(SyncLimits.maximumBodyBytes) bytes")
    }
  }

  static func read(_ request: Request) async throws -> JSONBody {
    let buffer = try await bytes(request)
    let value: JSONValue
    do {
      value = try JSONValue(parsing: buffer)
    } catch {
      throw APIError.malformed("the body is not valid JSON: \(error.problem)")
    }
    guard case .object(let members) = value else {
      throw APIError.malformed("the body must be a JSON object")
    }
    return JSONBody(members: members)
  }

  func string(_ key: String) throws -> String {
    guard case .string(let text)? = members[key] else {
      throw APIError.malformed("\(key) must be a string", field: key)
    }
    return text
  }
}
