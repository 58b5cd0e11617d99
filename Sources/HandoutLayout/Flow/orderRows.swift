extension Distributor {
  /// Puts the body rows of `table`, which start at `start`, in the order their markers
  /// (``Table/rowsFollow``) took in the flow before them: a week's tracker lists the
  /// home-care items as their cards are printed, where cards filling gaps changed their order.
  /// The rows trade places only among themselves: a row whose marker was not laid out before
  /// the table keeps its place, and each place keeps its break rule, boxes and fill.
  mutating func orderRows(of table: Int, from start: Int) {
    let follows = rowsFollow[table]
    rowsFollow[table] = []
    let end = min(items.count, start + follows.count)
    let placed = markerPositions(before: start)
    func position(_ index: Int) -> Int? { follows[index - start].flatMap { placed[$0] } }
    let places = (start..<end).filter { items[$0].table == table && position($0) != nil }
    let rows = places.sorted { position($0)! < position($1)! }.map { items[$0] }
    for (place, row) in zip(places, rows) {
      let held = items[place]
      var moved = row
      moved.breakAfter = held.breakAfter
      moved.containers = held.containers
      moved.opens = held.opens
      moved.closes = held.closes
      moved.group = held.group
      moved.label = held.label
      if case .row(var flow) = moved.kind, case .row(let heldFlow) = held.kind {
        flow.fill = heldFlow.fill
        moved.kind = .row(flow)
      }
      items[place] = moved
    }
  }

  /// Where each marker first appears among the items laid out before `end`, in their order.
  private func markerPositions(before end: Int) -> [String: Int] {
    var positions: [String: Int] = [:]
    for item in items[..<end] {
      guard case .content(_, let frameItems) = item.kind else { continue }
      for case .marker(let name, _) in frameItems where positions[name] == nil {
        positions[name] = positions.count
      }
    }
    return positions
  }
}
