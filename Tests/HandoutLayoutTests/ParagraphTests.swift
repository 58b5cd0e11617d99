import Testing

@testable import HandoutLayout

@Suite("Paragraphs")
struct ParagraphTests {
  @Test func aParagraphOverSeveralPagesKeepsEveryLineOnceAndTwoOnEachSide() {
    let pages = lay(document(height: 96, [.paragraph(Paragraph(numbered(30, "l"), style: bodyStyle))]))
    #expect(lineTexts(pages).flatMap { $0 } == (1...30).map { "l\($0)" })
    #expect(lineTexts(pages).allSatisfy { $0.count >= 2 && $0.count <= 8 })
    expectInsideAndApart(pages)
  }

  @Test func anUnbrokenWordBreaksInsideTheWidth() {
    let word = String(repeating: "w", count: 300)
    let pages = lay(document(height: 96, [.paragraph(Paragraph(word, style: bodyStyle))]))
    #expect(lineTexts(pages).flatMap { $0 }.joined() == word)
    #expect(pages.flatMap(placedText).allSatisfy { $0.bounds.width <= 100.001 })
    expectInsideAndApart(pages)
  }

  @Test func spaceBeforeAndAfterSeparateParagraphsButNotAtAPageTop() {
    let pages = lay(document(height: 96, [
      .paragraph(Paragraph("a", style: bodyStyle, spaceAfter: 10)),
      .paragraph(Paragraph("b", style: bodyStyle, spaceBefore: 6)),
    ]))
    let lines = placedText(pages[0])
    // The line box is 12 pt; the collapsed space is the larger of 10 and 6.
    #expect(abs(lines[1].origin.y - lines[0].origin.y - 22) < 0.001)
    #expect(abs(lines[0].bounds.y - 11) < 0.001, "no space above the first line")
  }
}
