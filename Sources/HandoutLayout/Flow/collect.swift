/// The flow of a document: its items, and the boxes and table headers they refer to.
struct Flow {
  var items: [FlowItem]
  /// The boxes, by id; see ``FlowItem/containers``.
  var containers: [Container]
  /// The header rows of each table, by table id.
  var tableHeaders: [[FlowItem]]
  /// The markers each table's body rows follow (``Table/rowsFollow``), by table id; empty
  /// for a table whose rows keep their order.
  var tableRowsFollow: [[String?]]
  /// The keep-together groups of floating blocks (``Block/floating(_:)``).
  var floatingGroups: Set<Int> = []
}

/// Collects blocks into a flow at `width`, shaping text on the way; images and drawings are
/// scaled down to fit `regionHeight`.
func collect(
  _ blocks: [Block], width: Double, regionHeight: Double, textSystem: any TextSystem, images: AssetTable
) -> Flow {
  var collector = Collector(textSystem: textSystem, images: images, regionHeight: regionHeight)
  var items: [FlowItem] = []
  collector.collect(blocks, x: 0, width: width, into: &items)
  return Flow(
    items: items, containers: collector.containers, tableHeaders: collector.tableHeaders,
    tableRowsFollow: collector.tableRowsFollow, floatingGroups: collector.floatingGroups)
}

/// Turns blocks into a vertical list of flow items at a given width, shaping text on the way.
///
/// Break rules are attached here, where the structure is still known: lines of a paragraph
/// protect against widows and orphans, headings keep with what follows, keep-together
/// groups and boxes forbid breaks inside themselves.
struct Collector {
  let textSystem: any TextSystem
  /// The document's images, with their natural sizes.
  let images: AssetTable
  /// The height of a region; images and drawings are scaled down to fit it.
  let regionHeight: Double
  private(set) var containers: [Container] = []
  /// The header rows of each table, by table id, for repeating them after a page break.
  var tableHeaders: [[FlowItem]] = []
  /// The markers each table's body rows follow, by table id.
  var tableRowsFollow: [[String?]] = []
  /// The keep-together groups of floating blocks.
  private(set) var floatingGroups: Set<Int> = []
  /// The id the next block of text gets; see ``TextItem/block``.
  private var nextBlock = 0
  /// The id the next keep-together group gets.
  private var nextGroup = 0
  /// The structure elements the blocks being collected sit in.
  var ancestors: [StructureElement] = []

  init(textSystem: any TextSystem, images: AssetTable, regionHeight: Double) {
    self.textSystem = textSystem
    self.images = images
    self.regionHeight = regionHeight
  }

  /// Appends the flow items of `blocks`, laid at `x` across `width`, to `out`.
  mutating func collect(
    _ blocks: [Block], x: Double, width: Double, containers stack: [Int] = [],
    into out: inout [FlowItem]
  ) {
    for block in blocks {
      let first = out.count
      collect(block, x: x, width: width, into: &out)
      for index in first..<out.count {
        out[index].containers = stack + out[index].containers
      }
    }
  }

