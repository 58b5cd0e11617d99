import Foundation
import HandoutKit
import Testing

/// Plans with text far longer than the layouts were drawn for: every glyph stays on the page
/// and no two lines print over each other, measured from the PDF's glyph boxes.
@Suite("Long text")
struct LongTextTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  static let layouts = ["take-home", "care-plan-report", "trifold-brochure", "faq-sheet", "large-print"]

  /// The shared sciatica plan with a 700-word note holding a 300-character word, a
  /// 2,000-character web and booking address, and 60 FAQs.
  func longPlan() throws -> RenderRequest {
    let source = sharedExamples.appendingPathComponent("sciatica-plan.json")
    var plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
    let words = "The hip and lower back eased after slow work today so keep walking each morning and stretch gently before bed".split(separator: " ")
    var note = (0..<700).map { String(words[$0 % words.count]) }
    note.insert(String(repeating: "a", count: 300), at: 350)
    plan["notes"] = note.joined(separator: " ")
    let url = "https://riverside-massage.example/book?" + String(repeating: "x", count: 2_000 - 39)
    var clinic = try #require(plan["clinic"] as? [String: Any])
    clinic["website"] = url
    clinic["bookingUrl"] = url
    plan["clinic"] = clinic
    plan["faq"] = (1...60).map { index -> Any in
      ["question": "Question \(index): what should I know about this?",
       "answer": String(repeating: "An answer long enough to run over two lines or more. ", count: index % 4 + 1)]
    }
    let data = try JSONSerialization.data(withJSONObject: plan)
    // Beside the original, so that the logo's relative path still holds.
    let path = sharedExamples.appendingPathComponent(".long-\(UUID().uuidString).json").path
    return RenderRequest(plan: [UInt8](data), planPath: path)
  }

  @Test(arguments: layouts)
  func everyGlyphStaysOnThePageAndNoLinesOverprint(_ layout: String) throws {
    var request = try longPlan()
    request.layout = layout
    let pdf = try scratch.file(try Engine().render(request).files[0])
    let boxes = try GlyphBoxes(pdf: pdf)
    #expect(boxes.pages.count > 2)
    #expect(boxes.linesOutside(margin: 18) == [], "\(layout): lines within 18 pt of an edge")
    #expect(boxes.overprintingLines() == [], "\(layout): lines printed over each other")
    let words = boxes.pages.flatMap(\.lines).map(\.text).joined(separator: " ")
    #expect(words.contains("Question 60:"), "\(layout): the last FAQ is there")
  }

  @Test func theCheckCatchesOverprintedAndOutsideLines() {
    // The check itself, on poppler's output format: a line over another and one off the page.
    let xhtml = """
      <page width="612.000000" height="792.000000">
      <line xMin="40" yMin="100" xMax="300" yMax="114"><word xMin="40" yMin="100" xMax="80" yMax="114">first</word></line>
      <line xMin="60" yMin="105" xMax="200" yMax="119"><word xMin="60" yMin="105" xMax="90" yMax="119">second</word></line>
      <line xMin="40" yMin="780" xMax="100" yMax="794"><word xMin="40" yMin="780" xMax="100" yMax="794">foot</word></line>
      </page>
      """
    let boxes = GlyphBoxes(xhtml: xhtml)
    #expect(boxes.overprintingLines().count == 1)
    #expect(boxes.linesOutside(margin: 18).count == 1)
  }

  @Test func theRedFlagBoxRepeatsItsHeadingOnEveryPageItRunsOnto() throws {
    let plan = packageRoot.appendingPathComponent("Examples/lower-back-plan.json")
    let pdf = try scratch.file(try Engine().render(try request(plan)).files[0])
    let boxes = try GlyphBoxes(pdf: pdf)
    var pagesWithSigns = 0
    for index in boxes.pages.indices {
      let text = boxes.text(ofPage: index)
      // Every sign ends with what to do: see a doctor, or go to an emergency room.
      guard text.contains("See a doctor") || text.contains("Go to an") || text.contains("Book a visit") else { continue }
      pagesWithSigns += 1
      #expect(text.contains("When to get medical help"), "page \(index + 1) has signs without the heading")
    }
    #expect(pagesWithSigns >= 1)
  }
}
