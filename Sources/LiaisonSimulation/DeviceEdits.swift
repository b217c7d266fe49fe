import LiaisonMerge
import LiaisonTestKit

/// Random edits drawn from small pools of values, so devices often write the same field of
/// the same report, sometimes with the same value (no conflict) and sometimes not (a conflict).
enum DeviceEdits {
  static let villages = ["东村", "西村"]
  static let details: [FieldValue] = [
    .absent, .text("村民反映情况，需要跟进。"), .text("已电话联系，明天上门。"), .text("Pump replaced."),
  ]
  static let people: [FieldValue] = [.absent, .text("张三"), .text("李四"), .text("王五")]
  static let locations: [FieldValue] = [
    .absent, .location(Location(text: "村口")),
    .location(Location(text: "水渠北段", latitudeE7: 301_234_567, longitudeE7: 1_203_456_789)),
  ]
  static let dates: [FieldValue] = [
    .absent, .date(CalendarDate("2026-12-01")!), .date(CalendarDate("2027-01-15")!),
  ]
  static let notes = ["已到现场查看", "双方同意调解", "Called the family", "等待乡里答复"]

  /// The fields of a new report in one of `villages`.
  static func newReport(in villages: [String], using random: inout SeededGenerator)
    -> [Field: FieldValue]
  {
    var values: [Field: FieldValue] = [
      .village: .text(villages.randomElement(using: &random)!),
      .category: .category(Category.allCases.randomElement(using: &random)!),
      .title: .text(Fixtures.titles.randomElement(using: &random)!),
    ]
    if Bool.random(using: &random) { values[.details] = details.randomElement(using: &random)! }
    return values
  }

  /// One to three fields with new values; a village only among `villages`.
  static func edit(in villages: [String], using random: inout SeededGenerator)
    -> [Field: FieldValue]
  {
    var values: [Field: FieldValue] = [:]
    for _ in 0..<Int.random(in: 1...3, using: &random) {
      let field = Field.valueFields.randomElement(using: &random)!
      values[field] = value(for: field, in: villages, using: &random)
    }
    return values
  }

  static func value(
    for field: Field, in villages: [String], using random: inout SeededGenerator
  ) -> FieldValue {
    switch field {
    case .village: .text(villages.randomElement(using: &random)!)
    case .category: .category(Category.allCases.randomElement(using: &random)!)
    case .title: .text(Fixtures.titles.randomElement(using: &random)!)
    case .details: details.randomElement(using: &random)!
    case .urgency: .urgency(Urgency.allCases.randomElement(using: &random)!)
    case .status: .status(Status.allCases.randomElement(using: &random)!)
    case .location: locations.randomElement(using: &random)!
    case .parties, .assignee: people.randomElement(using: &random)!
    case .due: dates.randomElement(using: &random)!
    case .deleted: preconditionFailure("deleted is not a value field")
    }
  }
}