  private mutating func collect(_ block: Block, x: Double, width: Double, into out: inout [FlowItem]) {
    switch block {
    case .paragraph(let paragraph):
      addSpace(paragraph.spaceBefore, to: &out)
      var items = lines(of: paragraph.text, x: x, width: width, role: .paragraph, label: "paragraph")
      if paragraph.keepsWithNext {
        for index in items.indices { items[index].breakAfter = .keepWithNext }
      }
      if let marker = paragraph.marker, case .content(let height, var frameItems) = items.first?.kind {
        frameItems.insert(.marker(marker, at: Point(x: x, y: 0)), at: 0)
        items[0].kind = .content(height: height, items: frameItems)
      }
      out += items
      addSpace(paragraph.spaceAfter, to: &out)

    case .heading(let heading):
      addSpace(heading.paragraph.spaceBefore, to: &out)
      var items = lines(
        of: heading.paragraph.text, x: x, width: width, role: .heading(heading.level),
        label: "heading \(heading.level)")
      for index in items.indices { items[index].breakAfter = .keepWithNext }
      if case .content(let height, var frameItems) = items.first?.kind {
        let title = heading.paragraph.text.plainText
        frameItems.insert(.outlineEntry(title: title, level: heading.level, at: Point(x: x, y: 0)), at: 0)
        items[0].kind = .content(height: height, items: frameItems)
      }
      out += items
      addSpace(heading.paragraph.spaceAfter, to: &out)

    case .list(let list):
      collectList(list, x: x, width: width, into: &out)

    case .grid(let grid):
      collectGrid(grid, x: x, width: width, into: &out)

    case .box(let box):
      collectBox(box, x: x, width: width, into: &out)

    case .row(let row):
      collectRow(row, x: x, width: width, into: &out)

    case .cards(let cards):
      collectCards(cards, x: x, width: width, into: &out)

    case .table(let table):
      collectTable(table, x: x, width: width, into: &out)

    case .image(var image):
      image.ancestors = ancestors
      let natural = images[image.asset]?.size ?? Size(width: 100, height: 100)
      let size = fit(natural, width: image.width, height: image.height, maxWidth: width)
      let left = x + alignedOffset(size.width, in: width, image.alignment)
      let rect = Rect(x: left, y: 0, width: size.width, height: size.height)
      out.append(FlowItem(kind: .content(height: size.height, items: [.image(image, in: rect)]), label: "image"))
      addSpace(image.spaceAfter, to: &out)

    case .drawing(var drawing):
      drawing.ancestors = ancestors
      let size = fit(drawing.size, width: drawing.size.width, height: nil, maxWidth: width)
      let left = x + alignedOffset(size.width, in: width, drawing.alignment)
      let rect = Rect(x: left, y: 0, width: size.width, height: size.height)
      let items = [FrameItem.drawing(drawing, in: rect)] + labels(of: drawing, in: rect)
      out.append(FlowItem(kind: .content(height: size.height, items: items), label: "drawing"))
      addSpace(drawing.spaceAfter, to: &out)

    case .spacer(let height):
      addSpace(height, to: &out)

    case .pageBreak:
      out.append(FlowItem(kind: .pageBreak))

    case .regionBreak:
      out.append(FlowItem(kind: .regionBreak))

    case .columns(let columns):
      let count = max(1, columns.count)
      let columnWidth = (width - columns.gap * Double(count - 1)) / Double(count)
      var inner: [FlowItem] = []
      collect(columns.content, x: x, width: columnWidth, into: &inner)
      let flow = ColumnFlow(items: inner, count: count, gap: columns.gap, columnWidth: columnWidth)
      out.append(FlowItem(kind: .columns(flow), label: "columns"))
      addSpace(columns.spaceAfter, to: &out)

    case .keepTogether(let blocks), .floating(let blocks):
      let first = out.count
      collect(blocks, x: x, width: width, into: &out)
      if let group = keepTogether(&out, from: first), case .floating = block { floatingGroups.insert(group) }
    }
  }

  /// Lines of text, each a flow item, with widow and orphan protection between them.
  mutating func lines(of text: StyledText, x: Double, width: Double, role: Role, label: String) -> [FlowItem] {
    let shaped = textSystem.shape(text, width: width)
    let block = nextBlock
    nextBlock += 1
    let count = shaped.lines.count
    // A line is never shorter than its font's extent, so no glyph leaves the line's box.
    let nominal = max(text.style.size * text.style.lineHeight, shaped.ascent + shaped.descent)
    return shaped.lines.enumerated().map { index, line in
      let extraAscent = max(0, line.ascent - shaped.ascent)
      let extraDescent = max(0, line.descent - shaped.descent)
      let baseline = (nominal - shaped.ascent - shaped.descent) / 2 + shaped.ascent + extraAscent
      let height = nominal + extraAscent + extraDescent
      let origin = Point(x: x + line.x, y: baseline)
      let items: [FrameItem] = [.text(TextItem(line: line, origin: origin, role: role, block: block, ancestors: ancestors))]
      let linesBefore = index + 1
      let linesAfter = count - linesBefore
      let rule: BreakRule = linesAfter == 0 || (linesBefore >= 2 && linesAfter >= 2) ? .allowed : .widowOrphan
      return FlowItem(
        kind: .content(height: height, items: items), breakAfter: rule, firstBaseline: baseline,
        label: "\(label) line \(linesBefore)/\(count)")
    }
  }

