import Foundation
import HandoutKit
import Testing

/// Running footers are parts, not templates: a plan's text prints as it is written.
@Suite("Running text")
struct RunningTextTests {
  @Test func aClinicNamedLikeAPlaceholderPrintsLiterally() throws {
    let scratch = try Scratch()
    let source = sharedExamples.appendingPathComponent("sciatica-plan.json")
    var plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
    var clinic = try #require(plan["clinic"] as? [String: Any])
    clinic["name"] = "{pages} Wellness {page}"
    plan["clinic"] = clinic
    let data = try JSONSerialization.data(withJSONObject: plan)
    let request = RenderRequest(plan: [UInt8](data), planPath: source.path)
    let pdf = try scratch.file(try Engine().render(request).files[0])
    let text = String(decoding: try run("pdftotext", ["-layout", pdf, "-"]).stdout, as: UTF8.self)
    let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    #expect(pages.count > 1)
    for (index, page) in pages.enumerated() {
      #expect(page.contains("{pages} Wellness {page}"), "page \(index + 1) footer: the name as written")
      #expect(page.contains("Page \(index + 1) of \(pages.count)"), "page \(index + 1) still counts pages")
      #expect(!page.contains("\(pages.count) Wellness"))
    }
  }
}
