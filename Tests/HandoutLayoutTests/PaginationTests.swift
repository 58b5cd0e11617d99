import Testing

@testable import HandoutLayout

@Suite("Pagination rules")
struct PaginationTests {
  @Test func aHeadingNeverEndsAPage() {
    // 7 lines fill 84 of 96 pt; the heading (12 pt) would fit at the foot but must move on.
    let pages = lay(document(height: 96, [
      paragraph(lines: 7, tag: "a"),
      .heading(Heading(level: 2, Paragraph("Next section", style: headingStyle))),
      paragraph(lines: 3, tag: "b"),
    ]))
    #expect(pages.count == 2)
    #expect(lineTexts(pages)[0].last?.hasPrefix("a7") == true)
    #expect(lineTexts(pages)[1].first == "Next section")
  }

  @Test func chainsOfHeadingsMoveTogether() {
    let pages = lay(document(height: 96, [
      paragraph(lines: 5, tag: "a"),
      .heading(Heading(level: 1, Paragraph("Part", style: headingStyle))),
      .heading(Heading(level: 2, Paragraph("Chapter", style: headingStyle))),
      paragraph(lines: 4, tag: "b"),
    ]))
    #expect(lineTexts(pages).map(\.first) == ["a1xxxxxxxxxxxxxxxxx", "Part"])
  }

  @Test func aThreeLineParagraphIsNotSplitOneAndTwo() {
    // 7 lines leave room for 1 more: a 3-line paragraph would leave an orphan or a widow.
    let pages = lay(document(height: 96, [paragraph(lines: 7, tag: "a"), paragraph(lines: 3, tag: "b")]))
    #expect(lineTexts(pages).map(\.count) == [7, 3])
  }

  @Test func longParagraphsLeaveAtLeastTwoLinesOnEachSide() {
    // 8 lines fit; a 9-line paragraph would leave one line alone on page 2, so 7 + 2.
    let pages = lay(document(height: 96, [paragraph(lines: 9)]))
    #expect(lineTexts(pages).map(\.count) == [7, 2])
    // 2 lines on the first page, rest after.
    let orphan = lay(document(height: 96, [paragraph(lines: 7, tag: "a"), paragraph(lines: 4, tag: "b")]))
    #expect(lineTexts(orphan).map(\.count) == [7, 4])
  }

  @Test func keepTogetherMovesWhole() {
    let pages = lay(document(height: 96, [
      paragraph(lines: 5, tag: "a"),
      .keepTogether([paragraph(lines: 2, tag: "b"), paragraph(lines: 2, tag: "c")]),
    ]))
    #expect(lineTexts(pages).map(\.count) == [5, 4])
  }

  @Test func groupsWithSpaceAfterThemStillBreakBetweenEachOther() {
    // Three groups of 3 lines with space after each: 96 pt hold 2 groups (36 + 6 + 36 + 6),
    // so the page must end between groups, never inside the third.
    let group = { (tag: String) -> Block in
      .keepTogether([paragraph(lines: 1, tag: tag + "q"), .paragraph(Paragraph("\(tag)a1xxxxxxxxxxxxxxxx \(tag)a2xxxxxxxxxxxxxxxx", style: bodyStyle, spaceAfter: 6))])
    }
    let pages = lay(document(height: 96, [group("a"), group("b"), group("c"), group("d")]))
    #expect(lineTexts(pages).map(\.count) == [6, 6])
  }

  @Test func aBoxTallerThanAPageIsBrokenAndEnds() {
    // 5 pt padding above and below, none at the sides. Every piece keeps its padding at the
    // edge where it was cut: 5 + 7 × 12 + 5 = 94 pt ≤ 96 pt, so 7 lines a page.
    let box = Box(content: [paragraph(lines: 30)], fill: .white, padding: EdgeInsets(top: 5, right: 0, bottom: 5, left: 0))
    let pages = lay(document(height: 96, [.box(box)]))
    #expect(lineTexts(pages).map(\.count) == [7, 7, 7, 7, 2])
    for page in pages {
      let frames = page.items.compactMap { item -> Rect? in
        if case .rectangle(let rectangle) = item { return rectangle.rect } else { return nil }
      }
      #expect(frames.count == 1, "each piece of the box has its own frame")
      let lines = page.items.compactMap { item -> Rect? in
        if case .text(let text) = item, text.role != .artifact { return text.bounds } else { return nil }
      }
      guard let frame = frames.first, let first = lines.first, let last = lines.last else { continue }
      let lineTop = first.y - (12 - 10) / 2
      let lineBottom = last.maxY + (12 - 10) / 2
      #expect(abs(lineTop - frame.y - 5) < 0.001, "top padding on every piece")
      #expect(abs(frame.maxY - lineBottom - 5) < 0.001, "bottom padding on every piece")
      #expect(frame.maxY <= page.body.maxY + 0.001)
    }
  }