  private mutating func collectList(_ list: ListBlock, x: Double, width: Double, into out: inout [FlowItem]) {
    let outer = ancestors
    defer { ancestors = outer }
    let listElement = newElement(.list)
    // The last content item of each list item.
    var itemEnds: [Int] = []
    for (index, item) in list.items.enumerated() {
      if index > 0 { addSpace(list.itemSpacing, to: &out) }
      let itemElement = newElement(.listItem)
      ancestors = outer + [listElement, itemElement, newElement(.listBody)]
      let first = out.count
      collect(item, x: x + list.indent, width: width - list.indent, into: &out)
      guard let target = out[first...].firstIndex(where: { $0.isContent }) else { continue }
      if let end = out[first...].lastIndex(where: { $0.isContent }) { itemEnds.append(end) }
      let baseline = out[target].firstBaseline ?? list.markerStyle.size
      let block = nextBlock
      nextBlock += 1
      ancestors = outer + [listElement, itemElement]
      let markers = marker(list, number: index + 1, x: x, baseline: baseline, block: block)
      switch out[target].kind {
      case .content(let height, let items):
        out[target].kind = .content(height: height, items: markers + items)
      case .row(var row):
        row.leading = markers + row.leading
        out[target].kind = .row(row)
      default:
        break
      }
    }
    // A break leaves at least two items on each side where it can, as it leaves two lines of
    // a paragraph.
    if itemEnds.count >= 2 {
      for end in Set([itemEnds[0], itemEnds[itemEnds.count - 2]]) {
        out[end].breakAfter = max(out[end].breakAfter, .widowOrphan)
      }
    }
    addSpace(list.spaceAfter, to: &out)
  }

  /// A structure element with an id of its own.
  mutating func newElement(_ kind: StructureElement.Kind) -> StructureElement {
    defer { nextBlock += 1 }
    return StructureElement(kind, id: nextBlock)
  }

  private func marker(_ list: ListBlock, number: Int, x: Double, baseline: Double, block: Int) -> [FrameItem] {
    let style = list.markerStyle
    switch list.marker {
    case .square(let color):
      let side = style.size * 0.42
      let rect = Rect(x: x + 2, y: baseline - style.size * 0.36 - side / 2, width: side, height: side)
      return [.rectangle(RectangleItem(rect: rect, fill: color, stroke: nil, lineWidth: 0, cornerRadius: 1))]
    case .bullet, .number:
      let text = list.marker == .bullet ? "•" : "\(number)."
      let shaped = textSystem.shape(StyledText(spans: [Span(text)], style: style), width: list.indent)
      guard let line = shaped.lines.first else { return [] }
      return [
        .text(TextItem(line: line, origin: Point(x: x + line.x, y: baseline), role: .label, block: block, ancestors: ancestors))
      ]
    }
  }

  private mutating func collectGrid(
    _ grid: LabelValueGrid, x: Double, width: Double, into out: inout [FlowItem]
  ) {
    let columns = max(1, grid.columns)
    let gap = 16.0
    let weights = gridColumnWidths(grid, columns: columns, width: width - gap * Double(columns - 1))
    var rows: [Row] = []
    for start in stride(from: 0, to: grid.entries.count, by: columns) {
      let entries = grid.entries[start..<min(start + columns, grid.entries.count)]
      var cells = entries.enumerated().map { index, entry in
        Row.Cell(weight: weights[index], [
          .paragraph(Paragraph(entry.label, style: grid.labelStyle, spaceAfter: 1)),
          .paragraph(Paragraph(entry.value, style: grid.valueStyle)),
        ])
      }
      while cells.count < columns { cells.append(Row.Cell(weight: weights[cells.count], [])) }
      rows.append(Row(cells: cells, gap: gap))
    }
    for (index, row) in rows.enumerated() {
      if index > 0 { addSpace(grid.rowSpacing, to: &out) }
      collectRow(row, x: x, width: width, into: &out)
    }
    addSpace(grid.spaceAfter, to: &out)
  }

