/// What distribution puts in one region: flow items cut to fit, ready to compose, opening
/// with the repeated header rows of a table that goes on here.
struct Fragment {
  var page: Int
  var region: Int
  var items: [FlowItem]
}

/// Distributes a flow over pages of regions, `regionHeights` giving the heights of the regions
/// of each page template (the last one repeating).
func distribute(_ flow: Flow, regionHeights: [[Double]], showsDebugOutlines: Bool = false) -> [Fragment] {
  var distributor = Distributor(
    flow.items, regionHeights: regionHeights, headers: flow.tableHeaders, containers: flow.containers,
    showsDebugOutlines: showsDebugOutlines)
  distributor.rowsFollow = flow.tableRowsFollow
  distributor.floatingGroups = flow.floatingGroups
  return distributor.distribute()
}

/// Splits the flow into regions (the page body, columns, brochure panels), choosing each break
/// by the break rules.
///
/// When the next item does not fit, the region ends at the last break of the weakest rule among
/// the items already in it: an allowed break if there is one, else one that strands a line,
/// else one inside a keep-together group, and only when nothing else exists, after a heading.
/// Every region takes at least one item, so distribution always ends.
///
/// A region that starts inside a table's body gets the table's header rows again; one that
/// starts or ends inside a box keeps room for the box's padding there, and for the heading the
/// box repeats. Rows, cards and columns blocks are cut into pieces as they go, each cell, card
/// or column laid out by this same distribution on a region of its own.
struct Distributor {
  /// The flow; rows, cards and columns blocks are replaced by the pieces they were cut into,
  /// and a table's rows that follow markers are put in their order (orderRows.swift).
  var items: [FlowItem]
  /// The heights of the regions of each page template; the last template repeats.
  let regionHeights: [[Double]]
  /// The header rows of each table, cut whole.
  private(set) var headers: [[FlowItem]]
  let containers: [Container]
  let showsDebugOutlines: Bool
  /// The markers each table's body rows follow, by table id, until they are put in their
  /// order (``orderRows(of:from:)``); empty for a table whose rows keep their order.
  var rowsFollow: [[String?]] = []
  /// The keep-together groups that let the flow after them fill a region they do not fit
  /// in (``floatAhead(_:from:height:after:)``); none in the region of a cell, card or column.
  var floatingGroups: Set<Int> = []

  init(
    _ items: [FlowItem], regionHeights: [[Double]], headers: [[FlowItem]], containers: [Container],
    showsDebugOutlines: Bool = false
  ) {
    self.items = items
    let templates = regionHeights.filter { !$0.isEmpty }
    self.regionHeights = templates.isEmpty ? [[.infinity]] : templates
    self.headers = []
    self.containers = containers
    self.showsDebugOutlines = showsDebugOutlines
    let whole = self
    self.headers = headers.map { rows in rows.map { whole.cutWhole($0) } }
  }

  /// A distributor for the flow of a cell, card or column, on regions of `heights`.
  init(nested items: [FlowItem], heights: [Double], in parent: Distributor) {
    self.items = items
    self.regionHeights = [heights.isEmpty ? [.infinity] : heights]
    self.headers = parent.headers
    self.containers = parent.containers
    self.showsDebugOutlines = parent.showsDebugOutlines
  }

  static let tolerance = 0.001

  /// What one region takes from the flow.
  struct Fill {
    var range: Range<Int>
    /// The page or region break that ended the region, if one did.
    var forced: FlowItem.Kind?
    var repeatedTable: Int?
    /// Whether the region holds anything.
    var hasContent: Bool
    /// Where the next region starts.
    var next: Int { forced != nil ? range.upperBound + 1 : range.upperBound }
  }

  /// Distributes the whole flow over pages of regions.
  mutating func distribute() -> [Fragment] {
    var fragments: [Fragment] = []
    var position = (page: 0, region: 0)
    var start = 0
    var lastContent: Int?
    while start < items.count {
      var fill = fill(from: start, height: regionHeight(position), after: lastContent)
      if !floatingGroups.isEmpty, let ahead = floatAhead(fill, from: start, height: regionHeight(position), after: lastContent) {
        fill = ahead
      }
      if fill.hasContent || fill.forced != nil {
        let repeated = fill.repeatedTable.map { headers[$0].map(\.asArtifact) } ?? []
        fragments.append(Fragment(page: position.page, region: position.region, items: repeated + items[fill.range]))
      }
      lastContent = items[fill.range].lastIndex(where: \.isContent) ?? lastContent
      if case .pageBreak = fill.forced {
        position = (position.page + 1, 0)
      } else {
        position = next(after: position)
      }
      start = fill.next
    }
    return fragments
  }

