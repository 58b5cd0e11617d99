extension Distributor {
  /// When a region ends before a floating group (``Block/floating(_:)``) that did not fit in
  /// it, fills the region again without the group, so that what follows it takes the room,
  /// and moves the group to open the next region. Returns that fill, or nil when the flow
  /// after the group takes none of the room (it too waits for the next region, or a forced
  /// break follows), and then nothing moves.
  ///
  /// A group inside a box stays where it is: its items carry the box's frame.
  mutating func floatAhead(_ fill: Fill, from start: Int, height: Double, after lastContent: Int?) -> Fill? {
    guard fill.forced == nil, fill.hasContent,
      let first = items[fill.next...].firstIndex(where: \.isContent),
      let group = items[first].group, floatingGroups.contains(group), items[first].containers.isEmpty,
      let last = items[first...].lastIndex(where: { $0.group == group })
    else { return nil }
    // The group moves with the space after it, which then parts it from what follows.
    var end = last + 1
    while end < items.count, case .space = items[end].kind { end += 1 }
    let float = Array(items[first..<end])
    var trial = self
    trial.items.removeSubrange(first..<end)
    let refill = trial.fill(from: start, height: height, after: lastContent)
    guard refill.hasContent, refill.range.upperBound > first,
      trial.items[first..<refill.range.upperBound].contains(where: \.isContent)
    else { return nil }
    trial.items.insert(contentsOf: float, at: refill.next)
    // Moved once: in the next region the group is laid out where it now stands.
    trial.floatingGroups.remove(group)
    self = trial
    return refill
  }
}
