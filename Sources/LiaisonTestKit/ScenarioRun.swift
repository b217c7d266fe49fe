import LiaisonCodec
import LiaisonMerge

/// The replicas of one scenario vector as its steps run.
struct ScenarioRun {
  let report: ReportID
  let names: [String: ReplicaID]
  let steps: [JSONValue]
  let expect: [String: JSONValue]
  var replicas: [String: SimulatedReplica] = [:]
  var changes: [Change] = []

  init(_ members: [String: JSONValue]) throws {
    guard let report = ReportID(try string(members["report"], "report")) else {
      throw VectorProblem("report is not a report id")
    }
    self.report = report
    var names: [String: ReplicaID] = [:]
    for (name, value) in try object(members["replicas"], "replicas") {
      guard let id = ReplicaID(try string(value, "replicas.\(name)")) else {
        throw VectorProblem("replicas.\(name) is not a replica id")
      }
      names[name] = id
      replicas[name] = SimulatedReplica(id: id)
    }
    self.names = names
    guard case .array(let steps)? = members["steps"] else {
      throw VectorProblem("steps must be an array")
    }
    self.steps = steps
    expect = try object(members["expect"], "expect")
  }

  mutating func perform() throws {
    for (index, step) in steps.enumerated() {
      let members = try object(step, "steps[\(index)]")
      let name = try string(members["replica"], "steps[\(index)].replica")
      guard var replica = replicas[name] else {
        throw VectorProblem("steps[\(index)]: no replica \(name)")
      }
      if let write = members["write"] {
        let change = try perform(write: try object(write, "write"), at: &replica, step: index)
        if let expected = members["expect_change"],
          CanonicalJSON.encode(expected) != change.canonicalBytes
        {
          throw VectorProblem(
            "steps[\(index)]: the write made \(CanonicalJSON.string(change.json)), expected \(CanonicalJSON.string(expected))"
          )
        }
        changes.append(change)
      } else if case .integer(let number)? = members["receive"] {
        guard changes.indices.contains(Int(number)) else {
          throw VectorProblem("steps[\(index)]: no change \(number) yet")
        }
        replica.receive(changes[Int(number)])
      } else if let source = members["merge"] {
        guard let other = replicas[try string(source, "merge")] else {
          throw VectorProblem("steps[\(index)]: unknown merge source")
        }
        replica.merge(from: other)
      } else if let literal = members["apply"] {
        replica.receive(try Change(json: literal))
      } else {
        throw VectorProblem("steps[\(index)] has no write, receive, merge or apply")
      }
      replicas[name] = replica
    }
  }

  private func perform(write: [String: JSONValue], at replica: inout SimulatedReplica, step: Int)
    throws -> Change
  {
    var edit = ReportEdit()
    for (name, value) in try object(write["values"] ?? .object([:]), "values") {
      guard let field = Field(rawValue: name) else {
        throw VectorProblem("steps[\(step)]: unknown field \(name)")
      }
      edit.values[field] = try FieldValue(json: value, field: field, path: name)
    }
    if let note = write["note"] { edit.note = try string(note, "note") }
    if case .bool(let deleting)? = write["deleting"] { edit.deleting = deleting }
    guard case .integer(let time)? = write["time"] else {
      throw VectorProblem("steps[\(step)].write.time must be an integer")
    }
    if case .integer(let counter)? = write["counter"] {
      while replica.counter + 1 < UInt64(counter) { _ = replica.nextDot() }
    }
    let attribution = Attribution(author: try string(write["author"], "author"), time: time)
    return try replica.write(edit, to: report, attribution: attribution)
  }

  func state(of name: String) throws -> ReportState {
    guard let replica = replicas[name] else { throw VectorProblem("no replica \(name)") }
    return replica.state(report)
  }

  func expectedReplicas(_ expect: [String: JSONValue]) throws -> [String] {
    guard case .array(let items)? = expect["replicas"] else { return names.keys.sorted() }
    return try items.map { try string($0, "expect.replicas[]") }
  }

  func check() throws -> [String] {
    var failures: [String] = []
    for name in try expectedReplicas(expect) {
      let state = try state(of: name)
      let prefix = "replica \(name):"
      if let expected = expect["state"] {
        let expectedBytes = CanonicalJSON.encode(expected)
        if state.canonicalBytes != expectedBytes {
          failures.append(
            "\(prefix) state differs:\n  expected \(CanonicalJSON.string(expected))\n  actual   \(CanonicalJSON.string(state.json))"
          )
        }
      }
      for (name, value) in try object(expect["values"] ?? .object([:]), "values") {
        guard let field = Field(rawValue: name) else {
          throw VectorProblem("expect.values: unknown field \(name)")
        }
        let actual: JSONValue =
          field == .deleted
          ? .array(state.deletion.distinctValues.map { .bool($0.isDeleted) })
          : .array(state[field].distinctValues.map(\.json))
        if actual != value {
          failures.append(
            "\(prefix) values of \(name) are \(CanonicalJSON.string(actual)), expected \(CanonicalJSON.string(value))"
          )
        }
      }
      if let conflicts = expect["conflicts"] {
        let actual = JSONValue.array(state.conflicts.map { .string($0.rawValue) })
        if actual != conflicts {
          failures.append(
            "\(prefix) conflicts are \(CanonicalJSON.string(actual)), expected \(CanonicalJSON.string(conflicts))"
          )
        }
      }
      if case .bool(let deleted)? = expect["deleted"], state.isDeleted != deleted {
        failures.append("\(prefix) deleted is \(state.isDeleted), expected \(deleted)")
      }
      if let notes = expect["notes"] {
        let actual = JSONValue.array(state.notes.chronological.map { .string($0.text) })
        if actual != notes {
          failures.append(
            "\(prefix) notes are \(CanonicalJSON.string(actual)), expected \(CanonicalJSON.string(notes))"
          )
        }
      }
    }
    return failures
  }
}
