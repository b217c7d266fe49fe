import LiaisonMerge

/// A seeded run of replicas that write, merge states and pass changes around at random,
/// including duplicated and reordered deliveries: the schedules the property checks explore.
public struct MergeSimulation: Sendable {
  public private(set) var replicas: [SimulatedReplica]
  /// Every change any replica wrote, by dot.
  public private(set) var written: [Dot: Change] = [:]
  public let reportIDs: [ReportID]
  private var random: SeededGenerator

  public init(seed: UInt64, replicaCount: Int, reportCount: Int = 1) {
    random = SeededGenerator(seed: seed)
    replicas = (1...replicaCount).map { SimulatedReplica(id: Fixtures.replica(UInt64($0))) }
    reportIDs = (1...reportCount).map(Fixtures.report)
  }

  /// Takes one random step and returns the index of the replica it changed.
  @discardableResult
  public mutating func step() -> Int {
    let target = Int.random(in: 0..<replicas.count, using: &random)
    let roll = Int.random(in: 0..<100, using: &random)
    let source = Int.random(in: 0..<replicas.count, using: &random)
    if roll < 50 || replicas.count == 1 {
      writeRandomly(at: target)
    } else if roll < 75 {
      replicas[target].merge(from: replicas[source])
    } else {
      deliverSome(from: source, to: target)
    }
    return target
  }

  /// Brings every replica up to date; by change delivery alone, or by state merges.
  public mutating func settle(byChanges: Bool) {
    if byChanges {
      let all = written.values.sorted { $0.dot < $1.dot }
      for index in replicas.indices {
        for change in all.shuffled(using: &random) { replicas[index].receive(change) }
      }
    } else {
      for _ in 0..<2 {
        for source in replicas.indices {
          for target in replicas.indices.shuffled(using: &random) {
            replicas[target].merge(from: replicas[source])
          }
        }
      }
    }
  }

  private mutating func writeRandomly(at index: Int) {
    let report = reportIDs.randomElement(using: &random)!
    let current = replicas[index].state(report)
    let author = Fixtures.author(
      ["李伟", "王芳", "Chen"].randomElement(using: &random)!, minutes: Int64(written.count))
    var edit: ReportEdit
    if current.isEmpty {
      edit = Fixtures.newReport(title: Fixtures.titles.randomElement(using: &random)!)
    } else {
      let roll = Int.random(in: 0..<100, using: &random)
      if roll < 12 {
        edit = .note(["已上门了解情况", "Visited again", "双方同意调解"].randomElement(using: &random)!)
      } else if roll < 18 {
        edit = current.isDeleted ? .restore : .delete
      } else {
        edit = ReportEdit()
        for _ in 0..<Int.random(in: 1...3, using: &random) {
          let field = Field.valueFields.randomElement(using: &random)!
          edit.values[field] = randomValue(for: field)
        }
      }
    }
    let change = try! replicas[index].write(edit, to: report, attribution: author)
    written[change.dot] = change
  }

  private mutating func deliverSome(from source: Int, to target: Int) {
    let available = Array(replicas[source].changes.values)
    guard !available.isEmpty else { return }
    var batch = (0..<Int.random(in: 1...max(1, available.count), using: &random)).map { _ in
      available.randomElement(using: &random)!
    }
    batch.shuffle(using: &random)
    for change in batch { replicas[target].receive(change) }
  }

  /// Values drawn from small pools, so concurrent writes of the same value happen often.
  private mutating func randomValue(for field: Field) -> FieldValue {
    switch field {
    case .category: return .category(Category.allCases.randomElement(using: &random)!)
    case .urgency: return .urgency(Urgency.allCases.randomElement(using: &random)!)
    case .status: return .status(Status.allCases.randomElement(using: &random)!)
    case .due:
      return .date(
        CalendarDate(["2026-03-15", "2026-04-01", "2027-01-31"].randomElement(using: &random)!)!)
    case .location:
      return [
        .absent, .location(Location(text: "村委会")),
        .location(Location(text: "桥头", latitudeE7: 312_304_000, longitudeE7: 1_214_737_000)),
      ].randomElement(using: &random)!
    case .village: return .text(Fixtures.villages.randomElement(using: &random)!)
    case .title: return .text(Fixtures.titles.randomElement(using: &random)!)
    case .assignee: return [.absent, .text("张主任"), .text("Ma Lin")].randomElement(using: &random)!
    default:
      return [.absent, .text("张三、李四"), .text("见附件\n第二行"), .text("Ma Lin")].randomElement(
        using: &random)!
    }
  }

  /// A random number in `range`, for callers that size their schedules from the same seed.
  public mutating func draw(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &random)
  }
}
