import Testing

@testable import HandoutLayout

@Suite("Lists")
struct ListTests {
  func list(_ items: [[Block]], marker: ListBlock.Marker = .number) -> Block {
    .list(ListBlock(marker: marker, items: items, markerStyle: bodyStyle, indent: 20, itemSpacing: 2))
  }

  @Test func everyItemHasItsMarkerOnItsFirstBaseline() {
    let items = (1...3).map { [Block.paragraph(Paragraph(numbered(2, "i\($0)-"), style: bodyStyle))] }
    let pages = lay(document(height: 200, [list(items)]))
    let texts = placedText(pages[0])
    for number in 1...3 {
      let marker = texts.first { $0.line.text == "\(number)." }
      let first = texts.first { $0.line.text == "i\(number)-1" }
      #expect(marker != nil && first != nil)
      #expect(marker?.origin.y == first?.origin.y, "marker \(number) on its item's first line")
      #expect(marker?.role == .label)
      #expect((first?.origin.x ?? 0) - 10 == 20, "item text at the indent")
    }
  }

  @Test func aListSplitAcrossPagesKeepsEachMarkerWithItsItem() {
    let items = (1...6).map { [Block.paragraph(Paragraph(numbered(3, "i\($0)-"), style: bodyStyle))] }
    let pages = lay(document(height: 96, [list(items)]))
    #expect(pages.count > 1)
    for page in pages {
      let texts = placedText(page).map(\.line.text)
      for (index, text) in texts.enumerated() where text.hasSuffix("-1") {
        #expect(index > 0 && texts[index - 1].hasSuffix("."), "\(text) has its marker beside it")
      }
    }
    expectInsideAndApart(pages)
  }

  /// As a paragraph keeps two lines on each side of a break, a list keeps two items: a heading
  /// with one goal under it at a page's foot reads as if the list ended there.
  @Test func aBreakLeavesTwoItemsOnEachSideWhereItCan() {
    func pages(height: Double) -> [[String]] {
      let items = (1...4).map { [Block.paragraph(Paragraph("item\($0)", style: bodyStyle))] }
      let blocks: [Block] = [
        .paragraph(Paragraph(numbered(5, "filler"), style: bodyStyle)),
        .heading(Heading(level: 2, Paragraph("Goals", style: headingStyle))), list(items),
      ]
      return lay(document(height: height, blocks)).map { placedText($0).map(\.line.text).filter { $0.hasPrefix("item") || $0 == "Goals" } }
    }
    // Room under the filler for the heading and one item: both wait for the next page.
    #expect(pages(height: 96) == [[], ["Goals", "item1", "item2", "item3", "item4"]])
    // Room for the heading and three items: the break comes after the second.
    #expect(pages(height: 110) == [["Goals", "item1", "item2"], ["item3", "item4"]])
  }

  @Test func anItemThatStartsWithARowStillGetsItsMarker() {
    let row = Block.row(Row(cells: [Row.Cell([.paragraph(Paragraph("left", style: bodyStyle))]), Row.Cell([.paragraph(Paragraph("right", style: bodyStyle))])], gap: 4))
    let pages = lay(document(height: 96, [list([[row]], marker: .bullet)]))
    let texts = placedText(pages[0])
    let marker = texts.first { $0.line.text == "•" }
    let left = texts.first { $0.line.text == "left" }
    #expect(marker != nil)
    #expect(marker?.origin.y == left?.origin.y)
  }

  @Test func squareMarkersAreDrawnNotWritten() {
    let pages = lay(document(height: 96, [list([[.paragraph(Paragraph("one", style: bodyStyle))]], marker: .square(.black))]))
    #expect(rectangles(pages[0]).count == 1)
    #expect(placedText(pages[0]).map(\.line.text) == ["one"])
  }
}
