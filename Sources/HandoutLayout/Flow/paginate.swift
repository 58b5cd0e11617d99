/// The flow items that fill one region: which page, which region of that page, which items.
struct RegionSlice {
  var page: Int
  var region: Int
  var range: Range<Int>
  /// The table whose header rows open this region, if it starts inside a table's body.
  var repeatedTable: Int?
}

/// Splits the flow into regions (the page body, columns, brochure panels), choosing each break
/// by the break rules.
///
/// When the next item does not fit, the region ends at the last break of the weakest rule among
/// the items already in it: an allowed break if there is one, else one that strands a line,
/// else one inside a keep-together group, and only when nothing else exists, after a heading.
/// Every region takes at least one item, so pagination always ends.
///
/// A region that starts inside a table's body gets the table's header rows again; one that
/// starts or ends inside a box keeps room for the box's padding there. Columns blocks are cut
/// into pieces as they go: a piece fills the columns down to the region's foot, and the last
/// piece is balanced.
struct Paginator {
  /// The flow; columns blocks are replaced by the pieces they were cut into.
  private(set) var items: [FlowItem]
  /// The heights of the regions of each page template; the last template repeats.
  let regionHeights: [[Double]]
  let headers: [[FlowItem]]
  let containers: [Container]
  let showsDebugOutlines: Bool

  init(
    _ items: [FlowItem], regionHeights: [[Double]], headers: [[FlowItem]], containers: [Container],
    showsDebugOutlines: Bool = false
  ) {
    self.items = items
    let templates = regionHeights.filter { !$0.isEmpty }
    self.regionHeights = templates.isEmpty ? [[.infinity]] : templates
    self.headers = headers
    self.containers = containers
    self.showsDebugOutlines = showsDebugOutlines
  }

  private static let tolerance = 0.001

  mutating func paginate() -> [RegionSlice] {
    var slices: [RegionSlice] = []
    var position = (page: 0, region: 0)
    var start = 0
    var lastContent: Int?
    while start < items.count {
      let height = regionHeight(position)
      var repeatedTable: Int?
      let firstContent = items[start...].firstIndex(where: \.isContent)
      if let first = firstContent, let table = items[first].table, let previous = lastContent,
        items[previous].table == table
      {
        repeatedTable = table
      }
      var y = repeatedTable.map(headerHeight) ?? 0
      if let first = firstContent { y += topInset(items[first]) }
      var bottoms: [Int: Double] = [:]
      var pendingSpace = 0.0
      var end: Int?
      var forced: FlowItem.Kind?
      var index = start
      while end == nil, index < items.count {
        switch items[index].kind {
        case .pageBreak, .regionBreak:
          end = index
          forced = items[index].kind
        case .space(let space):
          if !bottoms.isEmpty { pendingSpace += space }
        case .content(let itemHeight, _):
          let bottom = y + pendingSpace + itemHeight
          if !bottoms.isEmpty, bottom + bottomInset(items[index]) > height + Self.tolerance {
            end = bestBreak(from: start, before: index, bottoms: bottoms, height: height) + 1
          } else {
            y = bottom
            pendingSpace = 0
            bottoms[index] = y
          }
        case .columns(let flow):
          let gap = bottoms.isEmpty ? 0 : pendingSpace
          let available = height - y - gap - bottomInset(items[index])
          guard let (piece, rest) = cut(flow, height: available, isRegionEmpty: bottoms.isEmpty) else {
            end = bestBreak(from: start, before: index, bottoms: bottoms, height: height) + 1
            break
          }
          var pieceItem = items[index]
          pieceItem.kind = piece.kind
          if rest != nil { pieceItem.breakAfter = .allowed }
          pieceItem.label = "columns"
          items[index] = pieceItem
          if let rest {
            var restItem = items[index]
            restItem.kind = .columns(rest)
            items.insert(restItem, at: index + 1)
            y += gap + piece.height
            bottoms[index] = y
            end = index + 1
          }
          continue
        }
        index += 1
      }
      let regionEnd = end ?? items.count
      if !bottoms.isEmpty || forced != nil {
        slices.append(
          RegionSlice(page: position.page, region: position.region, range: start..<regionEnd, repeatedTable: repeatedTable))
      }
      lastContent = items[start..<regionEnd].lastIndex(where: \.isContent) ?? lastContent
      if case .pageBreak = forced {
        position = (position.page + 1, 0)
      } else {
        position = next(after: position)
      }
      start = forced != nil ? regionEnd + 1 : regionEnd
    }
    return slices
  }

  private func regionHeight(_ position: (page: Int, region: Int)) -> Double {
    regionHeights[min(position.page, regionHeights.count - 1)][position.region]
  }

  private func next(after position: (page: Int, region: Int)) -> (page: Int, region: Int) {
    let count = regionHeights[min(position.page, regionHeights.count - 1)].count
    return position.region + 1 < count ? (position.page, position.region + 1) : (position.page + 1, 0)
  }

  func headerHeight(_ table: Int) -> Double {
    headers[table].reduce(0) { $0 + $1.height }
  }

  /// The top padding of the boxes a region starting at `item` opens inside of.
  func topInset(_ item: FlowItem) -> Double {
    item.containers.filter { $0 != item.opens }.reduce(0) { $0 + containers[$1].padding.top }
  }

