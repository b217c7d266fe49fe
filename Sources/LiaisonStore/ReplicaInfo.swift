import Foundation
import GRDB
import LiaisonCodec
import LiaisonMerge

/// Who this replica is: its id, the liaison who uses it and the villages it is enrolled for.
public struct ReplicaInfo: Sendable, Equatable {
  public let id: ReplicaID
  /// The last counter this replica used; its next write takes the next one.
  public let counter: UInt64
  public let author: String
  public let villages: [String]

  /// The same replica after a write that used `counter`.
  func advanced(to counter: UInt64) -> ReplicaInfo {
    ReplicaInfo(id: id, counter: counter, author: author, villages: villages)
  }

  static func fetch(_ db: Database) throws -> ReplicaInfo {
    guard let row = try Row.fetchOne(db, sql: "SELECT id, counter, author, villages FROM replica")
    else {
      throw StoreError.database("the store has no replica record")
    }
    let idText: String = row["id"]
    guard let id = ReplicaID(idText) else { throw StoreError.database("bad replica id \(idText)") }
    return ReplicaInfo(
      id: id, counter: UInt64(row["counter"] as Int64), author: row["author"],
      villages: try StoreRows.villages(from: row["villages"]))
  }
}

extension ReplicaStore {
  /// This replica's identity and enrolment.
  public func info() throws(StoreError) -> ReplicaInfo {
    try read(ReplicaInfo.fetch)
  }
}
