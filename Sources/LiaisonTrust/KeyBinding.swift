import Foundation
import LiaisonCodec
import LiaisonMerge

/// The server's word on which key signs a replica's changes: the replica, its key, up to
/// which counter its changes may be unsigned, and after which counter its changes are
/// refused because the device was revoked; signed with the server's key
/// (`protocol/sync.md` section 7).
///
/// A device pins the server's key at enrolment and checks every binding it receives with
/// it, so a server cannot hand out another key for a device without signing a lie.
public struct KeyBinding: Sendable, Equatable {
  public let replica: ReplicaID
  /// Nil for a device enrolled before changes were signed that has not sent its key yet:
  /// its changes are unsigned, and shown so.
  public let key: PublicSigningKey?
  /// Changes up to and including this counter may be unsigned: those written before the
  /// replica had a key. Nil with a nil key: every change of the replica is unsigned.
  public let unsignedThrough: Int64?
  /// Set once the device is revoked: the highest counter the server had judged from it then.
  /// A change above it is refused wherever it arrives from.
  public let revokedAfter: Int64?
  /// The server's signature of ``signedBytes``; nil until ``signed(by:)``.
  public let signature: [UInt8]?

  public init(
    replica: ReplicaID, key: PublicSigningKey?, unsignedThrough: Int64?,
    revokedAfter: Int64? = nil, signature: [UInt8]? = nil
  ) {
    self.replica = replica
    self.key = key
    self.unsignedThrough = unsignedThrough
    self.revokedAfter = revokedAfter
    self.signature = signature
  }

  /// The binding signed by the server's key.
  public func signed(by server: SigningKey) -> KeyBinding {
    KeyBinding(
      replica: replica, key: key, unsignedThrough: unsignedThrough, revokedAfter: revokedAfter,
      signature: server.signature(of: signedBytes))
  }

  /// Whether the server whose key is `server` signed this binding.
  public func isSigned(by server: PublicSigningKey) -> Bool {
    signature.map { server.isValidSignature($0, of: signedBytes) } ?? false
  }

  /// The canonical JSON of the binding without its `signature` member.
  public var signedBytes: [UInt8] { CanonicalJSON.encode(members(signed: false)) }

  public var json: JSONValue { members(signed: true) }

  private func members(signed: Bool) -> JSONValue {
    var members: [String: JSONValue] = ["replica": .string(replica.description)]
    if let key { members["key"] = .string(key.base64) }
    if let unsignedThrough { members["unsigned_through"] = .integer(unsignedThrough) }
    if let revokedAfter { members["revoked_after"] = .integer(revokedAfter) }
    if signed, let signature {
      members["signature"] = .string(CanonicalBase64.encode(signature))
    }
    return .object(members)
  }

  /// Why a binding's JSON does not read.
  public struct ShapeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
  }

  public init(json: JSONValue) throws(ShapeError) {
    guard case .object(let members) = json else {
      throw ShapeError(message: "a key binding must be an object")
    }
    let allowed: Set = ["key", "replica", "revoked_after", "signature", "unsigned_through"]
    if let stray = members.keys.sorted().first(where: { !allowed.contains($0) }) {
      throw ShapeError(message: "a key binding has an unknown member \(stray)")
    }
    guard case .string(let replicaText)? = members["replica"], let replica = ReplicaID(replicaText)
    else { throw ShapeError(message: "a key binding's replica must be a replica id") }
    var key: PublicSigningKey?
    if let value = members["key"] {
      guard case .string(let text) = value, let parsed = PublicSigningKey(base64: text) else {
        throw ShapeError(message: "the key of replica \(replica) is not an Ed25519 public key")
      }
      key = parsed
    }
    func counter(_ name: String) throws(ShapeError) -> Int64? {
      guard let value = members[name] else { return nil }
      guard case .integer(let number) = value, number >= 0 else {
        throw ShapeError(message: "\(name) of replica \(replica) must be a counter")
      }
      return number
    }
    var signature: [UInt8]?
    if let value = members["signature"] {
      guard case .string(let text) = value, let bytes = CanonicalBase64.decode(text) else {
        throw ShapeError(message: "the binding of replica \(replica) has a malformed signature")
      }
      signature = bytes
    }
    self.init(
      replica: replica, key: key, unsignedThrough: try counter("unsigned_through"),
      revokedAfter: try counter("revoked_after"), signature: signature)
  }
}
