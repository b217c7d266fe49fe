import LiaisonMerge

/// Fixed ids and sample values for tests and tools.
public enum Fixtures {
  /// The replica id `000…0n`, for readable tests and vectors.
  public static func replica(_ number: UInt64) -> ReplicaID {
    ReplicaID(high: 0, low: number)
  }

  /// The report id `00000000-0000-4000-8000-00000000000n`.
  public static func report(_ number: Int) -> ReportID {
    let digits = String(number, radix: 16)
    return ReportID(
      "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits)!
  }

  /// A fixed attribution at a fixed time (2026-03-01T00:00:00Z plus `minutes`).
  public static func author(_ name: String, minutes: Int64 = 0) -> Attribution {
    Attribution(author: name, time: 1_772_323_200_000 + minutes * 60_000)
  }

  /// Titles in Chinese and English, for realistic text and for display-width tests.
  public static let titles = [
    "水渠纠纷", "桥梁裂缝", "独居老人需要帮助", "Broken well pump", "邻里土地边界争议",
    "村口路灯损坏", "Flooded road near school", "低保申请咨询",
  ]

  /// Sample villages.
  public static let villages = ["东村", "西村", "南湾", "Hillside"]

  /// A new report with every field set, each kind of value among them (words, a multi-line
  /// text, a location with words and a point, a date), and a note.
  public static let everyField = ReportEdit(
    values: [
      .village: .text("东村"), .category: .category(.hazard), .title: .text("桥梁裂缝"),
      .details: .text("Cracks on the north side.\n需要尽快处理。"), .urgency: .urgency(.high),
      .location: .location(
        Location(text: "村口桥", latitudeE7: 301_234_567, longitudeE7: -1_203_456_789)),
      .due: .date(CalendarDate("2026-12-01")!), .parties: .text("张三"),
    ], note: "第一次查看")

  /// The fields of a new report with every required field set.
  public static func newReport(title: String = "水渠纠纷", village: String = "东村") -> ReportEdit {
    ReportEdit(values: [
      .village: .text(village), .category: .category(.dispute), .title: .text(title),
      .urgency: .urgency(.normal), .status: .status(.open),
    ])
  }
}
