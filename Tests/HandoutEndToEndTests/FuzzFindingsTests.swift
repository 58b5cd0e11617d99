import Foundation
import HandoutModel
import Testing

/// Inputs `make fuzz` found (Docs/fuzzing.md), kept as regression tests.
@Suite("Fuzz findings")
struct FuzzFindingsTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  /// A plan whose `layout` is a 100,000-character string is refused with the field's limit.
  /// The fuzzer found a 250 KB plan that took 9 s to refuse: the "did you mean" hint worked out
  /// the edit distance between the whole string and every built-in layout name. Now the reader
  /// refuses the text by its length, the layout is not looked up, and `Suggestion.nearest`
  /// skips candidates whose length rules them out (a unit test below). No clock is read here:
  /// time is measured in `make bench` and by the fuzzer's own 10 s limit.
  @Test func aHugeUnknownLayoutNameIsRefusedByItsLength() throws {
    let name = String(repeating: "word ", count: 20_000)
    let plan = #"{"format": 1, "language": "en", "client": {"name": "Sam Lee"}, "layout": "\#(name)"}"#
    let path = scratch.url.appendingPathComponent("plan.json").path
    try Data(plan.utf8).write(to: URL(fileURLWithPath: path))
    let result = try run(handoutBinary, ["render", path, "-o", scratch.url.appendingPathComponent("out.pdf").path])
    #expect(result.status == 64)
    #expect(result.stderr.contains("plan.json:1:74: error: layout: the text is 100,000 characters long; the limit is 1,000"), "\(result.stderr.prefix(300))")
    #expect(result.stderr.utf8.count < 2_000, "the name is not echoed back")
  }

  @Test func aSuggestionIsNeverSoughtForAWordFarLongerThanTheCandidates() {
    #expect(Suggestion.nearest(to: String(repeating: "take-home", count: 1_000), in: ["take-home"]) == nil)
    #expect(Suggestion.nearest(to: "take-hom", in: ["take-home", "large-print"]) == "take-home")
    #expect(Suggestion.nearest(to: "tracker-layout-for-the-week", in: ["take-home"]) == nil)
  }
}
