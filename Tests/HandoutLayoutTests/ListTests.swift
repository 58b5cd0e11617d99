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
