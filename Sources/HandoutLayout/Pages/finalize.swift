/// Adds what needs the page count: running headers and footers with "page X of Y".
func finalize(
  _ pages: [Page], header: RunningText?, footer: RunningText?, textSystem: any TextSystem
) -> [Page] {
  pages.enumerated().map { index, page in
    var page = page
    let fill = { (parts: [RunningText.Part]) in
      parts.map { part in
        switch part {
        case .text(let text): text
        case .pageNumber: "\(index + 1)"
        case .pageCount: "\(pages.count)"
        }
      }.joined()
    }
    if let header {
      let baseline = page.body.y - 14
      page.items += running(header, fill: fill, baseline: baseline, page: page, textSystem: textSystem)
      if let rule = header.rule {
        let y = page.body.y - 8
        page.items.append(
          .rule(from: Point(x: page.body.x, y: y), to: Point(x: page.body.maxX, y: y), color: rule, width: 0.5))
      }
    }
    if let footer {
      let baseline = page.body.maxY + 14 + footer.style.size
      if let rule = footer.rule {
        let y = page.body.maxY + 10
        page.items.append(
          .rule(from: Point(x: page.body.x, y: y), to: Point(x: page.body.maxX, y: y), color: rule, width: 0.5))
      }
      page.items += running(footer, fill: fill, baseline: baseline, page: page, textSystem: textSystem)
    }
    return page
  }
}

private func running(
  _ text: RunningText, fill: ([RunningText.Part]) -> String, baseline: Double, page: Page,
  textSystem: any TextSystem
) -> [FrameItem] {
  var items: [FrameItem] = []
  for (template, alignment) in [(text.leading, TextAlignment.start), (text.trailing, .end)] {
    let content = fill(template)
    guard !content.isEmpty else { continue }
    let style = text.style.with { $0.alignment = alignment }
    let shaped = textSystem.shape(StyledText(spans: [Span(content)], style: style), width: page.body.width)
    guard let line = shaped.lines.first else { continue }
    let origin = Point(x: page.body.x + line.x, y: baseline)
    items.append(.text(TextItem(line: line, origin: origin, role: .artifact, block: -1)))
  }
  return items
}
