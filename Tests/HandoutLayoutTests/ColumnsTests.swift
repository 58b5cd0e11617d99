import Testing

@testable import HandoutLayout

@Suite("Columns blocks")
struct ColumnsTests {
  @Test func balancingNeverSplitsAThreeLineParagraphTwoAndOne() {
    let columns = Columns(count: 2, gap: 10, content: [.paragraph(Paragraph(numbered(3, "c"), style: bodyStyle))])
    let pages = lay(document(height: 200, [.columns(columns)]))
    let xs = Set(placedText(pages[0]).map(\.origin.x))
    #expect(xs.count == 1, "all three lines in one column")
  }

  @Test func evenContentIsBalancedAcrossColumns() {
    let content = (1...4).map { Block.paragraph(Paragraph("c\($0)", style: bodyStyle)) }
    let pages = lay(document(height: 200, [.columns(Columns(count: 2, gap: 10, content: content))]))
    let texts = placedText(pages[0])
    #expect(texts.filter { $0.origin.x == 10 }.map(\.line.text) == ["c1", "c2"])
    #expect(texts.filter { $0.origin.x == 65 }.map(\.line.text) == ["c3", "c4"])
  }

  @Test func columnsInAKeptBoxMoveWithTheBox() {
    let content = (1...4).map { Block.paragraph(Paragraph(numbered(2, "c\($0)-"), style: bodyStyle)) }
    let box = Box(
      content: [
        .heading(Heading(level: 2, Paragraph("Signs", style: headingStyle))),
        .columns(Columns(count: 2, gap: 10, content: content)),
      ], fill: .white, padding: EdgeInsets(all: 2))
    let pages = lay(document(height: 96, [.paragraph(Paragraph(numbered(5, "p"), style: bodyStyle)), .box(box)]))
    #expect(lineTexts(pages)[0].count == 5, "the box does not start at the foot of page 1")
    #expect(lineTexts(pages)[1].first == "Signs")
    #expect(lineTexts(pages)[1].count == 9)
  }

  @Test func aRowInsideColumnsSplitsWithTheColumn() {
    let row = Row(cells: [Row.Cell([.paragraph(Paragraph(numbered(12, "r"), style: bodyStyle))])], gap: 0)
    let pages = lay(document(height: 96, [.columns(Columns(count: 2, gap: 10, content: [.row(row)]))]))
    #expect(lineTexts(pages).flatMap { $0 } == (1...12).map { "r\($0)" })
    expectInsideAndApart(pages)
  }
}