  /// The widths of a grid's columns, `room` in all: a column whose content is narrower than an
  /// even share takes only what it needs, and the rest is shared by the wider ones in
  /// proportion to the width they want, so a long value (a therapist's credentials) wraps
  /// less. Content that fits in all gets its width and an even share of what is left.
  private mutating func gridColumnWidths(_ grid: LabelValueGrid, columns: Int, width room: Double) -> [Double] {
    var wanted = [Double](repeating: 1, count: columns)
    for (index, entry) in grid.entries.enumerated() {
      let texts = [
        StyledText(spans: [Span(entry.label)], style: grid.labelStyle), StyledText(spans: entry.value, style: grid.valueStyle),
      ]
      for text in texts {
        let widest = textSystem.shape(text, width: 100_000).lines.map(\.width).max() ?? 0
        wanted[index % columns] = max(wanted[index % columns], widest)
      }
    }
    let total = wanted.reduce(0, +)
    guard total > room else { return wanted.map { $0 + (room - total) / Double(columns) } }
    var widths = [Double](repeating: 0, count: columns)
    var open = Array(0..<columns)
    var left = room
    // Columns narrower than an even share of what is left keep their width, until none is.
    while let narrow = open.first(where: { wanted[$0] <= left / Double(open.count) }) {
      widths[narrow] = wanted[narrow]
      left -= wanted[narrow]
      open.removeAll { $0 == narrow }
    }
    let asked = open.map { wanted[$0] }.reduce(0, +)
    for index in open { widths[index] = left * wanted[index] / max(asked, 1) }
    return widths
  }

  private mutating func collectBox(_ box: Box, x: Double, width: Double, into out: inout [FlowItem]) {
    addSpace(box.spaceBefore, to: &out)
    let id = containers.count
    let depth = (out.last?.containers.count ?? 0)
    containers.append(
      Container(
        x: x, width: width, fill: box.fill, border: box.border, borderWidth: box.borderWidth,
        accentBar: box.accentBar, cornerRadius: box.cornerRadius, padding: box.padding, depth: depth))
    let innerX = x + box.padding.left
    let innerWidth = width - box.padding.left - box.padding.right
    if !box.continuation.isEmpty {
      var continuation: [FlowItem] = []
      collect(box.continuation, x: innerX, width: innerWidth, into: &continuation)
      containers[id].continuation = continuation.map(\.asArtifact)
    }
    let first = out.count
    var top = FlowItem(kind: .content(height: box.padding.top, items: []), breakAfter: .keepWithNext, label: "box top")
    top.opens = id
    out.append(top)
    collect(box.content, x: innerX, width: innerWidth, into: &out)
    // Nothing hangs below the content: its last space would double the bottom padding.
    if case .space = out.last?.kind, out.count > first + 1 { out.removeLast() }
    var bottom = FlowItem(kind: .content(height: box.padding.bottom, items: []), label: "box bottom")
    bottom.closes = id
    out.append(bottom)
    if out.count - 2 > first { out[out.count - 2].breakAfter = max(out[out.count - 2].breakAfter, .widowOrphan) }
    for index in first..<out.count { out[index].containers.insert(id, at: 0) }
    if box.keepsTogether { keepTogether(&out, from: first) }
    addSpace(box.spaceAfter, to: &out)
  }

  /// A row as one flow item whose cells keep flows of their own, cut at one height when the
  /// row splits.
  private mutating func collectRow(_ row: Row, x: Double, width: Double, into out: inout [FlowItem]) {
    let totalWeight = row.cells.reduce(0) { $0 + $1.weight }
    let available = width - row.gap * Double(max(0, row.cells.count - 1))
    var cellX = x
    var cells: [RowFlow.Cell] = []
    for cell in row.cells {
      let cellWidth = available * cell.weight / max(totalWeight, 0.0001)
      var cellItems: [FlowItem] = []
      collect(cell.content, x: cellX, width: cellWidth, into: &cellItems)
      cells.append(RowFlow.Cell(items: cellItems, alignment: cell.verticalAlignment))
      cellX += cellWidth + row.gap
    }
    let baseline = cells.first?.items.first(where: \.isContent)?.firstBaseline
    let flow = RowFlow(cells: cells, x: x, width: width)
    out.append(FlowItem(kind: .row(flow), firstBaseline: baseline, label: "row"))
    addSpace(row.spaceAfter, to: &out)
  }

