import Foundation
import Testing

@testable import HandoutModel

@Suite("Plan reader")
struct PlanReaderTests {
  func read(_ text: String) -> ReadPlan {
    PlanReader(file: "plan.json").read(Array(text.utf8))
  }

  func messages(_ text: String) -> [String] {
    read(text).diagnostics.map(DiagnosticFormatter.format)
  }

  @Test func readsTheSharedReferencePlan() throws {
    // The shared plan beside the checkout when there is one, else the tests' copy of it (a clone
    // on its own has no ../shared), as the end-to-end tests find it.
    let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    let folders = [
      ProcessInfo.processInfo.environment["HANDOUT_SHARED_EXAMPLES"].map { URL(fileURLWithPath: $0) },
      tests.appendingPathComponent("../../shared/examples").standardized,
      tests.appendingPathComponent("HandoutEndToEndTests/Fixtures/shared-examples"),
    ].compactMap { $0 }
    let folder = folders.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("sciatica-plan.json").path) }
    let url = try #require(folder, "no sciatica-plan.json in \(folders.map(\.path))").appendingPathComponent("sciatica-plan.json")
    let result = PlanReader(file: "sciatica-plan.json").read([UInt8](try Data(contentsOf: url)))
    #expect(result.diagnostics.isEmpty)
    let plan = try #require(result.plan)
    #expect(plan.client?.name == "Jordan Alvarez")
    #expect(plan.homeCare.count == 6)
    #expect(plan.homeCare[0].dosage.holdSeconds == 30)
    #expect(plan.homeCare[0].dosage.side == .left)
    #expect(plan.techniques[3].isCustom)
    #expect(plan.sessions?.next == LocalDateTime(date: CalendarDate(year: 2026, month: 11, day: 27)!, hour: 10, minute: 30))
    #expect(plan.sessions?.history.map(\.painAfter) == [5, 5, 4, 3])
  }

  @Test func invalidJSONNamesLineAndColumn() {
    #expect(messages("{\n  \"format\": 1,\n  \"client\": {\"name\": \"A\",}\n}") == [
      "plan.json:3:26: error: client: invalid JSON: trailing comma before '}'\n  hint: check the punctuation just before this point; a JSON validator shows more",
    ])
  }

  @Test func valuesOutOfRangeNameTheirPath() {
    let text = """
      {"format": 1, "client": {"name": "A"},
       "homeCare": ["walking", {"id": "walking", "repeat": 0}],
       "condition": {"id": "sciatica", "painScore": 11}}
      """
    #expect(messages(text) == [
      "plan.json:3:47: error: condition.painScore: expected a whole number from 0 to 10, found 11\n  hint: 0 means no pain, 10 the worst pain imaginable",
      "plan.json:2:54: error: homeCare[1].repeat: expected a whole number from 1 to 100, found 0\n  hint: how many times in a row, for example 3",
    ])
  }

  @Test func unknownFieldsAreWarningsWithASuggestion() {
    let result = read(#"{"format": 1, "client": {"name": "A"}, "homecare": []}"#)
    #expect(result.plan != nil)
    #expect(result.diagnostics.map(DiagnosticFormatter.format) == [
      "plan.json:1:40: warning: homecare: unknown field \"homecare\" is ignored\n  hint: did you mean \"homeCare\"?"
    ])
  }

  /// Standard error stays short however broken a plan is: 50 problems in full, the rest counted.
  @Test func manyProblemsAreSummarisedAfterFifty() {
    let items = (0..<120).map { _ in #"{"id": "walking", "repeat": 0}"# }.joined(separator: ",")
    let result = read(#"{"format": 1, "client": {"name": "A"}, "homeCare": ["# + items + "]}")
    #expect(result.diagnostics.count == 120)
    let text = DiagnosticFormatter.format(result.diagnostics)
    #expect(text.split(separator: "\n").count == 50 * 2 + 2)
    #expect(text.hasSuffix("\n… and 70 more problems; fix these first, then run validate again\n120 errors, 0 warnings"))
  }

  @Test func wrongTypesAndImpossibleDates() {
    let text = #"{"format": 1, "date": "2026-02-30", "client": "Jordan", "goals": "sleep"}"#
    #expect(messages(text) == [
      "plan.json:1:23: error: date: \"2026-02-30\" is not a real date\n  hint: write dates as YYYY-MM-DD, for example \"2026-11-20\"",
      "plan.json:1:47: error: client: expected the client (a JSON object in braces), found a string\n  hint: write it as {\"key\": value, …}; Docs/plan-format.md describes every field",
      "plan.json:1:66: error: goals: expected an array of strings, found a single string\n  hint: put it in brackets: [\"sleep…\"]",
    ])
  }

  @Test func aPlanNeedsAClientOrATitle() {
    #expect(messages(#"{"format": 1}"#) == [
      "plan.json:1:1: error: a plan needs a \"client\" (a personal plan) or a \"title\" (a brochure)\n  hint: add \"client\": {\"name\": \"…\"} or \"title\": \"…\"",
    ])
  }

  @Test func customEntriesNeedBothHalves() {
    #expect(messages(#"{"format": 1, "title": "T", "faq": [{"question": "Why?"}]}"#) == [
      "plan.json:1:37: error: faq[0]: an entry without \"id\" needs \"question\" and \"answer\"; \"answer\" is missing\n  hint: give a catalogue \"id\", or write your own \"question\" and \"answer\"",
    ])
  }

  @Test(arguments: [("30 s", 30), ("45 seconds", 45), ("2 min", 120), ("1.5 minutes", 90), ("20", 20)])
  func durationsReadAsPeopleWriteThem(text: String, seconds: Int) {
    #expect(DurationText.seconds(text) == seconds)
  }
}
