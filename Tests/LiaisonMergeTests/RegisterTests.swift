import LiaisonMerge
import LiaisonTestKit
import Testing

@Suite struct RegisterTests {
  let a = Fixtures.replica(1)
  let b = Fixtures.replica(2)
  let author = Fixtures.author("李伟")

  @Test func aLocalWriteSupersedesEverythingItsReplicaHasSeen() {
    var register = Register<FieldValue>()
    register.write(.text("一"), dot: Dot(replica: a, counter: 1), attribution: author)
    var other = register
    other.write(.text("二"), dot: Dot(replica: b, counter: 1), attribution: author)
    register.merge(other)
    #expect(register.entries.map(\.value) == [.text("二")])
    #expect(!register.isConflicted)
  }

  @Test func concurrentWritesStaySideBySideUntilResolved() {
    var left = Register<FieldValue>()
    var right = Register<FieldValue>()
    left.write(.urgency(.low), dot: Dot(replica: a, counter: 1), attribution: author)
    right.write(.urgency(.urgent), dot: Dot(replica: b, counter: 1), attribution: author)
    var merged = left.merged(with: right)
    #expect(merged.isConflicted)
    #expect(merged.distinctValues == [.urgency(.urgent), .urgency(.low)])
    #expect(merged.winner?.value == .urgency(.urgent))

    merged.write(.urgency(.high), dot: Dot(replica: a, counter: 2), attribution: author)
    #expect(!merged.isConflicted)
    // The old values, arriving again, change nothing: the resolution has seen them.
    #expect(merged.merged(with: left).merged(with: right) == merged)
  }

  @Test func concurrentWritesOfTheSameValueAreNotAConflict() {
    var left = Register<FieldValue>()
    var right = Register<FieldValue>()
    left.write(.status(.closed), dot: Dot(replica: a, counter: 1), attribution: author)
    right.write(
      .status(.closed), dot: Dot(replica: b, counter: 1), attribution: Fixtures.author("王芳"))
    let merged = left.merged(with: right)
    #expect(merged.entries.count == 2)
    #expect(!merged.isConflicted)
    #expect(merged.distinctValues == [.status(.closed)])
  }

  @Test func decodingRefusesAValueOutsideItsContext() {
    let entry = Register<FieldValue>.Entry(
      dot: Dot(replica: a, counter: 2), value: .text("x"), attribution: author)
    #expect(throws: RegisterError.entryOutsideContext(entry.dot)) {
      try Register(
        entries: [entry], context: VersionVector(covering: [Dot(replica: a, counter: 1)]))
    }
  }

  @Test func theSameDotWithTwoValuesMergesToOneAnswerEitherWay() {
    // A protocol violation, but merge must stay commutative even then.
    let dot = Dot(replica: a, counter: 1)
    var left = Register<FieldValue>()
    var right = Register<FieldValue>()
    left.write(.text("甲"), dot: dot, attribution: author)
    right.write(.text("乙"), dot: dot, attribution: author)
    #expect(left.merged(with: right) == right.merged(with: left))
  }
}
