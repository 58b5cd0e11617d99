import Testing

@testable import HandoutLayout

@Suite("Running text parts")
struct RunningTextPartTests {
  @Test func templatesOfOurOwnBecomeParts() {
    #expect(
      RunningText.parts(ofTemplate: "Page {page} of {pages}")
        == [.text("Page "), .pageNumber, .text(" of "), .pageCount])
    #expect(RunningText.parts(ofTemplate: "{pages}쪽 중 {page}쪽") == [.pageCount, .text("쪽 중 "), .pageNumber, .text("쪽")])
    #expect(RunningText.parts(ofTemplate: "{other} {page") == [.text("{other} {page")])
  }

  @Test func textPartsAreNeverFilledIn() {
    let footer = RunningText(leading: [.text("{pages} Wellness")], trailing: [.pageNumber, .text("/"), .pageCount], style: bodyStyle)
    let pages = lay(document(height: 96, [paragraph(lines: 20)], footer: footer))
    let footers = pages.map { page in
      page.items.compactMap { item -> String? in
        if case .text(let text) = item, text.role == .artifact { return text.line.text } else { return nil }
      }
    }
    #expect(footers == [["{pages} Wellness", "1/3"], ["{pages} Wellness", "2/3"], ["{pages} Wellness", "3/3"]])
  }
}
