import LiaisonMerge
import LiaisonTestKit
import Testing

@Suite struct ReportIDTests {
  @Test func timeOrderedIdsAreVersion7AndLeadWithTheTime() throws {
    var random = SeededGenerator(seed: 1)
    let time: Int64 = 1_772_323_200_123
    let id = ReportID.timeOrdered(millisecondsSince1970: time, using: &random)
    let text = id.description
    #expect(Int64(text.prefix(8) + text.dropFirst(9).prefix(4), radix: 16) == time)
    #expect(text.dropFirst(14).first == "7")
    #expect(["8", "9", "a", "b"].contains(text.dropFirst(19).first))
    #expect(ReportID(text) == id)
  }

  @Test func timeOrderedIdsSortByTimeAndDifferWithinAMillisecond() {
    var random = SeededGenerator(seed: 2)
    let times: [Int64] = (0..<200).map { 1_772_323_200_000 + Int64($0 / 4) }
    let ids = times.map { ReportID.timeOrdered(millisecondsSince1970: $0, using: &random) }
    #expect(Set(ids).count == ids.count)
    for (earlier, later) in zip(ids, ids.dropFirst()) where later.high >> 16 > earlier.high >> 16 {
      #expect(earlier < later)
      #expect(earlier.description < later.description)
    }
  }

  @Test func aTimeBeforeTheEpochOrPastTheFieldDoesNotTrap() {
    var random = SeededGenerator(seed: 3)
    let early = ReportID.timeOrdered(millisecondsSince1970: -5, using: &random)
    let late = ReportID.timeOrdered(millisecondsSince1970: .max, using: &random)
    #expect(early.high >> 16 == 0)
    #expect(late.high >> 16 == 0xffff_ffff_ffff)
  }
}
