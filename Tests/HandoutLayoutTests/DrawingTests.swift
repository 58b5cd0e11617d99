import Testing

@testable import HandoutLayout

@Suite("Drawings")
struct DrawingTests {
  let labelStyle = TextStyle(family: "Fake", size: 6, lineHeight: 1.2)

  func drawing(width: Double, height: Double, labels: [DrawingLabel] = []) -> Drawing {
    Drawing(
      size: Size(width: width, height: height), shapes: [Shape([.rectangle(Rect(x: 0, y: 0, width: width, height: height))], fill: .black)],
      labels: labels, alternativeText: "chart")
  }

  func placed(_ page: Page) -> Rect? {
    page.items.compactMap { item -> Rect? in
      if case .drawing(_, let rect) = item { return rect }
      return nil
    }.first
  }

  @Test func aDrawingWiderThanItsRegionScalesDownKeepingItsShape() throws {
    let pages = lay(document(height: 96, [.drawing(drawing(width: 200, height: 50))]))
    let rect = try #require(placed(pages[0]))
    #expect(abs(rect.width - 100) < 0.001)
    #expect(abs(rect.height - 25) < 0.001)
  }

  @Test func aDrawingTallerThanItsRegionFitsIt() throws {
    let pages = lay(document(height: 96, [.drawing(drawing(width: 50, height: 400))]))
    let rect = try #require(placed(pages[0]))
    #expect(rect.height <= 96.001)
    expectInsideAndApart(pages)
  }

  @Test func labelsMoveWithTheScaleButKeepTheirSize() throws {
    let label = DrawingLabel("10", at: Point(x: 100, y: 40), anchor: .center, style: labelStyle)
    let pages = lay(document(height: 96, [.drawing(drawing(width: 200, height: 50, labels: [label]))]))
    let text = try #require(placedText(pages[0]).first)
    #expect(text.role == .figureLabel)
    #expect(abs(text.origin.x - (10 + 50 - text.line.width / 2)) < 0.001, "centred on the scaled point")
    #expect(abs(text.origin.y - (10 + 20)) < 0.001)
    #expect(text.line.width == 6, "two characters of 3 pt: the label is not shrunk")
  }

  @Test func aDrawingBesideTextInARowStaysInItsCell() throws {
    let row = Row(cells: [
      Row.Cell([.paragraph(Paragraph(numbered(3, "t"), style: bodyStyle))]),
      Row.Cell(weight: 0.5, [.drawing(drawing(width: 72, height: 36))]),
    ], gap: 4)
    let pages = lay(document(height: 96, [.row(row)]))
    let rect = try #require(placed(pages[0]))
    #expect(rect.x >= 10 + 64 && rect.maxX <= 110.001)
  }
}
