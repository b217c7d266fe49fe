import LiaisonLocalization
import LiaisonMerge
import LiaisonTownship

/// A report's conflicts side by side, as `township conflict show` numbers them, each field
/// with its own form: a value picked or typed, and a reason.
struct DecisionPage {
  let state: ReportState
  let names: [ReplicaID: ReplicaName]
  let visit: Visit
  var error: String?

  func render() -> String {
    let localizer = visit.localizer
    let words = Words(localizer: localizer, names: names)
    let forms: [[String: Any]] = state.conflicts.map { field in
      let choices: [[String: Any]] = state.choices(for: field).map { choice in
        [
          "number": choice.number, "value": words.choice(choice.outcome),
          "provisional": choice.isProvisional,
          "writes": choice.writes.map { write in
            [
              "device": words.device(write.dot.replica), "author": write.attribution.author,
              "time": localizer.time(milliseconds: write.attribution.time),
            ]
          },
        ]
      }
      return [
        "field": field.rawValue, "name": localizer.fieldName(field.rawValue),
        "isDeletion": field == .deleted, "choices": choices,
      ]
    }
    let conflicts = Set(state.conflicts)
    let merged: [[String: Any]] = Field.valueFields.compactMap { field in
      guard !conflicts.contains(field) else { return nil }
      if case .absent = state.value(field) { return nil }
      return [
        "name": localizer.fieldName(field.rawValue), "value": words.value(state.value(field)),
      ]
    }
    var data: [String: Any] = [
      "id": state.id.description, "title": state.value(.title).description,
      "village": state.value(.village).description,
      "category": words.value(state.value(.category)), "version": state.version,
      "csrf": visit.session?.csrf ?? "", "forms": forms, "merged": merged,
      "anyMerged": !merged.isEmpty,
    ]
    if let error { data["error"] = error }
    return ConsoleView.page(
      "decision", data, visit: visit,
      title: localizer("console.conflict.title", ["title": state.value(.title).description]),
      section: "conflicts")
  }
}
