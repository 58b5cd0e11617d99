import Testing

@testable import HandoutLayout

@Suite("Tables")
struct TableTests {
  func cell(_ text: String) -> [Block] { [.paragraph(Paragraph(text, style: bodyStyle))] }

  /// 80 rows of one line each under a header row; each row is 12 pt + 4 pt padding = 20 pt.
  func table(rows: Int) -> Table {
    Table(
      columns: [.automatic, .relative(1)], headerRows: [[cell("Date"), cell("Pain")]],
      rows: (1...rows).map { [cell("d\($0)"), cell("p\($0)")] }, ruleColor: .black,
      cellPadding: EdgeInsets(top: 2, right: 2, bottom: 2, left: 2))
  }

  @Test func headerRowsRepeatOnEveryPageAndNoRowIsLost() {
    let pages = lay(document(height: 200, [.table(table(rows: 80))]))
    // 200 pt hold the header and 9 rows of 16 pt each (10 × 16 = 160; an 11th line would be 176,
    // a 12th 192, a 13th 208): 11 rows per page after the header.
    let texts = allTexts(pages)
    #expect(pages.count == 8)
    for page in texts {
      #expect(Array(page.prefix(2)) == ["Date", "Pain"], "every page opens with the header")
    }
    let bodyRows = texts.flatMap { $0.dropFirst(2) }.filter { $0.hasPrefix("d") }
    #expect(bodyRows == (1...80).map { "d\($0)" }, "every row once, in order")
    // The repeated header is an artifact: a screen reader reads it once.
    #expect(lineTexts(pages).flatMap { $0 }.filter { $0 == "Date" }.count == 1)
  }

  @Test func aHeaderIsNeverLeftAloneAtTheFootOfAPage() {
    // 8 lines (96 pt) then the table: header (16) fits, the first row would not.
    let pages = lay(document(height: 110, [paragraph(lines: 7), .table(table(rows: 3))]))
    let texts = lineTexts(pages)
    #expect(!texts[0].contains("Date"))
    #expect(texts[1].prefix(4) == ["Date", "Pain", "d1", "p1"])
  }

  @Test func automaticColumnsFitTheirContent() throws {
    let pages = lay(document(height: 400, [.table(table(rows: 2))]))
    let origins = pages[0].items.compactMap { item -> (String, Double)? in
      if case .text(let text) = item { return (text.line.text, text.origin.x) } else { return nil }
    }
    // "Date" is 4 characters of 5 pt: 20 pt + 4 pt padding; the second column starts after it.
    let pain = try #require(origins.first { $0.0 == "Pain" }?.1)
    #expect(abs(pain - (10 + 24 + 2)) < 0.001)
  }
}

extension TableTests {
  @Test func aRowMovesWholeToTheNextPageRatherThanSplitBelowOtherRows() {
    // 7 lines (84 pt) leave 12 pt: a 3-line row (36 + 4 pt) waits for the next page.
    let tall = Table(
      columns: [.relative(1)], rows: [[cell("r1\nr2\nr3")]], cellPadding: EdgeInsets(all: 2))
    let pages = lay(document(height: 96, [paragraph(lines: 7), .table(tall)]))
    #expect(lineTexts(pages) .count == 2)
    #expect(lineTexts(pages)[1] == ["r1", "r2", "r3"])
  }

  @Test func aSplitRowKeepsItsStripeOnEveryPieceAndItsRuleUnderTheLast() {
    let lines = (1...12).map { "l\($0)" }.joined(separator: "\n")
    let striped = Table(
      columns: [.relative(1)], rows: [[cell("a")], [cell(lines)]], stripeFill: .white, ruleColor: .black,
      cellPadding: EdgeInsets(all: 2))
    let pages = lay(document(height: 96, [.table(striped)]))
    #expect(pages.count == 2)
    #expect(lineTexts(pages).flatMap { $0 } == ["a"] + (1...12).map { "l\($0)" })
    let fills = pages.map { page in page.items.filter { if case .rectangle = $0 { true } else { false } }.count }
    let rules = pages.map { page in page.items.filter { if case .rule = $0 { true } else { false } }.count }
    #expect(fills == [1, 1], "the striped row's fill on both pieces")
    #expect(rules == [1, 1], "row a's rule on page 1, the tall row's under its last piece only")
    for page in pages {
      for item in page.items { if let bounds = item.bounds { #expect(page.body.contains(bounds, tolerance: 0.01)) } }
    }
  }
}

extension TableTests {
  /// A card whose paragraph carries the marker `tag`.
  func markedCard(_ tag: String, lines: Int) -> Block {
    .box(Box(content: [.paragraph(Paragraph(numbered(lines, tag), style: bodyStyle, marker: tag))], padding: EdgeInsets(all: 4)))
  }

  @Test func rowsThatFollowMarkersTakeTheOrderTheirCardsWerePrintedIn() {
    // 3 lines leave 60 pt: card b (5 lines, 68 pt) waits and c (1 line) takes the room, so c
    // is printed first; the table's rows for b and c follow that order, and the row whose
    // marker was never laid out ("x") and the unmarked last row keep their places.
    func blocks(fillsGaps: Bool) -> [Block] {
      let cards = Cards(
        count: 1, gap: 10, spacing: 4, cards: [markedCard("b", lines: 5), markedCard("c", lines: 1)], fillsGaps: fillsGaps)
      var table = Table(
        columns: [.relative(1)], headerRows: [[cell("Day")]], rows: [[cell("rx")], [cell("rb")], [cell("rc")], [cell("pain")]],
        cellPadding: EdgeInsets(all: 2))
      table.rowsFollow = ["x", "b", "c", nil]
      return [.paragraph(Paragraph(numbered(3, "p"), style: bodyStyle)), .cards(cards), .table(table)]
    }
    let rows = { (pages: [Page]) in lineTexts(pages).flatMap { $0 }.filter { $0.hasPrefix("r") || $0 == "pain" } }
    let filled = lay(document(height: 96, blocks(fillsGaps: true)))
    #expect(lineTexts(filled)[0] == ["p1", "p2", "p3", "c1"])
    #expect(rows(filled) == ["rx", "rc", "rb", "pain"])
    expectInsideAndApart(filled)
    // In order, the rows keep theirs.
    #expect(rows(lay(document(height: 96, blocks(fillsGaps: false)))) == ["rx", "rb", "rc", "pain"])
  }
}
