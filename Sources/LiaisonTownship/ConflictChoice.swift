import Crypto
import Foundation
import LiaisonCodec
import LiaisonMerge

/// One of the values an administrator may choose for a conflicting field, numbered as
/// `township conflict show` prints them, so `township resolve --pick N` means the same on
/// both sides.
public struct ConflictChoice: Sendable, Equatable {
  /// What choosing it writes: a field value, or for ``Field/deleted`` to keep the report
  /// deleted (true) or restore it with the edits made meanwhile (false).
  public enum Outcome: Sendable, Equatable {
    case value(FieldValue)
    case deletion(Bool)
  }

  /// One write behind a choice: which replica made it, and who and when.
  public struct Write: Sendable, Equatable {
    public let dot: Dot
    public let attribution: Attribution

    public init(dot: Dot, attribution: Attribution) {
      self.dot = dot
      self.attribution = attribution
    }
  }

  /// From 1, in provisional order.
  public let number: Int
  public let outcome: Outcome
  /// The concurrent writes that made this value, oldest first.
  public let writes: [Write]
  /// True for the value every replica shows until someone decides.
  public let isProvisional: Bool

  /// The choice as a person reads it.
  public var label: String {
    switch outcome {
    case .value(let value):
      if case .absent = value { return "(none)" }
      return value.description
    case .deletion(let deleting):
      return deleting ? "deleted" : "restored, keeping the edits"
    }
  }
}

extension ReportState {
  /// The values a person chooses between for a conflicting field, provisional winner first;
  /// empty when the field is not in conflict.
  public func choices(for field: Field) -> [ConflictChoice] {
    guard conflicts.contains(field) else { return [] }
    if field != .deleted {
      return self[field].entriesInProvisionalOrder.enumerated().map { index, entry in
        ConflictChoice(
          number: index + 1, outcome: .value(entry.value),
          writes: [.init(dot: entry.dot, attribution: entry.attribution)], isProvisional: index == 0
        )
      }
    }
    // A report whose delete crossed edits or a restore stays visible until decided, so
    // "restored" is what every replica shows meanwhile: it comes first.
    let unseen = Set(editsUnseenByDeletion)
    var keeping = deletion.entries.filter { !$0.value.isDeleted }.map {
      ConflictChoice.Write(dot: $0.dot, attribution: $0.attribution)
    }
    for field in Field.valueFields {
      for entry in self[field].entries where unseen.contains(entry.dot) {
        keeping.append(.init(dot: entry.dot, attribution: entry.attribution))
      }
    }
    for note in notes.notes where unseen.contains(note.dot) {
      keeping.append(.init(dot: note.dot, attribution: note.attribution))
    }
    let deleting = deletion.entries.filter(\.value.isDeleted).map {
      ConflictChoice.Write(dot: $0.dot, attribution: $0.attribution)
    }
    return [
      ConflictChoice(
        number: 1, outcome: .deletion(false), writes: Self.oldestFirst(keeping),
        isProvisional: !isDeleted),
      ConflictChoice(
        number: 2, outcome: .deletion(true), writes: Self.oldestFirst(deleting),
        isProvisional: isDeleted),
    ]
  }

  /// A short fingerprint of the whole state: the first 12 hexadecimal digits of the SHA-256
  /// of its canonical bytes. Any change that reaches the report changes it, so a resolution
  /// made against an older version can be refused.
  public var version: String {
    SHA256.hash(data: Data(canonicalBytes)).prefix(6).map { String(format: "%02x", $0) }.joined()
  }

  /// The replicas whose writes are part of a conflict, sorted.
  public var conflictingReplicas: [ReplicaID] {
    let replicas = conflicts.flatMap { choices(for: $0) }.flatMap(\.writes).map(\.dot.replica)
    return Array(Set(replicas)).sorted()
  }

  /// When the report's oldest open conflict began: for each conflicting field the time its
  /// second concurrent write was made, and the earliest of those; nil without a conflict.
  public var conflictSince: Int64? {
    conflicts.compactMap { field -> Int64? in
      let times = choices(for: field).flatMap(\.writes).map(\.attribution.time).sorted()
      return times.count > 1 ? times[1] : times.first
    }.min()
  }

  /// Each write once, oldest first: one change that set several fields contributes its dot
  /// once per field, but it is one write.
  private static func oldestFirst(_ writes: [ConflictChoice.Write]) -> [ConflictChoice.Write] {
    var seen: Set<Dot> = []
    return writes.filter { seen.insert($0.dot).inserted }
      .sorted { ($0.attribution.time, $0.dot) < ($1.attribution.time, $1.dot) }
  }
}
