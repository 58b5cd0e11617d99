import Testing

@testable import HandoutLayout

@Suite("Cards")
struct CardsTests {
  /// A card: a bordered box of `lines` lines, kept together.
  func card(_ tag: String, lines: Int) -> Block {
    let text = (1...lines).map { "\(tag)\($0)" }.joined(separator: "\n")
    return .box(Box(content: [.paragraph(Paragraph(text, style: bodyStyle))], border: .black, padding: EdgeInsets(all: 4)))
  }

  @Test func cardsFillTheRoomLeftBelowOtherContent() {
    // 4 lines (48 pt) leave 152 pt; the first two cards (3 lines: 44 pt) fit beside each other.
    let cards = Cards(count: 2, gap: 10, spacing: 6, cards: [card("a", lines: 3), card("b", lines: 3), card("c", lines: 3)])
    let pages = lay(document(height: 200, [paragraph(lines: 4, tag: "p"), .cards(cards)]))
    #expect(pages.count == 1)
    #expect(lineTexts(pages)[0].count == 4 + 9)
  }
}

extension CardsTests {
  @Test func aHeadingStaysWithTheCardsBelowIt() {
    let heading = Block.heading(Heading(level: 2, Paragraph("Cards", style: headingStyle, spaceBefore: 6, spaceAfter: 4)))
    let drawing = Drawing(size: Size(width: 20, height: 20), shapes: [], alternativeText: "d")
    let withRow = Block.box(Box(content: [
      .row(Row(cells: [Row.Cell([.paragraph(Paragraph("n1", style: bodyStyle))]), Row.Cell(weight: 0.5, [.drawing(drawing)])], gap: 4)),
      .paragraph(Paragraph("s1\ns2", style: bodyStyle)),
    ], border: .black, padding: EdgeInsets(all: 4)))
    let cards = Cards(count: 2, gap: 10, spacing: 6, cards: [withRow, withRow, withRow])
    let pages = lay(document(height: 200, [paragraph(lines: 4, tag: "p"), heading, .cards(cards)]))
    #expect(lineTexts(pages)[0].contains("Cards"))
    #expect(lineTexts(pages)[0].filter { $0 == "n1" }.count >= 2)
  }
}
