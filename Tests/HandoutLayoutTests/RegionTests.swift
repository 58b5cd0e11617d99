import Testing

@testable import HandoutLayout

/// Text lines with where they sit, for checks on regions.
private func placedLines(_ page: Page) -> [(text: String, bounds: Rect)] {
  page.items.compactMap { item in
    if case .text(let text) = item, text.role != .artifact { return (text.line.text, text.bounds) }
    return nil
  }
}

/// A page 230 pt wide holding two 100 pt regions 10 pt apart, `height` tall.
private func twoColumnDocument(height: Double, _ blocks: [Block]) -> Document {
  let size = Size(width: 230, height: height + 20)
  let body = Rect(x: 10, y: 10, width: 210, height: height)
  return Document(
    metadata: Metadata(title: "Test"),
    page: PageSetup(size: size, margins: EdgeInsets(all: 10), templates: [.columns(2, gap: 10, in: body)]),
    blocks: blocks)
}

@Suite("Regions: columns and panels")
struct RegionTests {
  @Test func textFlowsDownOneColumnThenTheNext() {
    let pages = lay(twoColumnDocument(height: 96, [paragraph(lines: 20)]))
    // 8 lines of 12 pt fill a 96 pt column: 16 on the first page, 4 on the second.
    #expect(lineTexts(pages).map(\.count) == [16, 4])
    let first = placedLines(pages[0])
    #expect(first[..<8].allSatisfy { $0.bounds.x == 10 })
    #expect(first[8...].allSatisfy { $0.bounds.x == 120 })
    #expect(first[8].text.hasPrefix("p9"))
  }

  @Test func aHeadingAtAColumnFootMovesToTheNextColumn() {
    let pages = lay(twoColumnDocument(height: 96, [
      paragraph(lines: 7, tag: "a"),
      .heading(Heading(level: 2, Paragraph("Next", style: headingStyle))),
      paragraph(lines: 3, tag: "b"),
    ]))
    let lines = placedLines(pages[0])
    let heading = try! #require(lines.first { $0.text == "Next" })
    #expect(heading.bounds.x == 120 && heading.bounds.y < 22)
  }

  @Test func aRegionBreakStartsTheNextRegion() {
    let pages = lay(twoColumnDocument(height: 96, [paragraph(lines: 2, tag: "a"), .regionBreak, paragraph(lines: 2, tag: "b")]))
    let lines = placedLines(pages[0])
    #expect(pages.count == 1)
    let second = lines.filter { $0.text.hasPrefix("b") }
    #expect(second.count == 2 && second.allSatisfy { $0.bounds.x == 120 })
    #expect(second.first!.bounds.y < 22, "the second region starts at its top")
  }

  @Test func panelsOfDifferentWidthsFollowTheirTemplateOrder() {
    // Like a brochure's outside: the front panel (right) is read first, then the flap (left).
    let front = Rect(x: 250, y: 10, width: 110, height: 48)
    let flap = Rect(x: 10, y: 10, width: 100, height: 48)
    let inside = PageTemplate.columns(3, gap: 20, in: Rect(x: 10, y: 10, width: 350, height: 48))
    let document = Document(
      metadata: Metadata(title: "Brochure"),
      page: PageSetup(
        size: Size(width: 370, height: 68), margins: EdgeInsets(all: 10),
        templates: [PageTemplate(regions: [front, flap]), inside]),
      blocks: [paragraph(lines: 4, tag: "f"), .regionBreak, paragraph(lines: 4, tag: "k"), .pageBreak, paragraph(lines: 12, tag: "i")])
    let pages = lay(document)
    #expect(pages.count == 2)
    let outside = placedLines(pages[0])
    #expect(outside.filter { $0.text.hasPrefix("f") }.allSatisfy { front.contains($0.bounds) })
    #expect(outside.filter { $0.text.hasPrefix("k") }.allSatisfy { flap.contains($0.bounds) })
    let insideLines = placedLines(pages[1])
    #expect(insideLines.count == 12)
    for (index, region) in inside.regions.enumerated() {
      let inRegion = insideLines.filter { region.contains($0.bounds) }
      #expect(inRegion.count == 4, "panel \(index + 1) holds 4 lines")
    }
  }

  @Test func aColumnsBlockIsBalancedUnderItsHeading() {
    let body = (1...6).map { index -> Block in .paragraph(Paragraph("c\(index)", style: bodyStyle)) }
    let pages = lay(document(height: 400, [
      .heading(Heading(level: 1, Paragraph("Title", style: headingStyle))),
      .columns(Columns(count: 2, gap: 10, content: body)),
      .paragraph(Paragraph("after", style: bodyStyle)),
    ]))
    let lines = placedLines(pages[0])
    let left = lines.filter { $0.text.hasPrefix("c") && $0.bounds.x == 10 }
    let right = lines.filter { $0.text.hasPrefix("c") && $0.bounds.x == 65 }
    #expect(left.map { String($0.text.prefix(2)) } == ["c1", "c2", "c3"])
    #expect(right.map { String($0.text.prefix(2)) } == ["c4", "c5", "c6"])
    let after = try! #require(lines.first { $0.text.hasPrefix("after") })
    #expect(abs(after.bounds.y - (10 + 12 + 36 + 1)) < 0.001, "the text after starts below the balanced columns")
  }

  @Test func aLongColumnsBlockContinuesOnTheNextPage() {
    // Each column holds 45 pt: a 12 pt heading leaves 84 pt on the first page → 7 lines a
    // column; 30 lines of 45 pt-wide text (9 characters a line) run on.
    let body = (1...30).map { index -> Block in .paragraph(Paragraph("l\(index)", style: bodyStyle)) }
    let pages = lay(document(height: 96, [
      .heading(Heading(level: 1, Paragraph("Title", style: headingStyle))),
      .columns(Columns(count: 2, gap: 10, content: body)),
    ]))
    let texts = lineTexts(pages)
    #expect(texts.flatMap { $0 }.filter { $0.hasPrefix("l") } == (1...30).map { "l\($0)" }, "every line once, in order")
    #expect(texts[0].count == 1 + 14)
    #expect(texts[1].count == 16)
    for page in pages {
      #expect(placedLines(page).allSatisfy { page.body.contains($0.bounds, tolerance: 0.001) })
    }
  }

  @Test func aTableRowTallerThanAPageIsSplitAtLineBoundaries() {
    let cell = { (text: String) -> [Block] in [.paragraph(Paragraph(text, style: bodyStyle))] }
    let long = (1...20).map { "w\($0)".padding(toLength: 8, withPad: "x", startingAt: 0) }.joined(separator: " ")
    let table = Table(
      columns: [.fixed(20), .relative(1)], headerRows: [[cell("H"), cell("Notes")]],
      rows: [[cell("r1"), cell("short")], [cell("r2"), cell(long)], [cell("r3"), cell("end")]],
      cellPadding: EdgeInsets(all: 2))
    let pages = lay(document(height: 96, [.table(table)]))
    let all = allTexts(pages).flatMap { $0 }
    #expect(all.filter { $0.hasPrefix("w") }.count == 20, "no line of the tall cell is lost")
    #expect(lineTexts(pages).flatMap { $0 }.filter { $0 == "Notes" }.count == 1)
    for page in pages {
      #expect(placedLines(page).allSatisfy { page.body.contains($0.bounds, tolerance: 0.001) })
      #expect(allTexts([page])[0].first == "H", "each page repeats the header")
    }
  }
}
