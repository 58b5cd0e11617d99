import Foundation
import HandoutKit
import HandoutModel
import Testing

/// `validate` names the clinical words of a plan's own text, where they are and the plain words
/// to use (PEMAT-P items 3 and 4 of Docs/health-literacy.md).
@Suite("Medical-word warnings")
struct MedicalWordWarningTests {
  @Test func theReferencePlansShorthandIsNamedWithItsPlace() throws {
    let plan = sharedExamples.appendingPathComponent("sciatica-plan.json")
    let result = try run(handoutBinary, ["validate", plan.path])
    #expect(result.status == 0)
    #expect(result.stderr.contains(#"""
      sciatica-plan.json:28:16: warning: condition.summary: "piriformis" is a medical word a client may not know
        hint: write "a muscle deep in your buttock" instead, or explain it: "piriformis (a muscle deep in your buttock)"
      """#), "\(result.stderr)")
    // The myofascial note's "fascia" is explained by the technique's own line printed beside it.
    #expect(!result.stderr.contains(#""fascia""#))
    let strict = try run(handoutBinary, ["validate", "--strict", plan.path])
    #expect(strict.status == 64)
  }

  @Test func anExplainedWordIsNotNamed() throws {
    let request = try editedExample("sciatica-plan") { plan in
      var condition = plan["condition"] as! [String: Any]
      condition["summary"] = "Pain down the left leg. A tight muscle deep in your left buttock (piriformis)."
      plan["condition"] = condition
    }
    let (_, diagnostics) = try Engine().validate(request)
    let named = diagnostics.filter { $0.path == JSONPath.root.appending("condition").appending("summary") }
    #expect(named.isEmpty, "\(named.map(DiagnosticFormatter.format))")
  }
}
