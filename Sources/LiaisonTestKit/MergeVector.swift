import Foundation
import LiaisonCodec
import LiaisonMerge

/// One test vector of `protocol/vectors/`: a scripted scenario and what it must produce.
///
/// The format is specified in `protocol/vectors/README.md`. Running a vector needs nothing
/// but the public merge and codec API, which is what another implementation would mirror.
public struct MergeVector: Sendable {
  public let name: String
  public let json: JSONValue

  public init(name: String, json: JSONValue) {
    self.name = name
    self.json = json
  }

  /// Every `*.json` file in `directory`, sorted by name.
  ///
  /// A folder that cannot be read, a file that is not JSON, or a folder with no vector at all
  /// throws: a run of zero vectors must never pass for a run of every vector.
  public static func load(from directory: URL) throws -> [MergeVector] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".json") }.sorted()
    guard !names.isEmpty else { throw VectorProblem("no *.json vector in \(directory.path)") }
    return try names.map { name in try load(directory.appendingPathComponent(name)) }
  }

  /// The vector in one file, named by the file's name.
  public static func load(_ file: URL) throws -> MergeVector {
    let data = try Data(contentsOf: file)
    do {
      return MergeVector(name: file.lastPathComponent, json: try JSONValue(parsing: data))
    } catch {
      throw VectorProblem("\(file.lastPathComponent): \(error)")
    }
  }

  /// The names of the `*.json` files in `directory`, sorted; empty when it cannot be read.
  ///
  /// For test arguments, which cannot throw: pair it with ``load(from:)`` in a test of its own
  /// so that an unreadable folder fails there instead of running no case.
  public static func names(in directory: URL) -> [String] {
    let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
    return (names ?? []).filter { $0.hasSuffix(".json") }.sorted()
  }

  /// Runs the vector and returns what did not match; empty when it passes.
  public func run() -> [String] {
    do {
      let members = try object(json, "vector")
      if members["decode"] != nil { return try runDecode(members) }
      if members["verify"] != nil { return try SignatureVector(members).run() }
      var run = try ScenarioRun(members)
      try run.perform()
      return try run.check()
    } catch let problem as VectorProblem {
      return [problem.message]
    } catch {
      return ["\(error)"]
    }
  }

  /// The vector with `expect.state` filled from this implementation, for a reviewer to read.
  public func blessed() throws -> JSONValue {
    guard case .object(var members) = json, members["steps"] != nil,
      case .object(var expect)? = members["expect"]
    else { return json }
    var run = try ScenarioRun(members)
    try run.perform()
    expect["state"] = try run.state(of: run.expectedReplicas(expect).first!).json
    members["expect"] = .object(expect)
    return .object(members)
  }

  private func runDecode(_ members: [String: JSONValue]) throws -> [String] {
    let kind = try string(members["decode"], "decode")
    let input = members["input"] ?? .null
    var failures: [String] = []
    do {
      let bytes: [UInt8]
      switch kind {
      case "change": bytes = try Change(json: input).canonicalBytes
      case "state": bytes = try ReportState(json: input).canonicalBytes
      default: throw VectorProblem("unknown decode kind \(kind)")
      }
      if let error = members["error"] {
        failures.append("decoded without error, expected \(CanonicalJSON.string(error))")
      }
      if let canonical = members["canonical"] {
        let expected = try string(canonical, "canonical")
        let actual = String(decoding: bytes, as: UTF8.self)
        if actual != expected {
          failures.append("canonical bytes differ:\n  expected \(expected)\n  actual   \(actual)")
        }
      }
    } catch let error as ValidationError {
      guard case .object(let expected)? = members["error"] else {
        return ["unexpected error: \(error)"]
      }
      let actual: [String: JSONValue] = [
        "field": .string(error.field), "code": .string(error.problem.code),
      ]
      if actual != expected {
        failures.append(
          "expected error \(CanonicalJSON.string(.object(expected))), got \(CanonicalJSON.string(.object(actual))) (\(error))"
        )
      }
    }
    return failures
  }
}

struct VectorProblem: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
  init(_ message: String) { self.message = message }
}

func object(_ value: JSONValue?, _ what: String) throws -> [String: JSONValue] {
  guard case .object(let members)? = value else { throw VectorProblem("\(what) must be an object") }
  return members
}

func string(_ value: JSONValue?, _ what: String) throws -> String {
  guard case .string(let text)? = value else { throw VectorProblem("\(what) must be a string") }
  return text
}
