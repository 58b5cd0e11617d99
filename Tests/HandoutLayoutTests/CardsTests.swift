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

extension CardsTests {
  @Test func eachCardGoesIntoTheShortestColumn() {
    // a is tall, b short: c goes under b, not under a.
    let cards = Cards(count: 2, gap: 10, spacing: 6, cards: [card("a", lines: 6), card("b", lines: 1), card("c", lines: 1)])
    let pages = lay(document(height: 200, [.cards(cards)]))
    let texts = placedText(pages[0])
    let b = texts.first { $0.line.text == "b1" }!
    let c = texts.first { $0.line.text == "c1" }!
    #expect(c.origin.x == b.origin.x)
    #expect(c.origin.y > b.origin.y)
    #expect(c.origin.y < texts.first { $0.line.text == "a6" }!.origin.y, "no hole beside the tall card")
  }

  @Test func aCardMovesWholeToTheNextPage() {
    let cards = Cards(count: 1, gap: 10, spacing: 6, cards: [card("a", lines: 3), card("b", lines: 4)])
    let pages = lay(document(height: 96, [.cards(cards)]))
    #expect(lineTexts(pages) == [["a1", "a2", "a3"], ["b1", "b2", "b3", "b4"]])
  }

  @Test func aCardTallerThanAPageSplits() {
    let cards = Cards(count: 2, gap: 10, spacing: 6, cards: [card("a", lines: 20)])
    let pages = lay(document(height: 96, [.cards(cards)]))
    #expect(lineTexts(pages).flatMap { $0 } == (1...20).map { "a\($0)" })
    expectInsideAndApart(pages)
  }

  @Test func cardsThatFillGapsLetALaterCardTakeTheRoom() {
    // 3 lines leave 60 pt: card b (5 lines, 68 pt) does not fit, c (1 line) does.
    let cards = Cards(count: 1, gap: 10, spacing: 4, cards: [card("b", lines: 5), card("c", lines: 1)], fillsGaps: true)
    let pages = lay(document(height: 96, [.paragraph(Paragraph(numbered(3, "p"), style: bodyStyle)), .cards(cards)]))
    #expect(lineTexts(pages) == [["p1", "p2", "p3", "c1"], ["b1", "b2", "b3", "b4", "b5"]])
    let inOrder = Cards(count: 1, gap: 10, spacing: 4, cards: [card("b", lines: 5), card("c", lines: 1)])
    let kept = lay(document(height: 96, [.paragraph(Paragraph(numbered(3, "p"), style: bodyStyle)), .cards(inOrder)]))
    // In order, b is cut instead: waiting would leave 60 of 96 pt empty.
    #expect(lineTexts(kept) == [["p1", "p2", "p3", "b1", "b2"], ["b3", "b4", "b5", "c1"]])
  }
}

extension CardsTests {
  @Test func aCardIsCutRatherThanLeaveMoreThanAThirdOfThePageEmpty() {
    // 2 lines leave 72 pt of 96: the 8-line card (104 pt) would leave a hole of three quarters.
    let cards = Cards(count: 1, gap: 10, spacing: 4, cards: [card("c", lines: 8)])
    let pages = lay(document(height: 96, [.paragraph(Paragraph(numbered(2, "p"), style: bodyStyle)), .cards(cards)]))
    #expect(lineTexts(pages)[0].count > 2 + 2, "the card starts on page 1")
    #expect(lineTexts(pages).flatMap { $0 }.filter { $0.hasPrefix("c") } == (1...8).map { "c\($0)" })
    expectInsideAndApart(pages)
    // Below a quarter of a page it moves whole.
    let late = lay(document(height: 96, [.paragraph(Paragraph(numbered(6, "p"), style: bodyStyle)), .cards(cards)]))
    #expect(lineTexts(late)[0].count == 6)
  }
}

extension CardsTests {
  @Test func anIntroductionKeptWithTheCardsMovesWithItsHeading() {
    // The heading and its introduction fit below p1–p5, the card after them does not:
    // both go to the next page with the card instead of standing alone at this one's foot.
    let heading = Block.heading(Heading(level: 2, Paragraph("Cards", style: headingStyle, spaceBefore: 6, spaceAfter: 4)))
    let intro = Block.paragraph(Paragraph("k1", style: bodyStyle, spaceAfter: 4, keepsWithNext: true))
    let cards = Cards(count: 1, gap: 10, spacing: 6, cards: [card("a", lines: 4)])
    let body = Block.paragraph(Paragraph(numbered(5, "p"), style: bodyStyle))
    let pages = lay(document(height: 120, [body, heading, intro, .cards(cards)]))
    #expect(lineTexts(pages) == [["p1", "p2", "p3", "p4", "p5"], ["Cards", "k1", "a1", "a2", "a3", "a4"]])
    let loose = Block.paragraph(Paragraph("k1", style: bodyStyle, spaceAfter: 4))
    let stranded = lay(document(height: 120, [body, heading, loose, .cards(cards)]))
    #expect(lineTexts(stranded)[0].suffix(2) == ["Cards", "k1"], "without it the two stay behind")
  }
}

extension CardsTests {
  @Test func aTrailingCardNeverGoesAheadOfOneThatWaits() {
    // c (1 line) would take the room b (5 lines) is too tall for; but c trails (the take-care
    // list after the exercises), so it may not: b is cut rather than leave the hole, and c and
    // d follow it in order.
    let cards = Cards(
      count: 1, gap: 10, spacing: 4, cards: [card("a", lines: 1), card("b", lines: 5), card("c", lines: 1), card("d", lines: 1)],
      fillsGaps: true, trailing: 2)
    let pages = lay(document(height: 96, [.paragraph(Paragraph(numbered(2, "p"), style: bodyStyle)), .cards(cards)]))
    #expect(lineTexts(pages) == [["p1", "p2", "a1", "b1", "b2"], ["b3", "b4", "b5", "c1", "d1"]])
    // Not trailing, c fills the gap.
    var gapFilled = cards
    gapFilled.trailing = 0
    let filled = lay(document(height: 96, [.paragraph(Paragraph(numbered(2, "p"), style: bodyStyle)), .cards(gapFilled)]))
    #expect(lineTexts(filled)[0] == ["p1", "p2", "a1", "c1", "d1"])
  }
}

extension CardsTests {
  @Test func cardsCutAtTheFootOfAPageGoOnInTheirOwnColumns() throws {
    // a (2 lines) in column 1, b (10 lines) cut in column 2, c (10 lines) cut below a: on the
    // next page what is left of b goes on in column 2 and what is left of c in column 1,
    // although b was cut first.
    let cards = Cards(count: 2, gap: 10, spacing: 6, cards: [card("a", lines: 2), card("b", lines: 10), card("c", lines: 10)])
    let pages = lay(document(height: 96, [.cards(cards)]))
    func x(_ tag: String, on page: Int) throws -> Double {
      try #require(placedText(pages[page]).first { $0.line.text == tag }, "\(tag) on page \(page + 1)").origin.x
    }
    #expect(try x("b1", on: 0) > x("c1", on: 0), "b in column 2, c in column 1")
    #expect(try x("b10", on: 1) > x("c10", on: 1), "each goes on in its own column")
    #expect(lineTexts(pages).flatMap { $0 }.sorted() == (["a1", "a2"] + (1...10).flatMap { ["b\($0)", "c\($0)"] }).sorted())
    expectInsideAndApart(pages)
  }
}
