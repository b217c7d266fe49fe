import Foundation
import LiaisonCodec
import LiaisonMerge
import LiaisonTrust

/// A `signature-*.json` vector (`protocol/vectors/README.md`): a signed change or key
/// binding, the key to check it with, the exact bytes the signature covers, and whether it
/// holds. With a `seed`, signing the same bytes with that key must give the same signature.
struct SignatureVector {
  let kind: String
  let key: PublicSigningKey
  let seed: [UInt8]?
  let input: JSONValue
  let signedBytes: String
  let valid: Bool

  init(_ members: [String: JSONValue]) throws {
    kind = try string(members["verify"], "verify")
    guard let key = PublicSigningKey(base64: try string(members["public_key"], "public_key"))
    else { throw VectorProblem("public_key must be an Ed25519 public key in base64") }
    self.key = key
    seed = try members["seed"].map { try Self.hex(try string($0, "seed")) }
    input = members["input"] ?? .null
    signedBytes = try string(members["signed_bytes"], "signed_bytes")
    guard case .bool(let valid)? = members["valid"] else {
      throw VectorProblem("valid must be true or false")
    }
    self.valid = valid
  }

  func run() throws -> [String] {
    let bytes: [UInt8]
    let signature: [UInt8]?
    let holds: Bool
    switch kind {
    case "change":
      let change = try Change(json: input)
      bytes = change.signedBytes
      signature = change.signature
      holds =
        SignatureCheck.check(
          change, binding: KeyBinding(replica: change.dot.replica, key: key, unsignedThrough: 0))
        == .signed
    case "binding":
      let binding = try KeyBinding(json: input)
      bytes = binding.signedBytes
      signature = binding.signature
      holds = binding.isSigned(by: key)
    default:
      throw VectorProblem("unknown verify kind \(kind)")
    }
    var failures: [String] = []
    let actual = String(decoding: bytes, as: UTF8.self)
    if actual != signedBytes {
      failures.append("signed bytes differ:\n  expected \(signedBytes)\n  actual   \(actual)")
    }
    if holds != valid { failures.append("the signature \(holds ? "holds" : "does not hold")") }
    if let seed, valid {
      guard let signer = SigningKey(seed: seed), signer.publicKey == key else {
        return failures + ["seed is not the private key of public_key"]
      }
      if signer.signature(of: bytes) != signature {
        failures.append("signing again with the seed gives another signature")
      }
    }
    return failures
  }

  private static func hex(_ text: String) throws -> [UInt8] {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { throw VectorProblem("seed must be hex digits") }
    return try stride(from: 0, to: digits.count, by: 2).map { index in
      guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16)
      else { throw VectorProblem("seed must be hex digits") }
      return byte
    }
  }
}
