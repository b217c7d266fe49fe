import LiaisonLocalization
import LiaisonMerge
import LiaisonTownship

/// One report: every field with who wrote it (each concurrent value of a conflict), notes,
/// its whole history as the township received it, and its audit entries.
struct ReportPage {
  let state: ReportState
  let history: [HistoryEntry]
  let audit: [AuditEntry]
  let names: [ReplicaID: ReplicaName]
  let visit: Visit
  var notice: String?
  /// Why a decision was refused as stale, shown above the report's state as it is now.
  var stale: String?

  func render() -> String {
    let localizer = visit.localizer
    let words = Words(localizer: localizer, names: names)
    let conflicts = Set(state.conflicts)
    var fields: [[String: Any]] = Field.valueFields.map { field in
      let register = state[field]
      var values: [[String: Any]] = []
      if conflicts.contains(field) {
        values = state.choices(for: field).flatMap { choice in
          words.writes(choice.writes, value: words.choice(choice.outcome))
        }
      } else if let winner = register.winner {
        values = words.writes(
          [ConflictChoice.Write(dot: winner.dot, attribution: winner.attribution)],
          value: words.value(winner.value))
      } else {
        values = [["value": localizer("common.none")]]
      }
      return words.rows(field, values, conflict: conflicts.contains(field))
    }
    if conflicts.contains(.deleted) {
      let values = state.choices(for: .deleted).flatMap { choice in
        words.writes(choice.writes, value: words.choice(choice.outcome))
      }
      fields.append(words.rows(.deleted, values, conflict: true))
    } else if let winner = state.deletion.winner {
      fields.append(
        words.rows(
          .deleted,
          words.writes(
            [ConflictChoice.Write(dot: winner.dot, attribution: winner.attribution)],
            value: localizer(winner.value.isDeleted ? "console.yes" : "console.no")),
          conflict: false))
    }
    let notes: [[String: Any]] = state.notes.chronological.map { note in
      [
        "text": note.text, "author": note.attribution.author,
        "time": localizer.time(milliseconds: note.attribution.time),
        "device": words.device(note.dot.replica),
      ]
    }
    var data: [String: Any] = [
      "id": state.id.description, "title": state.value(.title).description,
      "deleted": state.isDeleted, "conflicted": !conflicts.isEmpty, "fields": fields,
      "notes": notes, "anyNotes": !notes.isEmpty,
      "history": history.flatMap(words.history), "entries": audit.map(words.audit),
      "anyEntries": !audit.isEmpty, "auditTable": "report-audit",
    ]
    if let notice { data["notice"] = notice }
    if let stale { data["stale"] = stale }
    return ConsoleView.page(
      "report", data, visit: visit, title: state.value(.title).description, section: "reports")
  }
}

/// How the console words values, writers and audit entries in the reader's language.
struct Words {
  let localizer: Localizer
  let names: [ReplicaID: ReplicaName]

  /// A value as a person reads it: `dispute` reads 纠纷, a due date in the reader's form.
  func value(_ value: FieldValue) -> String {
    switch value {
    case .absent: localizer("common.none")
    case .category, .urgency, .status: localizer.valueName(value.description)
    case .date(let date): localizer.calendarDate(date.description)
    default: value.description
    }
  }

  func choice(_ outcome: ConflictChoice.Outcome) -> String {
    switch outcome {
    case .value(let value): self.value(value)
    case .deletion(let deleting):
      localizer(deleting ? "console.choice.deleted" : "console.choice.restored")
    }
  }

  /// The liaison's name and the replica id's first 8 digits, as `township conflict show`.
  func device(_ replica: ReplicaID) -> String {
    let prefix = String(replica.description.prefix(8))
    guard let name = names[replica]?.name else {
      return localizer("console.device_unknown", ["replica": prefix])
    }
    return "\(name) (\(prefix))"
  }

  /// One row per write of a value; the value shown on the first.
  func writes(_ writes: [ConflictChoice.Write], value: String) -> [[String: Any]] {
    guard !writes.isEmpty else { return [["value": value]] }
    return writes.enumerated().map { index, write in
      [
        "value": index == 0 ? value : "", "device": device(write.dot.replica),
        "author": write.attribution.author,
        "time": localizer.time(milliseconds: write.attribution.time),
      ]
    }
  }

  /// A field's rows, the field named on the first.
  func rows(_ field: Field, _ values: [[String: Any]], conflict: Bool) -> [String: Any] {
    let marked = values.enumerated().map { index, value in
      var value = value
      value["first"] = index == 0
      value["span"] = values.count
      value["code"] = field.rawValue
      value["conflict"] = conflict
      value["name"] = localizer.fieldName(field.rawValue)
      return value
    }
    return ["values": marked]
  }

  /// A change's rows in a report's history: one per field it changed, its note, its delete.
  func history(_ entry: HistoryEntry) -> [[String: Any]] {
    let common: [String: Any] = [
      "author": entry.attribution.author,
      "time": localizer.time(milliseconds: entry.attribution.time),
      "device": device(entry.dot.replica),
    ]
    var rows: [[String: Any]] = entry.fields.map { change in
      var row = common
      row["field"] = localizer.fieldName(change.field.rawValue)
      if case .absent = change.old {} else { row["old"] = value(change.old) }
      row["new"] = value(change.new)
      return row
    }
    if let note = entry.note {
      var row = common
      row["field"] = localizer("console.history.note")
      row["new"] = note
      rows.append(row)
    }
    if let deleting = entry.deleting {
      var row = common
      row["field"] = localizer.fieldName("deleted")
      row["new"] = localizer(deleting ? "console.choice.deleted" : "console.choice.restored")
      rows.append(row)
    }
    return rows
  }

  func audit(_ entry: AuditEntry) -> [String: Any] {
    [
      "time": localizer.time(milliseconds: entry.time), "actor": entry.actor,
      "action": entry.action, "subject": entry.subject, "detail": entry.detail,
      "reason": entry.reason,
    ]
  }
}
