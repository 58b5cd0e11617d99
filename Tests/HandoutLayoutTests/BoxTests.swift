import Testing

@testable import HandoutLayout

@Suite("Boxes")
struct BoxTests {
  let continued = Block.paragraph(Paragraph("Title (continued)", style: headingStyle))

  func box(_ lines: Int, keepsTogether: Bool = false, radius: Double = 0) -> Box {
    Box(
      content: [
        .heading(Heading(level: 2, Paragraph("Title", style: headingStyle))),
        .paragraph(Paragraph(numbered(lines, "l"), style: bodyStyle)),
      ],
      fill: .white, border: .black, cornerRadius: radius, padding: EdgeInsets(all: 4), keepsTogether: keepsTogether,
      continuation: [continued])
  }

  @Test func aSplitBoxRepeatsItsHeadingOnEveryLaterPiece() {
    let pages = lay(document(height: 96, [.box(box(16))]))
    #expect(pages.count >= 3)
    #expect(placedText(pages[0]).first?.line.text == "Title")
    for page in pages.dropFirst() {
      let first = placedText(page).first
      #expect(first?.line.text == "Title (continued)")
      #expect(first?.role == .artifact, "the repeated heading is not read twice")
    }
    #expect(lineTexts(pages).flatMap { $0 }.filter { $0.hasPrefix("l") } == (1...16).map { "l\($0)" })
    expectInsideAndApart(pages)
  }

  @Test func aSplitBoxIsDrawnOpenAtTheCut() {
    let pages = lay(document(height: 96, [.box(box(16, radius: 4))]))
    let last = pages.count - 1
    for (index, page) in pages.enumerated() {
      let lines = rules(page)
      let horizontal = lines.filter { $0.from.y == $0.to.y }.map(\.from.y)
      let vertical = lines.filter { $0.from.x == $0.to.x }
      #expect(vertical.count == 2, "page \(index + 1): both sides")
      let body = page.body
      #expect(horizontal.contains { $0 < body.y + 1 } == (index == 0), "page \(index + 1): a top edge only on the first")
      #expect(horizontal.contains { $0 > body.maxY - 30 } == (index == last) || index != last, "page \(index + 1)")
      if index < last {
        #expect(vertical.allSatisfy { max($0.from.y, $0.to.y) >= body.y + 10 }, "sides run on to the cut")
        #expect(!horizontal.contains { abs($0 - vertical[0].to.y) < 0.01 }, "no edge across the cut")
      }
      // No rounded outline is stroked around a piece.
      #expect(rectangles(page).allSatisfy { $0.stroke == nil })
    }
  }

  @Test func aWholeBoxIsOneRoundedFrame() {
    let pages = lay(document(height: 96, [.box(box(2, radius: 4))]))
    #expect(pages.count == 1)
    #expect(rectangles(pages[0]).count == 1)
    #expect(rectangles(pages[0]).first?.cornerRadius == 4)
    #expect(rules(pages[0]).isEmpty)
  }

  @Test func aKeptBoxMovesWholeToTheNextPage() {
    let pages = lay(document(height: 96, [.paragraph(Paragraph(numbered(5, "p"), style: bodyStyle)), .box(box(3, keepsTogether: true))]))
    #expect(lineTexts(pages)[0].count == 5)
    #expect(lineTexts(pages)[1].prefix(2) == ["Title", "l1"])
  }

  @Test func aKeptBoxTallerThanAPageSplitsAnyway() {
    let pages = lay(document(height: 96, [.box(box(20, keepsTogether: true))]))
    #expect(lineTexts(pages).flatMap { $0 }.filter { $0.hasPrefix("l") }.count == 20)
    expectInsideAndApart(pages)
  }
}
