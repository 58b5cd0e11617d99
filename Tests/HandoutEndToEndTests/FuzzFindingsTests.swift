import Foundation
import Testing

/// Inputs `make fuzz` found (Docs/fuzzing.md), kept as regression tests.
@Suite("Fuzz findings")
struct FuzzFindingsTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  /// A plan whose `layout` is a 100,000-character string is refused at once. The fuzzer found
  /// a 250 KB plan that took 9 s to refuse: the "did you mean" hint works out the edit distance
  /// between the whole string and every built-in layout name, where a length difference above
  /// the allowed distance already rules a name out (4.7 s for 200,000 characters in a debug build).
  @Test func aHugeUnknownLayoutNameIsRefusedAtOnce() throws {
    let name = String(repeating: "word ", count: 20_000)
    let plan = #"{"format": 1, "language": "en", "client": {"name": "Sam Lee"}, "layout": "\#(name)"}"#
    let path = scratch.url.appendingPathComponent("plan.json").path
    try Data(plan.utf8).write(to: URL(fileURLWithPath: path))
    let start = ContinuousClock.now
    let result = try run(handoutBinary, ["render", path, "-o", scratch.url.appendingPathComponent("out.pdf").path])
    let elapsed = ContinuousClock.now - start
    #expect(result.status == 64)
    #expect(result.stderr.contains("plan.json:1:74: error: layout: no built-in layout is called \"word word"))
    withKnownIssue("Suggestion.nearest computes every edit distance in full, whatever the lengths") {
      #expect(elapsed < .seconds(1))
    }
  }
}
