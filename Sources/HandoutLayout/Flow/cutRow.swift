extension Distributor {
  /// Cuts from a row the piece that fits in `height`: each cell's flow is distributed on a
  /// region of that height, and the cells go on side by side in the next region.
  ///
  /// Below other content a row waits for the next region rather than leave a cell cut at a
  /// forbidden break, a cell with nothing in it, or (for a table row no taller than
  /// `regionHeight`) any cut at all. At the top of a region it always takes what fits, so
  /// nothing runs past the region's foot.
  func cutRow(
    _ row: RowFlow, height: Double, isRegionEmpty: Bool, mayBreakInside: Bool, regionHeight: Double = .infinity
  ) -> (piece: FlowItem.Kind, rest: RowFlow?)? {
    var movesWhole = row.movesWhole
    if movesWhole, !isRegionEmpty, height.isFinite, regionHeight.isFinite,
      let (whole, _) = cutRow(row, height: .infinity, isRegionEmpty: true, mayBreakInside: true),
      case .content(let wholeHeight, _) = whole, wholeHeight > regionHeight + Self.tolerance
    {
      movesWhole = false
    }
    let inner = height - row.paddingTop - row.paddingBottom
    var placed: [ComposedRegion] = []
    var rests: [[FlowItem]] = []
    for cell in row.cells {
      guard cell.items.contains(where: \.isContent) else {
        placed.append(ComposedRegion(height: 0, items: []))
        rests.append([])
        continue
      }
      var distributor = Distributor(nested: cell.items, heights: [max(0, inner)], in: self)
      let fill = distributor.fill(from: 0, height: max(0, inner))
      let composed = distributor.compose(fill.range)
      let rest = Array(distributor.items[fill.next...])
      let isCut = rest.contains(where: \.isContent)
      if !isRegionEmpty {
        if composed.height > inner + Self.tolerance { return nil }
        if isCut {
          guard mayBreakInside, !movesWhole,
            let last = distributor.items[fill.range].last(where: \.isContent), last.breakAfter == .allowed
          else { return nil }
        }
      }
      placed.append(composed)
      rests.append(isCut ? rest : [])
    }
    let isSplit = rests.contains { !$0.isEmpty }
    let cellsHeight = placed.map(\.height).max() ?? 0
    let height = cellsHeight + row.paddingTop + row.paddingBottom
    var items: [FrameItem] = []
    if let fill = row.fill {
      let rect = Rect(x: row.x, y: 0, width: row.width, height: height)
      items.append(.rectangle(RectangleItem(rect: rect, fill: fill, stroke: nil, lineWidth: 0, cornerRadius: 0)))
    }
    if let rule = row.rule, !isSplit {
      items.append(
        .rule(
          from: Point(x: row.x, y: height - 0.25), to: Point(x: row.x + row.width, y: height - 0.25), color: rule,
          width: 0.5))
    }
    items += row.leading
    for (cell, composed) in zip(row.cells, placed) {
      // A row that splits sets its cells at the top; a whole one aligns them.
      let dy: Double =
        switch isSplit ? .top : cell.alignment {
        case .top: 0
        case .center: (cellsHeight - composed.height) / 2
        case .bottom: cellsHeight - composed.height
        }
      items += composed.items.map { $0.offsetBy(dx: 0, dy: row.paddingTop + dy) }
    }
    guard isSplit else { return (.content(height: height, items: items), nil) }
    var rest = row
    rest.leading = []
    rest.cells = zip(row.cells, rests).map { RowFlow.Cell(items: $1, alignment: $0.alignment) }
    return (.content(height: height, items: items), rest)
  }
}
