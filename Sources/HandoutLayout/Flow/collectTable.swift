extension Collector {
  /// Lays a table out as one row flow per row. Header rows keep with the first body row and
  /// are stored, so that distribution can repeat them on every page the table continues on.
  /// A body row moves whole to the next page, unless it is taller than one: then it splits
  /// between lines, like any row.
  mutating func collectTable(_ table: Table, x: Double, width: Double, into out: inout [FlowItem]) {
    let widths = columnWidths(table, width: width)
    let id = tableHeaders.count
    let outer = ancestors
    defer { ancestors = outer }
    ancestors = outer + [newElement(.table)]
    var headers: [FlowItem] = []
    for cells in table.headerRows {
      var row = tableRow(cells, widths: widths, x: x, table: table, fill: table.headerFill, cellKind: .tableHeaderCell)
      row.breakAfter = .keepWithNext
      row.label = "table header"
      headers.append(row)
    }
    tableHeaders.append(headers)
    tableRowsFollow.append(table.rowsFollow.contains { $0 != nil } ? table.rowsFollow : [])
    out += headers
    for (index, cells) in table.rows.enumerated() {
      let fill = index % 2 == 1 ? table.stripeFill : nil
      var row = tableRow(cells, widths: widths, x: x, table: table, fill: fill, cellKind: .tableCell)
      row.table = id
      row.label = "table row \(index + 1)"
      out.append(row)
    }
    addSpace(table.spaceAfter, to: &out)
  }

  /// One row of cells as a row flow, each cell collected inside its padding.
  private mutating func tableRow(
    _ cells: [[Block]], widths: [Double], x: Double, table: Table, fill: Color?,
    cellKind: StructureElement.Kind
  ) -> FlowItem {
    let tableAncestors = ancestors
    defer { ancestors = tableAncestors }
    let rowElement = newElement(.tableRow)
    var cellX = x
    var flows: [RowFlow.Cell] = []
    for (column, width) in widths.enumerated() {
      let content = column < cells.count ? cells[column] : []
      var cellItems: [FlowItem] = []
      ancestors = tableAncestors + [rowElement, newElement(cellKind)]
      let innerWidth = max(1, width - table.cellPadding.left - table.cellPadding.right)
      collect(content, x: cellX + table.cellPadding.left, width: innerWidth, into: &cellItems)
      flows.append(RowFlow.Cell(items: cellItems, alignment: .top))
      cellX += width
    }
    let flow = RowFlow(
      cells: flows, x: x, width: widths.reduce(0, +), paddingTop: table.cellPadding.top,
      paddingBottom: table.cellPadding.bottom, fill: fill, rule: table.ruleColor, movesWhole: true)
    let baseline = flows.first?.items.first(where: \.isContent)?.firstBaseline
    return FlowItem(kind: .row(flow), firstBaseline: baseline.map { $0 + table.cellPadding.top })
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
