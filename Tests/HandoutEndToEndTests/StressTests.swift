import Foundation
import HandoutKit
import HandoutLayout
import Testing

@Suite("A long plan on the real stack")
struct StressTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  /// The reference plan with 40 FAQs and 30 home-care items of varied lengths.
  func longPlan() throws -> RenderRequest {
    let url = sharedExamples.appendingPathComponent("sciatica-plan.json")
    var plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let sentence = "Keep moving gently, and stop if the pain spreads below the knee."
    plan["faq"] = (1...40).map { index -> Any in
      ["question": "Question \(index): what should I know?",
       "answer": Array(repeating: sentence, count: index % 5 + 1).joined(separator: " ")]
    }
    let ids = ["piriformis-stretch", "hamstring-stretch", "walking", "cat-cow", "pelvic-tilt", "knee-to-chest"]
    plan["homeCare"] = (0..<30).map { ["id": ids[$0 % ids.count], "note": "Exercise \($0 + 1)."] }
    let data = try JSONSerialization.data(withJSONObject: plan)
    return RenderRequest(plan: [UInt8](data), planPath: url.path)
  }

  @Test func keepsEveryRuleOnALongPlan() throws {
    let engine = try Engine()
    let laidOut = try engine.layOut(try longPlan())
    #expect(laidOut.pages.count > 8)
    var linesPerBlockAndPage: [Int: [Int: Int]] = [:]
    var blockRoles: [Int: Role] = [:]
    var blockText: [Int: String] = [:]
    for (pageIndex, page) in laidOut.pages.enumerated() {
      var lastText: TextItem?
      for item in page.items {
        if let bounds = item.bounds, !isRunning(item) {
          #expect(page.body.contains(bounds), "page \(pageIndex + 1): \(item)")
        }
        if case .text(let text) = item, text.role != .artifact {
          lastText = text
          linesPerBlockAndPage[text.block, default: [:]][pageIndex, default: 0] += 1
          blockRoles[text.block] = text.role
          blockText[text.block, default: ""] += text.line.text + " | "
        }
      }
      if pageIndex < laidOut.pages.count - 1, case .heading? = lastText?.role {
        Issue.record("page \(pageIndex + 1) ends with the heading \"\(lastText!.line.text)\"")
      }
    }
    // A paragraph split across pages keeps at least two lines on each side.
    for (block, pages) in linesPerBlockAndPage where pages.count > 1 && blockRoles[block] == .paragraph {
      for (page, count) in pages {
        #expect(count >= 2, "a lone line on page \(page + 1) of: \(blockText[block] ?? "")")
      }
    }
  }

  @Test func pdfHasOutlineLinksAndReadingOrder() throws {
    let engine = try Engine()
    let pdf = try scratch.file(try engine.render(try longPlan()).files[0])
    let outline = String(decoding: try run("qpdf", ["--json=2", "--json-key=outlines", pdf]).stdout, as: UTF8.self)
    for title in ["Your care plan", "Your home program", "Questions and answers", "When to get medical help"] {
      #expect(outline.contains("\"title\": \"\(title)\""), "outline lacks \(title)")
    }
    let objects = String(decoding: try run("qpdf", ["--json=2", "--json-key=qpdf", pdf]).stdout, as: UTF8.self)
    #expect(objects.contains("\"/URI\": \"u:https://riverside-massage.example/book\""))
    // -raw keeps the content stream's order, the order a reader follows: down one column, then the next.
    let text = String(decoding: try run("pdftotext", ["-raw", pdf, "-"]).stdout, as: UTF8.self)
    var cursor = text.startIndex
    for index in 1...40 {
      guard let found = text.range(of: "Question \(index):", range: cursor..<text.endIndex) else {
        Issue.record("Question \(index) missing or out of order")
        break
      }
      cursor = found.upperBound
    }
  }

  private func isRunning(_ item: FrameItem) -> Bool {
    switch item {
    case .text(let text): text.role == .artifact
    case .rule: true
    default: false
    }
  }
}
