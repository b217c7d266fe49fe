import Crypto

/// The hashing a push signed once would cost a server instead of a signature check per
/// change (`docs/design/push-signatures.md`): the root of a Merkle tree over the push's
/// changes, built as RFC 9162 section 2.1 builds one. Each leaf is `SHA-256(0x00 ‖ signed
/// bytes)`, each interior node `SHA-256(0x01 ‖ left ‖ right)`, and a tree of n leaves splits
/// at the largest power of two below n. For the benchmark's figure only: nothing signs or
/// checks a tree head yet.
enum TreeHead {
  static func root(of leaves: [[UInt8]]) -> [UInt8] {
    hash(
      leaves.map { leaf in
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: leaf)
        return Array(hasher.finalize())
      }[...])
  }

  private static func hash(_ nodes: ArraySlice<[UInt8]>) -> [UInt8] {
    guard nodes.count > 1 else { return nodes.first ?? Array(SHA256.hash(data: [UInt8]())) }
    var split = 1
    while split * 2 < nodes.count { split *= 2 }
    let middle = nodes.startIndex + split
    var hasher = SHA256()
    hasher.update(data: [0x01])
    hasher.update(data: hash(nodes[..<middle]))
    hasher.update(data: hash(nodes[middle...]))
    return Array(hasher.finalize())
  }
}
