import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge
import LiaisonStore

/// What a push costs without HTTP: the server's own work, read beside the end-to-end push
/// (SQLite alone storing the same rows is ``SQLiteFloor``).
enum ServerSideBaseline {
  /// The device's logged changes, as it would send them, in batches.
  static func batches(of store: ReplicaStore, size: Int, includingSent: Bool = false) throws
    -> [[UInt8]]
  {
    var batches: [[UInt8]] = []
    var body: [UInt8] = []
    var count = 0
    let changes =
      includingSent
      ? try store.unsentChanges(after: 0, limit: Int.max) : try store.unsentChanges(limit: Int.max)
    for (_, change) in changes {
      body.append(contentsOf: count == 0 ? Array(#"{"changes":["#.utf8) : [UInt8(ascii: ",")])
      body.append(contentsOf: change)
      count += 1
      if count == size {
        batches.append(body + Array("]}".utf8))
        body = []
        count = 0
      }
    }
    if count > 0 { batches.append(body + Array("]}".utf8)) }
    return batches
  }

  /// Changes per second through the server's own parse, decode, check and apply path: each
  /// request body handed to `TownshipStore.push` as the server hands it, in one transaction
  /// per batch.
  static func storeOnly(
    _ batches: [[UInt8]], replica: ReplicaID, key: PublicSigningKey, in directory: String
  ) throws -> Double {
    let (store, _) = try TownshipStore.create(
      in: directory, administrator: "bench", now: 0, checkpointing: .inTheBackground)
    let code = try store.issueEnrollment(
      name: "a", villages: ["东村"], lifetime: 3_600_000, by: "bench", now: 0
    ).code
    let device = try store.enroll(code: code, replica: replica, key: key, now: 0).device
    let started = Date()
    var accepted = 0
    for body in batches {
      // As the server takes a body: parsed as a stream beside the writer.
      accepted += try store.push(
        PushBatch(body: body, limit: 1_000, binding: device.binding), from: device, now: 0
      ).accepted
    }
    return Double(accepted) / Date().timeIntervalSince(started)
  }
}