  /// Fills one region of `height` from `start`; `lastContent` is the last item of the region
  /// before, to tell whether this one continues a table.
  mutating func fill(from start: Int, height: Double, after lastContent: Int? = nil) -> Fill {
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
      if let table = items[index].table, table < rowsFollow.count, !rowsFollow[table].isEmpty {
        orderRows(of: table, from: index)
      }
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
      case .columns, .row, .cards:
        let gap = bottoms.isEmpty ? 0 : pendingSpace
        let available = height - y - gap - bottomInset(items[index])
        // Inside a keep-together group, only a region that began with the group may cut it.
        let group = items[index].group
        let mayBreakInside = bottoms.isEmpty || group == nil || firstContent.map { items[$0].group } == group
        guard
          let (piece, rest) = cut(
            items[index], height: available, isRegionEmpty: bottoms.isEmpty, mayBreakInside: mayBreakInside,
            regionHeight: height)
        else {
          end = bestBreak(from: start, before: index, bottoms: bottoms, height: height) + 1
          break
        }
        var pieceItem = items[index]
        pieceItem.kind = piece
        if let rest {
          pieceItem.breakAfter = .allowed
          var restItem = items[index]
          restItem.kind = rest
          restItem.firstBaseline = nil
          items[index] = pieceItem
          items.insert(restItem, at: index + 1)
          y += gap + pieceItem.height
          bottoms[index] = y
          end = index + 1
        } else {
          items[index] = pieceItem
        }
        continue
      }
      index += 1
    }
    let range = start..<(end ?? items.count)
    return Fill(range: range, forced: forced, repeatedTable: repeatedTable, hasContent: !bottoms.isEmpty)
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

  /// The top padding and repeated heading of the boxes a region starting at `item` opens inside of.
  func topInset(_ item: FlowItem) -> Double {
    item.containers.filter { $0 != item.opens }.reduce(0) { sum, id in
      sum + containers[id].padding.top + continuationHeight(id)
    }
  }

  /// The height of the heading a box repeats at the top of its later pieces, with its space.
  func continuationHeight(_ id: Int) -> Double {
    containers[id].continuation.reduce(0) { $0 + $1.height }
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

  /// The piece of a row, cards or columns item that fits in `height`, and what is left of it.
  ///
  /// Returns nil when the item should wait for the next region: not even its first line fits,
  /// it would be cut at a forbidden break below other content, or it may not be cut here.
  /// `regionHeight` is the whole region's: a table row taller than that is cut at once.
  func cut(
    _ item: FlowItem, height: Double, isRegionEmpty: Bool, mayBreakInside: Bool,
    regionHeight: Double = .infinity
  ) -> (piece: FlowItem.Kind, rest: FlowItem.Kind?)? {
    switch item.kind {
    case .columns(let flow):
      guard let (piece, rest) = cutColumns(flow, height: height, isRegionEmpty: isRegionEmpty) else { return nil }
      if rest != nil, !mayBreakInside { return nil }
      return (piece, rest.map { .columns($0) })
    case .row(let row):
      guard
        let (piece, rest) = cutRow(
          row, height: height, isRegionEmpty: isRegionEmpty, mayBreakInside: mayBreakInside, regionHeight: regionHeight)
      else { return nil }
      return (piece, rest.map { .row($0) })
    case .cards(let cards):
      guard
        let (piece, rest) = cutCards(
          cards, height: height, isRegionEmpty: isRegionEmpty, mayBreakInside: mayBreakInside, regionHeight: regionHeight)
      else { return nil }
      return (piece, rest.map { .cards($0) })
    case .content, .space, .pageBreak, .regionBreak:
      return (item.kind, nil)
    }
  }

  /// The item laid out whole, at no height limit.
  func cutWhole(_ item: FlowItem) -> FlowItem {
    guard item.isSplittable, let (piece, _) = cut(item, height: .infinity, isRegionEmpty: true, mayBreakInside: true)
    else { return item }
    var whole = item
    whole.kind = piece
    return whole
  }

  /// The items of a nested region composed, opening with the repeated header rows of its table.
  func compose(_ range: Range<Int>, repeatedTable: Int? = nil) -> ComposedRegion {
    let repeated = repeatedTable.map { headers[$0].map(\.asArtifact) } ?? []
    return composeRegion(
      (repeated + items[range])[...], containers: containers, showsDebugOutlines: showsDebugOutlines)
  }
}

extension FlowItem {
  /// The item with its text marked as an artifact: a repeated header is not read twice.
  var asArtifact: FlowItem {
    guard case .content(let height, let items) = kind else { return self }
    var copy = self
    copy.kind = .content(height: height, items: items.compactMap(\.asRepeatedArtifact))
    return copy
  }
}

extension FrameItem {
  /// The item as an artifact, or nil for an outline entry or a marker, which a repeat must
  /// not add again.
  var asRepeatedArtifact: FrameItem? {
    switch self {
    case .outlineEntry, .marker: nil
    default: asArtifact
    }
  }
}