  /// The bottom padding of the boxes a region ending after `item` closes inside of.
  func bottomInset(_ item: FlowItem) -> Double {
    item.containers.filter { $0 != item.closes }.reduce(0) { $0 + containers[$1].padding.bottom }
  }

  /// The index of the content item after which the region should end.
  private func bestBreak(from start: Int, before end: Int, bottoms: [Int: Double], height: Double) -> Int {
    var best: (index: Int, rule: BreakRule)?
    for index in start..<end {
      guard let bottom = bottoms[index], bottom + bottomInset(items[index]) <= height + Self.tolerance
      else { continue }
      let rule = items[index].breakAfter
      if best == nil || rule <= best!.rule { best = (index, rule) }
    }
    return best?.index ?? bottoms.keys.min() ?? start
  }

  /// Cuts from a columns block the piece that fits in `height`, and what is left of it.
  ///
  /// Returns nil when not even the first item fits and the region already has content. The
  /// last piece is balanced: the lowest height at which its columns still take everything.
  private func cut(_ flow: ColumnFlow, height: Double, isRegionEmpty: Bool) -> (piece: FlowItem, rest: ColumnFlow?)? {
    if !isRegionEmpty, let first = flow.items.first(where: \.isContent),
      first.height > height + Self.tolerance || height <= 0
    {
      return nil
    }
    var filled = columns(of: flow, height: height)
    // Below other content, a piece whose columns end at a forbidden break (a lone line, the
    // middle of a keep-together group) waits for the next region instead.
    if !isRegionEmpty {
      let ends = filled.slices.dropLast(filled.restStart >= filled.items.count ? 1 : 0).compactMap { slice in
        filled.items[slice.range].last(where: \.isContent)?.breakAfter
      }
      if ends.contains(where: { $0 > .allowed }) { return nil }
    }
    var rest: ColumnFlow?
    if filled.restStart < flow.items.count,
      filled.items[filled.restStart...].contains(where: \.isContent)
    {
      rest = flow
      rest!.items = Array(filled.items[filled.restStart...])
    } else {
      var low = 0.0
      var high = min(height, filled.height)
      for _ in 0..<16 where high - low > 0.5 {
        let middle = (low + high) / 2
        let trial = columns(of: flow, height: middle)
        if trial.restStart >= flow.items.count && trial.height <= middle + Self.tolerance {
          high = middle
        } else {
          low = middle
        }
      }
      filled = columns(of: flow, height: high)
    }
    return (stackColumns(filled, flow: flow), rest)
  }

  /// The items of a region stacked, opening with the repeated header rows of its table.
  func stack(_ slice: RegionSlice) -> (height: Double, items: [FrameItem], firstBaseline: Double?) {
    let repeated = slice.repeatedTable.map { headers[$0].map(\.asArtifact) } ?? []
    return HandoutLayout.stack(
      (repeated + items[slice.range])[...], containers: containers, showsDebugOutlines: showsDebugOutlines)
  }

  /// A columns block filled at one height: each column stacked, and where the rest starts.
  private struct FilledColumns {
    /// The block's items, columns blocks inside it cut into pieces.
    var items: [FlowItem]
    /// Which items the columns hold; the rest goes on in the next region.
    var slices: [RegionSlice]
    var restStart: Int
    /// Each column's frame items, by column index.
    var columns: [(index: Int, items: [FrameItem])]
    /// The tallest column.
    var height: Double
  }

  /// Fills the columns of a block at one height, stacking each column once.
  private func columns(of flow: ColumnFlow, height: Double) -> FilledColumns {
    var inner = Paginator(
      flow.items, regionHeights: [Array(repeating: height, count: max(1, flow.count))], headers: headers,
      containers: containers, showsDebugOutlines: showsDebugOutlines)
    let all = inner.paginate()
    let slices = all.filter { $0.page == 0 }
    let restStart = all.first { $0.page > 0 }?.range.lowerBound ?? inner.items.count
    var tallest = 0.0
    let stacked = slices.map { slice in
      let column = inner.stack(slice)
      tallest = max(tallest, column.height)
      return (slice.region, column.items)
    }
    return FilledColumns(items: inner.items, slices: slices, restStart: restStart, columns: stacked, height: tallest)
  }

  /// The piece of a columns block: its columns side by side, as one flow item.
  private func stackColumns(_ filled: FilledColumns, flow: ColumnFlow) -> FlowItem {
    var frameItems: [FrameItem] = []
    for column in filled.columns {
      let dx = Double(column.index) * (flow.columnWidth + flow.gap)
      frameItems += column.items.map { $0.offsetBy(dx: dx, dy: 0) }
      if showsDebugOutlines {
        frameItems.append(.debugOutline(Rect(x: dx, y: 0, width: flow.columnWidth, height: filled.height), label: "column"))
      }
    }
    let firstBaseline = filled.items.first(where: \.isContent)?.firstBaseline
    return FlowItem(kind: .content(height: filled.height, items: frameItems), firstBaseline: firstBaseline)
  }
}

extension FlowItem {
  /// The item with its text marked as an artifact: a repeated table header is not read twice.
  var asArtifact: FlowItem {
    guard case .content(let height, let items) = kind else { return self }
    var copy = self
    copy.kind = .content(height: height, items: items.map(\.asArtifact))
    return copy
  }
}
