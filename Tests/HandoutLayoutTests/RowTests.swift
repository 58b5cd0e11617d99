import Testing

@testable import HandoutLayout

@Suite("Rows")
struct RowTests {
  func cell(_ text: String, weight: Double = 1, alignment: Row.VerticalAlignment = .top) -> Row.Cell {
    Row.Cell(weight: weight, verticalAlignment: alignment, [.paragraph(Paragraph(text, style: bodyStyle))])
  }

  @Test func aRowTallerThanAPageSplitsLineByLineInEachCell() {
    // 8 lines a page; the left cell has 30, the right 10.
    let row = Row(cells: [cell(numbered(30, "a")), cell(numbered(10, "b"))], gap: 10)
    let pages = lay(document(height: 96, [.row(row)]))
    let texts = lineTexts(pages)
    #expect(texts.flatMap { $0 }.filter { $0.hasPrefix("a") } == (1...30).map { "a\($0)" })
    #expect(texts.flatMap { $0 }.filter { $0.hasPrefix("b") } == (1...10).map { "b\($0)" })
    #expect(pages.count == 4)
    #expect(texts[0].filter { $0.hasPrefix("b") }.count == 8, "the right cell goes on beside the left")
    expectInsideAndApart(pages)
  }

  @Test func aRowSplitBelowOtherContentUsesTheRoomLeft() {
    // 4 lines (48 pt) leave 48 pt: 4 lines of each cell, the rest on page 2.
    let row = Row(cells: [cell(numbered(10, "a")), cell(numbered(6, "b"))], gap: 10)
    let pages = lay(document(height: 96, [.paragraph(Paragraph(numbered(4, "p"), style: bodyStyle)), .row(row)]))
    #expect(lineTexts(pages)[0] == ["p1", "p2", "p3", "p4", "a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"])
    expectInsideAndApart(pages)
  }

  @Test func aRowWaitsRatherThanLeaveAHeadingAloneInACell() {
    // 6 lines leave 24 pt: the left cell would hold its heading and one line of four.
    let left = Row.Cell([
      .heading(Heading(level: 3, Paragraph("Notes", style: headingStyle))),
      .paragraph(Paragraph(numbered(4, "n"), style: bodyStyle)),
    ])
    let row = Row(cells: [left, cell("short")], gap: 10)
    let pages = lay(document(height: 96, [.paragraph(Paragraph(numbered(6, "p"), style: bodyStyle)), .row(row)]))
    #expect(lineTexts(pages)[0].count == 6)
    #expect(lineTexts(pages)[1].first == "Notes")
  }

  @Test func aWholeRowAlignsItsCells() {
    let row = Row(cells: [cell(numbered(3, "a")), cell("mid", alignment: .center), cell("low", alignment: .bottom)], gap: 5)
    let pages = lay(document(height: 96, [.row(row)]))
    let texts = placedText(pages[0])
    let y = { (text: String) in texts.first { $0.line.text == text }!.origin.y }
    #expect(y("mid") == y("a2"))
    #expect(y("low") == y("a3"))
  }

  @Test func cellsShareTheWidthByWeight() {
    let row = Row(cells: [cell("a", weight: 3), cell("b", weight: 1)], gap: 0)
    let pages = lay(document(height: 96, [.row(row)]))
    let b = placedText(pages[0]).first { $0.line.text == "b" }
    #expect(abs((b?.origin.x ?? 0) - 85) < 0.001)
  }
}
