import LiaisonCodec
import LiaisonMerge
import LiaisonTrust

/// Fixed signing keys for tests and vectors: key `n` has the seed of 32 bytes all `n`, so a
/// signature made with it is the same in every run (Ed25519 is deterministic).
public enum TestKeys {
  public static func key(_ number: UInt8) -> SigningKey {
    SigningKey(seed: [UInt8](repeating: number, count: 32))!
  }

  /// A change's JSON signed with `key`; JSON that is not a valid change is returned as it
  /// is, since no signature can make it acceptable.
  public static func sign(_ json: JSONValue, with key: SigningKey) -> JSONValue {
    guard let change = try? Change(json: json) else { return json }
    return key.sign(change).json
  }
}
