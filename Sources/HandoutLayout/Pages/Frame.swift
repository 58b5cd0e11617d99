/// A finished page: its size and everything on it, positioned in page coordinates.
public struct Page: Sendable {
  public var size: Size
  /// The rectangle inside the margins, where the flow was laid.
  public var body: Rect
  public var items: [FrameItem]
  /// For print-shop output: where the sheet is cut, and how far backgrounds run past the cut.
  public var trimBox: Rect?
  public var bleedBox: Rect?
  /// Regions read out of the flow's order, with their ranks (see `PageTemplate.readingRanks`).
  public var readingRegions: [ReadingRegion]

  public init(
    size: Size, body: Rect, items: [FrameItem], trimBox: Rect? = nil, bleedBox: Rect? = nil,
    readingRegions: [ReadingRegion] = []
  ) {
    self.size = size
    self.body = body
    self.items = items
    self.trimBox = trimBox
    self.bleedBox = bleedBox
    self.readingRegions = readingRegions
  }

  /// The reading rank of what starts at `point`: its region's, or 0 when the page has none.
  public func readingRank(at point: Point) -> Int {
    readingRegions.first { region in
      point.x >= region.rect.x && point.x <= region.rect.maxX && point.y >= region.rect.y && point.y <= region.rect.maxY
    }?.rank ?? 0
  }
}

/// A region of a page and where it comes in the document's reading order.
public struct ReadingRegion: Sendable, Hashable {
  public var rect: Rect
  public var rank: Int

  public init(_ rect: Rect, rank: Int) {
    self.rect = rect
    self.rank = rank
  }
}

/// One positioned thing on a page, in drawing order.
public enum FrameItem: Sendable {
  case text(TextItem)
  case rectangle(RectangleItem)
  case rule(from: Point, to: Point, color: Color, width: Double)
  case image(Image, in: Rect)
  case drawing(Drawing, in: Rect)
  /// A bookmark for the PDF outline, at the top of a heading.
  case outlineEntry(title: String, level: Int, at: Point)
  /// A hairline drawn only when debugging layout, with what it outlines.
  case debugOutline(Rect, label: String)
  /// Where a block the composer named was placed (``Paragraph/marker``): draws nothing, and
  /// tells whoever reads the pages where that block went and in what order.
  case marker(String, at: Point)

  /// This item moved by `dx`, `dy`.
  public func offsetBy(dx: Double, dy: Double) -> FrameItem {
    func move(_ p: Point) -> Point { Point(x: p.x + dx, y: p.y + dy) }
    switch self {
    case .text(var item):
      item.origin = move(item.origin)
      return .text(item)
    case .rectangle(var item):
      item.rect = item.rect.offsetBy(dx: dx, dy: dy)
      return .rectangle(item)
    case .rule(let from, let to, let color, let width):
      return .rule(from: move(from), to: move(to), color: color, width: width)
    case .image(let image, let rect): return .image(image, in: rect.offsetBy(dx: dx, dy: dy))
    case .drawing(let drawing, let rect): return .drawing(drawing, in: rect.offsetBy(dx: dx, dy: dy))
    case .outlineEntry(let title, let level, let point):
      return .outlineEntry(title: title, level: level, at: move(point))
    case .debugOutline(let rect, let label):
      return .debugOutline(rect.offsetBy(dx: dx, dy: dy), label: label)
    case .marker(let name, let point): return .marker(name, at: move(point))
    }
  }

  /// The area the item covers on the page; `nil` for items that draw nothing.
  /// The item with any text marked as an artifact, left out of the structure tree.
  public var asArtifact: FrameItem {
    guard case .text(var item) = self else { return self }
    item.role = .artifact
    return .text(item)
  }

  public var bounds: Rect? {
    switch self {
    case .text(let item): item.bounds
    case .rectangle(let item): item.rect
    case .rule(let from, let to, _, _):
      Rect(x: min(from.x, to.x), y: min(from.y, to.y), width: abs(to.x - from.x), height: abs(to.y - from.y))
    case .image(_, let rect), .drawing(_, let rect): rect
    case .outlineEntry, .debugOutline, .marker: nil
    }
  }
}

/// A line of text placed on a page.
public struct TextItem: Sendable {
  public var line: ShapedLine
  /// The left end of the line's baseline.
  public var origin: Point
  public var role: Role
  /// Identifies the block the line belongs to: lines of one paragraph share it.
  public var block: Int
  /// The elements the line's block sits in, outermost first: lists, list items, tables, cells.
  public var ancestors: [StructureElement]

  public init(line: ShapedLine, origin: Point, role: Role, block: Int, ancestors: [StructureElement] = []) {
    self.line = line
    self.origin = origin
    self.role = role
    self.block = block
    self.ancestors = ancestors
  }

  /// The clickable areas of the line's links, one per linked run, in page coordinates.
  public var linkAreas: [(uri: String, area: Rect)] {
    line.links.map { run in
      (run.uri, Rect(x: origin.x + run.x, y: origin.y - line.ascent, width: run.width, height: line.ascent + line.descent))
    }
  }

  /// The line's logical extent.
  public var bounds: Rect {
    Rect(
      x: origin.x, y: origin.y - line.ascent, width: line.width, height: line.ascent + line.descent)
  }
}

/// A filled and/or stroked rectangle, optionally with rounded corners.
public struct RectangleItem: Sendable {
  public var rect: Rect
  public var fill: Color?
  public var stroke: Color?
  public var lineWidth: Double
  public var cornerRadius: Double

  public init(rect: Rect, fill: Color?, stroke: Color?, lineWidth: Double, cornerRadius: Double) {
    self.rect = rect
    self.fill = fill
    self.stroke = stroke
    self.lineWidth = lineWidth
    self.cornerRadius = cornerRadius
  }
}

/// What a piece of text is, for structure tags and accessibility.
public enum Role: Sendable, Hashable {
  case paragraph
  case heading(Int)
  case listItem
  case label
  /// Text inside a figure (a chart's axis values): read through the figure's alternative text.
  case figureLabel
  /// Running headers and footers: not part of the content.
  case artifact
}

/// An element of the document's structure that encloses blocks of text, for tagged PDF.
public struct StructureElement: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case list, listItem, listBody, table, tableRow, tableHeaderCell, tableCell
  }

  public var kind: Kind
  /// Tells apart two elements of the same kind.
  public var id: Int

  public init(_ kind: Kind, id: Int) {
    self.kind = kind
    self.id = id
  }

  /// The standard PDF structure type.
  public var tag: String {
    switch kind {
    case .list: "L"
    case .listItem: "LI"
    case .listBody: "LBody"
    case .table: "Table"
    case .tableRow: "TR"
    case .tableHeaderCell: "TH"
    case .tableCell: "TD"
    }
  }
}
