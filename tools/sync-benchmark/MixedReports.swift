import Foundation
import LiaisonMerge
import LiaisonTestKit

/// Reports of a township's variety for `fill --mixed`: each change creates one report in one
/// of four villages, with every category, urgency and status in turn, written at an even pace
/// over the 16 weeks before `now`, and one in ten due before `now` (overdue while open).
struct MixedReports {
  static let villages = ["东村", "西村", "南村", "北村"]
  private static let span: Int64 = 16 * 7 * 86_400_000

  let count: Int
  let now: Int64

  func create(index: Int, replica: ReplicaID, using random: inout SeededGenerator) throws
    -> Change
  {
    let time = now - Self.span + Self.span * Int64(index) / Int64(max(count, 1))
    var values: [Field: FieldValue] = [
      .village: .text(Self.villages[index % Self.villages.count]),
      .category: .category(Category.allCases[index % Category.allCases.count]),
      .title: .text("\(Fixtures.titles[index % Fixtures.titles.count]) \(index)"),
      .details: .text("村民反映情况，需要跟进。编号 \(index)。"),
      .urgency: .urgency(Urgency.allCases[(index / 7) % Urgency.allCases.count]),
      .status: .status(Status.allCases[(index / 3) % Status.allCases.count]),
    ]
    if index % 10 == 0, let due = CalendarDate(Self.day(time + 7 * 86_400_000)) {
      values[.due] = .date(due)
    }
    var state = ReportState(id: ReportID.random(using: &random))
    return try state.write(
      ReportEdit(values: values), dot: Dot(replica: replica, counter: UInt64(index + 1)),
      attribution: Attribution(author: "a", time: time))
  }

  /// `YYYY-MM-DD` of a time in milliseconds since 1970, in UTC.
  private static func day(_ milliseconds: Int64) -> String {
    let format = ISO8601DateFormatter()
    format.formatOptions = [.withFullDate]
    return format.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
  }
}
