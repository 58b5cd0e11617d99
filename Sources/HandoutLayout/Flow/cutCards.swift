extension Distributor {
  /// Cuts from a cards block the piece that fits in `height`: each card in turn goes into the
  /// column that is shortest so far, until one does not fit there.
  ///
  /// A card moves whole to the next region unless it is taller than one, or keeping it whole
  /// would leave more than a third of `regionHeight` empty; then it is cut, by the same
  /// distribution as any flow, its frame open at the cut. When the block fills gaps, a later
  /// card that fits takes the room instead, and the skipped card leads the next region.
  func cutCards(
    _ flow: CardFlow, height: Double, isRegionEmpty: Bool, mayBreakInside: Bool, regionHeight: Double = .infinity
  ) -> (piece: FlowItem.Kind, rest: CardFlow?)? {
    var bottoms = Array(repeating: 0.0, count: flow.count)
    var isEmpty = Array(repeating: true, count: flow.count)
    // A column whose card was cut is full: the other columns still take cards.
    var isFull = Array(repeating: false, count: flow.count)
    var items: [FrameItem] = []
    var pending = flow.cards[...]
    var skipped: [[FlowItem]] = []
    // What is left of the cards cut here leads the next region, in their order; two or more,
    // each in the column it was cut in.
    var carried: [[FlowItem]] = []
    var carriedColumns: [Int] = []
    // The cards from this index on follow all the others.
    let firstTrailing = flow.cards.count - flow.trailing
    var carriedTrailing = 0
    func isTrailing(_ card: Array<[FlowItem]>.Index) -> Bool { card >= firstTrailing }
    while let card = pending.first {
      // A trailing card never goes ahead of one that waits.
      if isTrailing(pending.startIndex), !skipped.isEmpty { break }
      let offset = pending.startIndex - flow.cards.startIndex
      let kept = offset < flow.leadingColumns.count ? flow.leadingColumns[offset] : nil
      guard
        let column = kept.flatMap({ $0 < flow.count && !isFull[$0] ? $0 : nil })
          ?? bottoms.indices.filter({ !isFull[$0] }).min(by: { (bottoms[$0], $0) < (bottoms[$1], $1) })
      else { break }
      let top = isEmpty[column] ? 0 : bottoms[column] + flow.spacing
      let available = max(0, height - top)
      var (composed, left) = place(card, in: available)
      let fits = !left.contains(where: \.isContent) && composed.height <= available + Self.tolerance
      let isFirst = isEmpty.allSatisfy { $0 }
      if !fits {
        // A card too tall for the room left is cut rather than leave more than a third of
        // the region empty, when at least half the room and three lines for the next piece
        // are left that way; otherwise it waits (or, when the block fills gaps, a later
        // card takes the room).
        var leavesHole = mayBreakInside && available > regionHeight / 3
        if leavesHole, flow.fillsGaps {
          // Filling gaps, a later card that fits takes the room; the card is cut only when none does.
          leavesHole = !pending.indices.dropFirst().lazy.filter { !isTrailing($0) }.contains { later in
            let (piece, rest) = place(flow.cards[later], in: available)
            return !rest.contains(where: \.isContent) && piece.height <= available + Self.tolerance
          }
        }
        if leavesHole {
          var room = available
          while textLines(in: left) < 3 || leavesLoneLine(composed, left), room > available / 2 {
            room -= min(available / 20, 4)
            (composed, left) = place(card, in: room)
          }
          leavesHole = textLines(in: left) >= 3 && !leavesLoneLine(composed, left) && composed.height >= available / 2
            && composed.height <= available + Self.tolerance
        } else if isFirst && isRegionEmpty {
          // Taller than the region: cut it, but not after or before a paragraph's lone line.
          var room = available
          while leavesLoneLine(composed, left), room > available / 2 {
            room -= min(available / 20, 4)
            (composed, left) = place(card, in: room)
          }
          if leavesLoneLine(composed, left) { (composed, left) = place(card, in: available) }
        }
        if !(isFirst && isRegionEmpty) && !leavesHole {
          // A trailing card waits rather than let a later one go ahead of it.
          if flow.fillsGaps, !isTrailing(pending.startIndex) {
            skipped.append(card)
            pending = pending.dropFirst()
            continue
          }
          if !isFirst { break }
          return nil
        }
        guard mayBreakInside else { return nil }
        pending = pending.dropFirst()
        if left.contains(where: \.isContent) {
          carried.append(left)
          carriedColumns.append(column)
          if isTrailing(pending.startIndex - 1) { carriedTrailing += 1 }
        }
        isFull[column] = true
      } else {
        pending = pending.dropFirst()
      }
      let dx = Double(column) * (flow.columnWidth + flow.gap)
      items += composed.items.map { $0.offsetBy(dx: dx, dy: top) }
      bottoms[column] = top + composed.height
      isEmpty[column] = false
    }
    // Below other content, a piece with no card in it waits for the next region.
    if items.isEmpty, !isRegionEmpty { return nil }
    let rest = carried + skipped + pending
    if !rest.isEmpty, !mayBreakInside { return nil }
    let piece = FlowItem.Kind.content(height: bottoms.max() ?? 0, items: items)
    guard !rest.isEmpty else { return (piece, nil) }
    var remaining = flow
    remaining.cards = Array(rest)
    remaining.trailing = carriedTrailing + pending.indices.filter(isTrailing).count
    // Two or more cut cards go on side by side as they were; one leads the first column, where
    // a page's reading starts.
    remaining.leadingColumns = carriedColumns.count > 1 ? carriedColumns : []
    return (piece, remaining)
  }

  /// A card laid in `room`: the piece that fits, and what is left of it.
  private func place(_ card: [FlowItem], in room: Double) -> (ComposedRegion, [FlowItem]) {
    var distributor = Distributor(nested: card, heights: [room], in: self)
    let fill = distributor.fill(from: 0, height: room)
    return (distributor.compose(fill.range), Array(distributor.items[fill.next...]))
  }

  /// Whether a cut between `placed` and `left` leaves one line of a paragraph alone on either side.
  private func leavesLoneLine(_ placed: ComposedRegion, _ left: [FlowItem]) -> Bool {
    func texts(_ items: [FrameItem]) -> [TextItem] { items.compactMap { if case .text(let t) = $0 { t } else { nil } } }
    let after = left.flatMap { item -> [TextItem] in
      guard case .content(_, let frameItems) = item.kind else { return [] }
      return texts(frameItems)
    }
    guard let block = after.first?.block else { return false }
    let before = texts(placed.items).filter { $0.block == block }.count
    guard before > 0 else { return false }
    return before < 2 || after.filter { $0.block == block }.count < 2
  }

  /// How many lines of text some flow items hold: a cut card leaves no line alone.
  private func textLines(in items: [FlowItem]) -> Int {
    items.reduce(0) { count, item in
      guard case .content(_, let frameItems) = item.kind else { return count }
      return count + frameItems.filter { if case .text = $0 { true } else { false } }.count
    }
  }
}
