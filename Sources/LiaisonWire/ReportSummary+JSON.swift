import LiaisonCodec
import LiaisonMerge
import LiaisonTownship

extension ReportSummary {
  /// One report of a list as `GET /v1/admin/reports` sends it and `liaison list --format
  /// json` prints it: the same shape, so scripts read both alike.
  public var json: JSONValue {
    .object([
      "id": .string(id.description), "village": .string(village),
      "category": .string(category), "title": .string(title),
      "urgency": .string(urgency), "status": .string(status),
      "assignee": assignee.isEmpty ? .null : .string(assignee),
      "due": due.isEmpty ? .null : .string(due), "deleted": .bool(isDeleted),
      "conflicted": .bool(isConflicted),
      "created": .string(WireTime.text(createdAt)),
      "updated": .string(WireTime.text(updatedAt)),
    ])
  }

  /// Reads back what ``json`` wrote; nil when it is not that shape.
  public init?(json: JSONValue) {
    guard case .object(let members) = json, case .string(let idText)? = members["id"],
      let id = ReportID(idText), case .bool(let deleted)? = members["deleted"],
      case .bool(let conflicted)? = members["conflicted"]
    else { return nil }
    func text(_ key: String) -> String {
      if case .string(let value)? = members[key] { value } else { "" }
    }
    self.init(
      id: id, village: text("village"), category: text("category"), title: text("title"),
      urgency: text("urgency"), status: text("status"), assignee: text("assignee"),
      due: text("due"), isDeleted: deleted, isConflicted: conflicted,
      createdAt: WireTime.milliseconds(text("created")) ?? 0,
      updatedAt: WireTime.milliseconds(text("updated")) ?? 0)
  }
}
