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
    // A hint quotes the word as the plan writes it, so that the fix can be pasted in.
    #expect(result.stderr.contains(#"""
      sciatica-plan.json:18:20: warning: therapist.credentials: "LMT" is a medical word a client may not know
        hint: write "licensed massage therapist" instead, or explain it: "LMT (licensed massage therapist)"
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

  /// The symptoms are the plan's prose too: the sheet explains a word there, so `validate` names it.
  @Test func aWordInTheSymptomsIsNamedAtItsPlace() throws {
    let request = try editedExample("sciatica-plan") { plan in
      var condition = plan["condition"] as! [String: Any]
      condition["symptoms"] = ["Pain from the lower back into the left leg", "A tight left piriformis after sitting"]
      condition["summary"] = "Pain down the left leg."
      plan["condition"] = condition
    }
    let (_, diagnostics) = try Engine().validate(request)
    let named = diagnostics.filter { $0.path == JSONPath.root.appending("condition").appending("symptoms").appending(1) }
    #expect(named.map(DiagnosticFormatter.format).contains { $0.contains(#""piriformis" is a medical word a client may not know"#) },
      "\(diagnostics.map(DiagnosticFormatter.format))")
  }

  /// The printed sheet explains what the plan did not: read back from the PDF's text.
  @Test func theSheetExplainsEachWordAtItsFirstUseAndSaysWhatTheConditionIs() throws {
    let scratch = try Scratch()
    func text(_ layout: String) throws -> String {
      var request = try HandoutEndToEndTests.request(sharedExamples.appendingPathComponent("sciatica-plan.json"))
      request.layout = layout
      request.sourceDateEpoch = 0
      let pdf = try scratch.file(try Engine().render(request).files[0])
      return try HandoutEndToEndTests.text(ofPDF: pdf, raw: true).replacingOccurrences(of: "\n", with: " ")
    }
    let takeHome = try text("take-home")
    for explained in [
      "Tight left piriformis (a muscle deep in your buttock) and", "gluteus medius (a muscle at the side of your hip)",
      "A lumbar (lower back) cushion", "LMT (licensed massage therapist), certified in",
      "neuromuscular therapy (pressure on tight spots)",
    ] {
      #expect(takeHome.contains(explained), "\(explained)")
    }
    #expect(takeHome.components(separatedBy: "(a muscle deep in your buttock)").count == 2, "explained once")
    // The line under the title says for whom and when; the info row does not say it again.
    #expect(takeHome.contains("Prepared for Jordan Alvarez on November 20, 2026"))
    #expect(takeHome.components(separatedBy: "Jordan Alvarez").count == 2 && !takeHome.contains("Client "), "\(takeHome.prefix(400))")
    // The technique's own line says what fascia is, right above the note that uses the word.
    #expect(!takeHome.contains("fascia (the thin layer"))
    #expect(takeHome.contains("Sciatica: nerve pain that runs from your back down your leg. Pain from"))
    // The report prints the condition's overview, which says what sciatica is.
    let report = try text("care-plan-report")
    #expect(report.contains("Sciatica is pain that travels along the sciatic nerve"))
    #expect(!report.contains("Sciatica: nerve pain"))
  }
}
