extension Distributor {
  /// Cuts from a cards block the piece that fits in `height`: each card in turn goes into the
  /// column that is shortest so far, until one does not fit there.
  ///
  /// A card moves whole to the next region; only a card that is first in an empty region,
  /// and so taller than one, is cut, by the same distribution as any flow. When the block
  /// fills gaps, a later card that fits takes the room a card too tall for it leaves, and the
  /// skipped card leads the next region.
  func cutCards(
    _ flow: CardFlow, height: Double, isRegionEmpty: Bool, mayBreakInside: Bool
  ) -> (piece: FlowItem.Kind, rest: CardFlow?)? {
    var bottoms = Array(repeating: 0.0, count: flow.count)
    var isEmpty = Array(repeating: true, count: flow.count)
    var items: [FrameItem] = []
    var pending = flow.cards[...]
    var skipped: [[FlowItem]] = []
    while let card = pending.first {
      let column = bottoms.indices.min { (bottoms[$0], $0) < (bottoms[$1], $1) }!
      let top = isEmpty[column] ? 0 : bottoms[column] + flow.spacing
      let available = max(0, height - top)
      var distributor = Distributor(nested: card, heights: [available], in: self)
      let fill = distributor.fill(from: 0, height: available)
      let composed = distributor.compose(fill.range)
      let left = Array(distributor.items[fill.next...])
      let fits = !left.contains(where: \.isContent) && composed.height <= available + Self.tolerance
      let isFirst = isEmpty.allSatisfy { $0 }
      if !fits, flow.fillsGaps, !(isFirst && isRegionEmpty) {
        skipped.append(card)
        pending = pending.dropFirst()
        continue
      }
      if !fits, !isFirst { break }
      if !fits {
        // Taller than an empty region: cut it, or wait when the region has other content.
        guard isRegionEmpty, mayBreakInside else { return nil }
        pending = pending.dropFirst()
        if left.contains(where: \.isContent) { pending.insert(left, at: pending.startIndex) }
      } else {
        pending = pending.dropFirst()
      }
      let dx = Double(column) * (flow.columnWidth + flow.gap)
      items += composed.items.map { $0.offsetBy(dx: dx, dy: top) }
      bottoms[column] = top + composed.height
      isEmpty[column] = false
      if !fits { break }
    }
    // Below other content, a piece with no card in it waits for the next region.
    if items.isEmpty, !isRegionEmpty { return nil }
    let rest = skipped + pending
    if !rest.isEmpty, !mayBreakInside { return nil }
    let piece = FlowItem.Kind.content(height: bottoms.max() ?? 0, items: items)
    guard !rest.isEmpty else { return (piece, nil) }
    var remaining = flow
    remaining.cards = Array(rest)
    return (piece, remaining)
  }
}
