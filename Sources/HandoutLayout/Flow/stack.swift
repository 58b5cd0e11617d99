/// Stacks flow items from the top down and draws the frames of the boxes they sit in.
///
/// Spaces at the top and foot are dropped. A box's frame spans its items that are in the
/// stack, so a box split across pages gets a frame on each page.
func stack(
  _ items: ArraySlice<FlowItem>, containers: [Container], showsDebugOutlines: Bool = false
) -> (height: Double, items: [FrameItem], firstBaseline: Double?) {
  var y = 0.0
  var pendingSpace = 0.0
  var content: [FrameItem] = []
  var extents: [Int: (top: Double, bottom: Double)] = [:]
  var firstBaseline: Double?
  let contentItems = items.filter(\.isContent)
  // A box that began in an earlier region gets its top padding back here.
  if let first = contentItems.first {
    for id in first.containers where id != first.opens {
      extents[id] = (y, y)
      y += containers[id].padding.top
    }
  }
  for var item in items {
    if case .columns = item.kind {
      var paginator = Paginator([item], regionHeights: [[.infinity]], headers: [], containers: containers)
      _ = paginator.paginate()
      item.kind = paginator.items[0].kind
    }
    switch item.kind {
    case .space(let height):
      if !content.isEmpty || !extents.isEmpty { pendingSpace += height }
    case .pageBreak, .regionBreak, .columns:
      break
    case .content(let height, let frameItems):
      y += pendingSpace
      pendingSpace = 0
      if firstBaseline == nil, let baseline = item.firstBaseline { firstBaseline = y + baseline }
      content += frameItems.map { $0.offsetBy(dx: 0, dy: y) }
      if showsDebugOutlines, height > 0, let bounds = debugBounds(frameItems) {
        content.append(.debugOutline(Rect(x: bounds.x, y: y, width: bounds.width, height: height), label: item.label))
      }
      for id in item.containers {
        let extent = extents[id] ?? (y, y + height)
        extents[id] = (min(extent.top, y), max(extent.bottom, y + height))
      }
      y += height
    }
  }
  // A box that goes on in a later region keeps its bottom padding here.
  if let last = contentItems.last {
    for id in last.containers.reversed() where id != last.closes {
      y += containers[id].padding.bottom
      extents[id]?.bottom = y
    }
  }
  var frames: [FrameItem] = []
  for (id, extent) in extents.sorted(by: { (containers[$0.key].depth, $0.key) < (containers[$1.key].depth, $1.key) }) {
    frames += frame(containers[id], top: extent.top, bottom: extent.bottom)
  }
  return (y, frames + content, firstBaseline)
}

private func frame(_ container: Container, top: Double, bottom: Double) -> [FrameItem] {
  let rect = Rect(x: container.x, y: top, width: container.width, height: bottom - top)
  var items: [FrameItem] = []
  if container.fill != nil || container.border != nil {
    // The border is stroked inside the frame so that it never crosses the region's edge.
    let inset = container.border == nil ? 0 : container.borderWidth / 2
    items.append(
      .rectangle(
        RectangleItem(
          rect: rect.inset(by: EdgeInsets(all: inset)), fill: container.fill, stroke: container.border,
          lineWidth: container.borderWidth, cornerRadius: container.cornerRadius)))
  }
  if let bar = container.accentBar {
    let barRect = Rect(x: rect.x, y: rect.y, width: 4, height: rect.height)
    items.append(.rectangle(RectangleItem(rect: barRect, fill: bar, stroke: nil, lineWidth: 0, cornerRadius: 0)))
  }
  return items
}

private func debugBounds(_ items: [FrameItem]) -> Rect? {
  let rects = items.compactMap(\.bounds)
  guard let first = rects.first else { return nil }
  let minX = rects.dropFirst().reduce(first.x) { min($0, $1.x) }
  let maxX = rects.dropFirst().reduce(first.maxX) { max($0, $1.maxX) }
  return Rect(x: minX, y: 0, width: maxX - minX, height: 0)
}
