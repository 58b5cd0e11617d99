import HandoutLayout

extension LayoutSpec.Fold {
  /// How far crop marks reach out from the bleed, and how far they stay from the trim.
  static let markLength = 14.0
  static let markArea = 18.0

  /// The page of a folded sheet: landscape `paper` trimmed, plus bleed and room for crop
  /// marks; the outside's panels, then the inside's, each a region inside its safe margin.
  func pageSetup(paper: Size, coverBackground: Color) -> PageSetup {
    let trimSize = Size(width: max(paper.width, paper.height), height: min(paper.width, paper.height))
    let offset = bleed + Self.markArea
    let size = Size(width: trimSize.width + 2 * offset, height: trimSize.height + 2 * offset)
    let trim = Rect(x: offset, y: offset, width: trimSize.width, height: trimSize.height)
    let bleedBox = trim.inset(by: EdgeInsets(all: -bleed))
    // Panels in points, scaled so that they fill the trim width exactly.
    let total = panels.reduce(0, +)
    let widths = panels.map { $0 * trim.width / max(total, 1) }
    func panelRects(_ widths: [Double]) -> [Rect] {
      var x = trim.x
      return widths.map { width in
        defer { x += width }
        return Rect(x: x, y: trim.y, width: width, height: trim.height)
      }
    }
    let outside = panelRects(widths)
    let inside = panelRects(widths.reversed())
    let safe = EdgeInsets(all: safeMargin)
    let outsideOrder = outsideOrder.filter { outside.indices.contains($0) }
    var outsideDecorations: [Decoration] = []
    if let cover = outsideOrder.first {
      // The front cover's background runs into the bleed on its three outer sides.
      var rect = outside[cover]
      rect = Rect(x: rect.x, y: bleedBox.y, width: rect.width + (cover == outside.count - 1 ? bleed : 0), height: bleedBox.height)
      outsideDecorations.append(fill(rect, coverBackground))
    }
    // Each side's fold marks stand where its own panels meet: the inside mirrors the outside.
    let outsideMarks = cropMarks ? self.marks(trim: trim, folds: outside.dropFirst().map(\.x)) : []
    let insideMarks = cropMarks ? self.marks(trim: trim, folds: inside.dropFirst().map(\.x)) : []
    // Read as the sheet is opened: the front cover, the inside from left to right, then the
    // rest of the outside (the flap and the back) in the layout's order.
    let outsideRanks = outsideOrder.indices.map { $0 == 0 ? 0 : inside.count + $0 }
    var setup = PageSetup(
      size: size, margins: EdgeInsets(all: offset + safeMargin),
      templates: [
        PageTemplate(
          regions: outsideOrder.map { outside[$0].inset(by: safe) }, decorations: outsideDecorations + outsideMarks,
          readingRanks: outsideRanks),
        PageTemplate(regions: inside.map { $0.inset(by: safe) }, decorations: insideMarks, readingRanks: inside.indices.map { $0 + 1 }),
      ])
    setup.trimBox = trim
    setup.bleedBox = bleedBox
    return setup
  }

  private func fill(_ rect: Rect, _ color: Color) -> Decoration {
    let drawing = Drawing(
      size: rect.size, shapes: [Shape([.rectangle(Rect(x: 0, y: 0, width: rect.width, height: rect.height))], fill: color)],
      alternativeText: "")
    return Decoration(drawing, in: rect)
  }

  /// Corner crop marks and fold marks, outside the bleed, in registration black.
  private func marks(trim: Rect, folds: [Double]) -> [Decoration] {
    let start = bleed + 3
    let end = start + Self.markLength
    var lines: [(Point, Point)] = []
    for x in [trim.x, trim.maxX] {
      lines.append((Point(x: x, y: trim.y - start), Point(x: x, y: trim.y - end)))
      lines.append((Point(x: x, y: trim.maxY + start), Point(x: x, y: trim.maxY + end)))
    }
    for y in [trim.y, trim.maxY] {
      lines.append((Point(x: trim.x - start, y: y), Point(x: trim.x - end, y: y)))
      lines.append((Point(x: trim.maxX + start, y: y), Point(x: trim.maxX + end, y: y)))
    }
    for x in folds {
      lines.append((Point(x: x, y: trim.y - start), Point(x: x, y: trim.y - start - Self.markLength / 2)))
      lines.append((Point(x: x, y: trim.maxY + start), Point(x: x, y: trim.maxY + start + Self.markLength / 2)))
    }
    let page = Rect(x: 0, y: 0, width: trim.maxX + trim.x, height: trim.maxY + trim.y)
    let shapes = lines.map { Shape([.move($0.0), .line($0.1)], stroke: .black, lineWidth: 0.25) }
    return [Decoration(Drawing(size: page.size, shapes: shapes, alternativeText: ""), in: page)]
  }
}
