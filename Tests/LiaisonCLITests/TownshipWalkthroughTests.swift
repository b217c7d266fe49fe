import Foundation
import LiaisonTestScratch
import Testing

/// The README's "Walk-through: a township and two devices", command by command, against the
/// real binaries: enrolment by link over pinned HTTPS, sync, a clash, its resolution, and the
/// auditor's `township verify`.
@Suite(.serialized, .scratch) struct TownshipWalkthroughTests {
  @Test func theReadmeWalkThroughRunsAsWritten() throws {
    let server = try TownshipProcess()
    func link(_ name: String) throws -> String {
      let outcome = try server.run("enroll", "--name", name, "--village", "东村", "--format", "link")
      #expect(outcome.succeeded, "\(outcome.error)")
      return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let (linkA, linkB) = (try link("李伟"), try link("王芳"))
    #expect(
      linkA.hasPrefix("https://") && linkA.contains("#code=") && linkA.contains("pin=sha256:"))

    let a = CommandLineRunner()
    #expect(try a.run("init", "--name", "李伟", "--village", "东村").succeeded)
    #expect(try a.run("enroll", linkA).succeeded)
    let id = try a.run("new", "--category", "dispute", "--title", "水渠纠纷").output
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let short = String(id.prefix(8))
    #expect(try a.run("sync").succeeded)

    let b = CommandLineRunner()
    #expect(try b.run("init", "--name", "王芳", "--village", "东村").succeeded)
    #expect(try b.run("enroll", linkB).succeeded)
    #expect(try b.run("sync").succeeded)
    #expect(try b.run("list").output.contains("水渠纠纷"))
    #expect(try b.run("edit", short, "--title", "水渠纠纷（乙）").succeeded)
    #expect(try b.run("sync").succeeded)
    #expect(try a.run("edit", short, "--title", "水渠纠纷（甲）").succeeded)
    #expect(try a.run("sync").succeeded)
    #expect(try b.run("sync").succeeded)
    #expect(try b.run("show", short).output.contains("水渠纠纷（甲）"))

    // The office decides the clash; both devices receive the decision.
    #expect(try server.run("conflict", "show", short).succeeded)
    let resolved = try server.run(
      "resolve", short, "--field", "title", "--pick", "1", "--reason", "双方核实")
    #expect(resolved.succeeded, "\(resolved.error)")
    for device in [a, b] { #expect(try device.run("sync").succeeded) }
    for device in [a, b] {
      let shown = try device.run("show", short, "--format", "json").output
      #expect(shown.contains("\"conflicts\" : [\n\n  ]"), "\(shown)")
    }
    #expect(!(try a.run("show", short, "--history").output.contains("unsigned")))

    let verified = try server.run(["verify", "--store", server.home], environment: [:])
    #expect(verified.status == 0, "\(verified.output) \(verified.error)")
    #expect(verified.output.contains("4 signed, 0 unsigned"), "\(verified.output)")
    #expect(server.stop() == 0)
  }
}
