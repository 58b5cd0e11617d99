extension Collector {
  /// Lays a table out as one flow item per row. Header rows keep with the first body row and
  /// are stored, so that pagination can repeat them on every page the table continues on.
  mutating func collectTable(_ table: Table, x: Double, width: Double, into out: inout [FlowItem]) {
    let widths = columnWidths(table, width: width)
    let id = tableHeaders.count
    let outer = ancestors
    defer { ancestors = outer }
    ancestors = outer + [newElement(.table)]
    var headers: [FlowItem] = []
    for cells in table.headerRows {
      for var row in tableRow(cells, widths: widths, x: x, table: table, fill: table.headerFill, limit: .infinity, cellKind: .tableHeaderCell) {
        row.breakAfter = .keepWithNext
        row.label = "table header"
        headers.append(row)
      }
    }
    tableHeaders.append(headers)
    out += headers
    let limit = regionHeight - headers.reduce(0) { $0 + $1.height }
    for (index, cells) in table.rows.enumerated() {
      let fill = index % 2 == 1 ? table.stripeFill : nil
      let bands = tableRow(cells, widths: widths, x: x, table: table, fill: fill, limit: limit, cellKind: .tableCell)
      for (band, var row) in bands.enumerated() {
        row.table = id
        row.label = bands.count == 1 ? "table row \(index + 1)" : "table row \(index + 1) part \(band + 1)"
        out.append(row)
      }
    }
    // The first body row keeps with the header; orphaned headers are avoided that way.
    addSpace(table.spaceAfter, to: &out)
  }

  /// One row as one flow item; a row taller than `limit` becomes several, cut between lines.
  private mutating func tableRow(
    _ cells: [[Block]], widths: [Double], x: Double, table: Table, fill: Color?, limit: Double,
    cellKind: StructureElement.Kind
  ) -> [FlowItem] {
    let padding = table.cellPadding.top + table.cellPadding.bottom
    let tableAncestors = ancestors
    defer { ancestors = tableAncestors }
    let rowElement = newElement(.tableRow)
    var cellX = x
    var columns: [[FlowItem]] = []
    for (column, width) in widths.enumerated() {
      let content = column < cells.count ? cells[column] : []
      var cellItems: [FlowItem] = []
      ancestors = tableAncestors + [rowElement, newElement(cellKind)]
      let innerWidth = max(1, width - table.cellPadding.left - table.cellPadding.right)
      collect(content, x: cellX + table.cellPadding.left, width: innerWidth, into: &cellItems)
      columns.append(cellItems)
      cellX += width
    }
    let natural = columns.map { stack($0[...], containers: containers).height }.max() ?? 0
    // Each cell is paginated on its own into bands that fit; band i of every cell forms part i.
    let bandHeight = natural + padding > limit ? max(1, limit - padding) : .infinity
    let cellBands: [[ArraySlice<FlowItem>]] = columns.map { cellItems in
      guard bandHeight.isFinite else { return [cellItems[...]] }
      var paginator = Paginator(cellItems, regionHeights: [[bandHeight]], headers: tableHeaders, containers: containers)
      let slices = paginator.paginate()
      return slices.isEmpty ? [cellItems[...]] : slices.map { paginator.items[$0.range] }
    }
    let bandCount = cellBands.map(\.count).max() ?? 1
    let total = widths.reduce(0, +)
    return (0..<bandCount).map { band in
      let placed = cellBands.map { bands in
        band < bands.count ? stack(bands[band], containers: containers) : (height: 0, items: [], firstBaseline: nil)
      }
      let height = (placed.map(\.height).max() ?? 0) + padding
      var items: [FrameItem] = []
      if let fill {
        let rect = Rect(x: x, y: 0, width: total, height: height)
        items.append(.rectangle(RectangleItem(rect: rect, fill: fill, stroke: nil, lineWidth: 0, cornerRadius: 0)))
      }
      if let rule = table.ruleColor, band == bandCount - 1 {
        items.append(.rule(from: Point(x: x, y: height - 0.25), to: Point(x: x + total, y: height - 0.25), color: rule, width: 0.5))
      }
      items += placed.flatMap { $0.items.map { $0.offsetBy(dx: 0, dy: table.cellPadding.top) } }
      return FlowItem(kind: .content(height: height, items: items))
    }
  }

  /// Column widths: fixed ones as given, automatic ones as wide as their widest unbreakable
  /// content allows, relative ones sharing the rest; scaled down together when too wide.
  private func columnWidths(_ table: Table, width: Double) -> [Double] {
    let padding = table.cellPadding.left + table.cellPadding.right
    var widths = table.columns.map { column -> Double in
      if case .fixed(let points) = column { return points }
      return 0
    }
    let fixed = widths.reduce(0, +)
    let allRows = table.headerRows + table.rows
    for (index, column) in table.columns.enumerated() where column == .automatic {
      let natural = allRows.map { cells in
        index < cells.count ? naturalWidth(cells[index]) : 0
      }.max() ?? 0
      widths[index] = natural + padding
    }
    let automatic = widths.reduce(0, +) - fixed
    let shares = table.columns.reduce(0.0) { sum, column in
      if case .relative(let share) = column { return sum + share }
      return sum
    }
    let left = max(0, width - fixed - automatic)
    for (index, column) in table.columns.enumerated() {
      if case .relative(let share) = column { widths[index] = shares > 0 ? left * share / shares : 0 }
    }
    let total = widths.reduce(0, +)
    return total > width ? widths.map { $0 * width / total } : widths
  }

  /// The width of the widest line of some blocks when nothing forces a break.
  private func naturalWidth(_ blocks: [Block]) -> Double {
    blocks.reduce(0) { widest, block in
      switch block {
      case .paragraph(let paragraph):
        let lines = textSystem.shape(paragraph.text, width: 10_000).lines
        return max(widest, lines.map(\.width).max() ?? 0)
      default:
        return widest
      }
    }
  }
}