  /// Cards as one flow item, each card's flow collected in the first column; distribution
  /// moves it to the column it goes into.
  private mutating func collectCards(_ cards: Cards, x: Double, width: Double, into out: inout [FlowItem]) {
    let count = max(1, cards.count)
    let columnWidth = (width - cards.gap * Double(count - 1)) / Double(count)
    var flows: [[FlowItem]] = []
    var trailing = 0
    for (index, card) in cards.cards.enumerated() {
      var items: [FlowItem] = []
      collect([card], x: x, width: columnWidth, into: &items)
      while let last = items.last, !last.isContent { items.removeLast() }
      while let first = items.first, !first.isContent { items.removeFirst() }
      guard !items.isEmpty else { continue }
      flows.append(items)
      if index >= cards.cards.count - cards.trailing { trailing += 1 }
    }
    guard !flows.isEmpty else { return }
    let flow = CardFlow(
      cards: flows, count: count, gap: cards.gap, columnWidth: columnWidth, spacing: cards.spacing,
      fillsGaps: cards.fillsGaps, trailing: trailing)
    out.append(FlowItem(kind: .cards(flow), label: "cards"))
    addSpace(cards.spaceAfter, to: &out)
  }

  /// The labels of a drawing placed in `rect`, as lines of text read as part of the figure.
  private mutating func labels(of drawing: Drawing, in rect: Rect) -> [FrameItem] {
    let scale = rect.width / max(drawing.size.width, 0.0001)
    let block = nextBlock
    nextBlock += 1
    return drawing.labels.compactMap { label -> FrameItem? in
      let shaped = textSystem.shape(StyledText(spans: [Span(label.text)], style: label.style.with { $0.alignment = .start }), width: 10_000)
      guard let line = shaped.lines.first else { return nil }
      let x = rect.x + label.position.x * scale
      let left: Double =
        switch label.anchor {
        case .start, .justified: x
        case .center: x - line.width / 2
        case .end: x - line.width
        }
      return .text(TextItem(line: line, origin: Point(x: left, y: rect.y + label.position.y * scale), role: .figureLabel, block: block))
    }
  }

  /// Forbids breaks between the items from `first` to the group's last content item, unless a
  /// stronger rule holds; the break after the group stays as it was.
  @discardableResult
  private mutating func keepTogether(_ out: inout [FlowItem], from first: Int) -> Int? {
    guard let last = out[first...].lastIndex(where: \.isContent) else { return nil }
    let group = nextGroup
    nextGroup += 1
    for index in first...last { out[index].group = group }
    for index in first..<last where out[index].breakAfter < .keepTogether {
      out[index].breakAfter = .keepTogether
    }
    return group
  }

  /// Adds vertical space; adjacent spaces collapse to the larger one.
  func addSpace(_ height: Double, to out: inout [FlowItem]) {
    guard height > 0 else { return }
    if case .space(let previous) = out.last?.kind {
      out[out.count - 1].kind = .space(max(previous, height))
    } else {
      out.append(FlowItem(kind: .space(height)))
    }
  }

  private func fit(_ natural: Size, width: Double?, height: Double?, maxWidth: Double) -> Size {
    var size = natural
    if let width, let height {
      size = Size(width: width, height: height)
    } else if let width, natural.width > 0 {
      size = Size(width: width, height: natural.height * width / natural.width)
    } else if let height, natural.height > 0 {
      size = Size(width: natural.width * height / natural.height, height: height)
    }
    let scale = min(1, maxWidth / max(size.width, 0.0001), regionHeight / max(size.height, 0.0001))
    return Size(width: size.width * scale, height: size.height * scale)
  }

  private func alignedOffset(_ itemWidth: Double, in width: Double, _ alignment: TextAlignment) -> Double {
    switch alignment {
    case .start, .justified: 0
    case .center: (width - itemWidth) / 2
    case .end: width - itemWidth
    }
  }
}
