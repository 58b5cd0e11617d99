extension Distributor {
  /// Cuts from a columns block the piece that fits in `height`, and what is left of it.
  ///
  /// Returns nil when not even the first item fits and the region already has content. The
  /// last piece is balanced: see ``balance(_:height:)``.
  func cutColumns(_ flow: ColumnFlow, height: Double, isRegionEmpty: Bool) -> (piece: FlowItem.Kind, rest: ColumnFlow?)? {
    if !isRegionEmpty, let first = flow.items.first(where: \.isContent),
      first.height > height + Self.tolerance || height <= 0
    {
      return nil
    }
    var filled = fillColumns(flow, height: height)
    // Below other content, a piece whose columns end at a forbidden break (a lone line, the
    // middle of a keep-together group) waits for the next region instead.
    if !isRegionEmpty {
      let full = filled.fills.dropLast(filled.restStart >= filled.items.count ? 1 : 0)
      let ends = full.compactMap { fill in filled.items[fill.range].last(where: \.isContent)?.breakAfter }
      if ends.contains(where: { $0 > .allowed }) { return nil }
    }
    var rest: ColumnFlow?
    if filled.restStart < filled.items.count, filled.items[filled.restStart...].contains(where: \.isContent) {
      rest = flow
      rest!.items = Array(filled.items[filled.restStart...])
    } else {
      filled = balance(flow, height: min(height, filled.height))
    }
    return (piece(of: filled, flow: flow), rest)
  }

  /// A columns block filled at one height: each column composed, and where the rest starts.
  struct FilledColumns {
    /// The block's items, rows and columns inside it cut into pieces.
    var items: [FlowItem]
    /// Which items each column holds; the rest goes on in the next region.
    var fills: [Fill]
    var restStart: Int
    /// Each column's frame items, by column index.
    var columns: [[FrameItem]]
    /// The tallest column.
    var height: Double
  }

  /// Fills the columns of a block at one height, composing each column once.
  func fillColumns(_ flow: ColumnFlow, height: Double) -> FilledColumns {
    let count = max(1, flow.count)
    var inner = Distributor(nested: flow.items, heights: Array(repeating: height, count: count), in: self)
    var fills: [Fill] = []
    var start = 0
    var lastContent: Int?
    while fills.count < count, start < inner.items.count {
      let fill = inner.fill(from: start, height: height, after: lastContent)
      fills.append(fill)
      lastContent = inner.items[fill.range].lastIndex(where: \.isContent) ?? lastContent
      start = fill.next
      if case .pageBreak = fill.forced { break }
    }
    var tallest = 0.0
    let columns = fills.map { fill in
      let column = inner.compose(fill.range, repeatedTable: fill.repeatedTable)
      tallest = max(tallest, column.height)
      return column.items
    }
    return FilledColumns(items: inner.items, fills: fills, restStart: start, columns: columns, height: tallest)
  }

  /// The piece of a columns block: its columns side by side, as one flow item.
  private func piece(of filled: FilledColumns, flow: ColumnFlow) -> FlowItem.Kind {
    var frameItems: [FrameItem] = []
    for (index, column) in filled.columns.enumerated() {
      let dx = Double(index) * (flow.columnWidth + flow.gap)
      frameItems += column.map { $0.offsetBy(dx: dx, dy: 0) }
      if showsDebugOutlines {
        frameItems.append(.debugOutline(Rect(x: dx, y: 0, width: flow.columnWidth, height: filled.height), label: "column"))
      }
    }
    return .content(height: filled.height, items: frameItems)
  }
}
