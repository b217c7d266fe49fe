import LiaisonMerge
import LiaisonTestKit
import Testing

@Suite struct VersionVectorTests {
  let a = Fixtures.replica(1)
  let b = Fixtures.replica(2)

  func vector(_ pairs: [(ReplicaID, UInt64)]) -> VersionVector {
    VersionVector(covering: pairs.map { Dot(replica: $0.0, counter: $0.1) })
  }

  @Test func comparesAllFourWays() {
    #expect(vector([(a, 1)]).compare(to: vector([(a, 1)])) == .equal)
    #expect(vector([(a, 1)]).compare(to: vector([(a, 2)])) == .before)
    #expect(vector([(a, 2), (b, 1)]).compare(to: vector([(a, 2)])) == .after)
    #expect(vector([(a, 2)]).compare(to: vector([(b, 1)])) == .concurrent)
    #expect(VersionVector().compare(to: VersionVector()) == .equal)
    #expect(VersionVector().compare(to: vector([(b, 1)])) == .before)
  }

  @Test func joinTakesThePerReplicaMaximum() {
    let joined = vector([(a, 3), (b, 1)]).joined(with: vector([(b, 5)]))
    #expect(joined[a] == 3)
    #expect(joined[b] == 5)
    #expect(joined.covers(vector([(a, 3)])))
    #expect(joined.contains(Dot(replica: b, counter: 5)))
    #expect(!joined.contains(Dot(replica: b, counter: 6)))
  }

  @Test func joinIsCommutativeAssociativeAndIdempotentOnRandomVectors() {
    var random = SeededGenerator(seed: 7)
    func randomVector() -> VersionVector {
      VersionVector(
        covering: (0..<Int.random(in: 0...4, using: &random)).map { _ in
          Dot(
            replica: Fixtures.replica(UInt64.random(in: 1...5, using: &random)),
            counter: UInt64.random(in: 1...9, using: &random))
        })
    }
    for _ in 0..<500 {
      let (x, y, z) = (randomVector(), randomVector(), randomVector())
      #expect(x.joined(with: y) == y.joined(with: x), "seed 7")
      #expect(x.joined(with: y).joined(with: z) == x.joined(with: y.joined(with: z)), "seed 7")
      #expect(x.joined(with: x) == x, "seed 7")
      #expect(x.joined(with: y).covers(x), "seed 7")
    }
  }

  @Test func replicaIDsRoundTripThroughText() throws {
    let id = ReplicaID(high: 0x0123_4567_89ab_cdef, low: 42)
    #expect(id.description == "0123456789abcdef000000000000002a")
    #expect(ReplicaID(id.description) == id)
    #expect(ReplicaID("0123456789ABCDEF000000000000002A") == nil)
    #expect(ReplicaID("xyz") == nil)
  }
}