  @Test func aLongURLBreaksInsideItselfAndStaysInTheMargins() {
    let url = "https://example.com/" + String(repeating: "a", count: 280)
    let pages = lay(document(height: 200, [.paragraph(Paragraph([Span(url, link: url)], style: bodyStyle))]))
    let lines = lineTexts(pages).flatMap { $0 }
    #expect(lines.joined() == url)
    #expect(lines.count == 15)
    for page in pages {
      for item in page.items { if let bounds = item.bounds { #expect(page.body.contains(bounds)) } }
    }
  }

  @Test func nothingIsDrawnOutsideTheBody() {
    let blocks: [Block] = (0..<40).flatMap { index -> [Block] in
      [.heading(Heading(level: 2, Paragraph("Heading \(index)", style: headingStyle))), paragraph(lines: index % 6 + 1)]
    }
    let pages = lay(document(height: 150, blocks))
    #expect(pages.count > 5)
    for page in pages {
      for item in page.items { if let bounds = item.bounds { #expect(page.body.contains(bounds)) } }
      if case .text(let last)? = page.items.last(where: { if case .text = $0 { true } else { false } }) {
        #expect(last.role == .paragraph, "no page ends with a heading")
      }
    }
  }

  @Test func explicitPageBreaksStartANewPage() {
    let pages = lay(document(height: 96, [paragraph(lines: 1, tag: "a"), .pageBreak, paragraph(lines: 1, tag: "b")]))
    #expect(lineTexts(pages) == [["a1xxxxxxxxxxxxxxxxx"], ["b1xxxxxxxxxxxxxxxxx"]])
  }

  @Test func imagesScaleDownToFitTheRegion() {
    var assets = AssetTable()
    let asset = assets.add(Asset(format: .png, data: [], size: Size(width: 200, height: 400)))
    let image = Image(asset: asset, width: 400, height: 800, alternativeText: "tall")
    var tall = document(height: 96, [.image(image)])
    tall.assets = assets
    let pages = lay(tall)
    guard case .image(_, let rect)? = pages[0].items.first else { Issue.record("no image"); return }
    #expect(rect.height <= 96.001)
    #expect(rect.width <= 100.001)
    #expect(abs(rect.width / rect.height - 0.5) < 0.001)
  }

  @Test func footersCountPages() {
    let footer = RunningText(
      leading: [.text("Clinic")], trailing: RunningText.parts(ofTemplate: "Page {page} of {pages}"), style: bodyStyle)
    let pages = lay(document(height: 96, [paragraph(lines: 20)], footer: footer))
    let footers = pages.map { page in
      page.items.compactMap { item -> String? in
        if case .text(let text) = item, text.role == .artifact { return text.line.text } else { return nil }
      }
    }
    #expect(footers == [["Clinic", "Page 1 of 3"], ["Clinic", "Page 2 of 3"], ["Clinic", "Page 3 of 3"]])
  }

  @Test func headingsBecomeOutlineEntries() {
    let pages = lay(document(height: 96, [.heading(Heading(level: 1, Paragraph("Your care plan", style: headingStyle)))]))
    guard case .outlineEntry(let title, let level, _)? = pages[0].items.first else {
      Issue.record("no outline entry"); return
    }
    #expect(title == "Your care plan")
    #expect(level == 1)
  }

  @Test func wrappedLinksGetOneAreaPerLine() {
    // 20 characters per line: the 30-character link runs over two lines.
    let spans = [Span("Book at "), Span(String(repeating: "b", count: 30), link: "https://x.example"), Span(" today")]
    let pages = lay(document(height: 96, [.paragraph(Paragraph(spans, style: bodyStyle))]))
    let areas = pages[0].items.flatMap { item -> [Rect] in
      guard case .text(let text) = item else { return [] }
      return text.linkAreas.filter { $0.uri == "https://x.example" }.map(\.area)
    }
    #expect(areas == [
      Rect(x: 10, y: 23, width: 100, height: 10),
      Rect(x: 10, y: 35, width: 50, height: 10),
    ])
  }
}
