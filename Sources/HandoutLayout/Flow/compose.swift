/// A region's flow items composed: positioned frame items and the height they take.
struct ComposedRegion {
  var height: Double
  var items: [FrameItem]
  var firstBaseline: Double?
}

/// Stacks flow items from the top down and draws the frames of the boxes they sit in.
///
/// Spaces at the top and foot are dropped. A box's frame spans its items that are in the
/// region, so a box split across regions gets a frame on each, drawn open at the cut, and
/// every piece after the first opens with the heading the box repeats.
func composeRegion(
  _ items: ArraySlice<FlowItem>, containers: [Container], showsDebugOutlines: Bool = false
) -> ComposedRegion {
  var y = 0.0
  var pendingSpace = 0.0
  var content: [FrameItem] = []
  var extents: [Int: (top: Double, bottom: Double)] = [:]
  var openTop: Set<Int> = []
  var openBottom: Set<Int> = []
  var firstBaseline: Double?
  let contentItems = items.filter(\.isContent)
  // A box that began in an earlier region gets its top padding and its heading back here.
  if let first = contentItems.first {
    for id in first.containers where id != first.opens {
      extents[id] = (y, y)
      openTop.insert(id)
      y += containers[id].padding.top
      for item in containers[id].continuation {
        if case .content(_, let frameItems) = item.kind { content += frameItems.map { $0.offsetBy(dx: 0, dy: y) } }
        y += item.height
      }
    }
  }
  for item in items {
    switch item.kind {
    case .space(let height):
      if !content.isEmpty || !extents.isEmpty { pendingSpace += height }
    case .pageBreak, .regionBreak, .columns, .row, .cards:
      // Distribution has cut rows, cards and columns into content before composing.
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
      openBottom.insert(id)
    }
  }
  var frames: [FrameItem] = []
  for (id, extent) in extents.sorted(by: { (containers[$0.key].depth, $0.key) < (containers[$1.key].depth, $1.key) }) {
    frames += frame(
      containers[id], top: extent.top, bottom: extent.bottom, isOpenAbove: openTop.contains(id),
      isOpenBelow: openBottom.contains(id))
  }
  return ComposedRegion(height: y, items: frames + content, firstBaseline: firstBaseline)
}

/// A box's frame; a piece of a split box is drawn open at the cut: square corners there and
/// no border across it.
private func frame(
  _ container: Container, top: Double, bottom: Double, isOpenAbove: Bool, isOpenBelow: Bool
) -> [FrameItem] {
  let rect = Rect(x: container.x, y: top, width: container.width, height: bottom - top)
  var items: [FrameItem] = []
  guard isOpenAbove || isOpenBelow else {
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
  let radius = min(container.cornerRadius, rect.height / 2)
  if let fill = container.fill {
    if radius > 0 {
      // Rounded where the box really starts or ends, square at the cut.
      items.append(.rectangle(RectangleItem(rect: rect, fill: fill, stroke: nil, lineWidth: 0, cornerRadius: radius)))
      if isOpenAbove {
        let square = Rect(x: rect.x, y: rect.y, width: rect.width, height: radius)
        items.append(.rectangle(RectangleItem(rect: square, fill: fill, stroke: nil, lineWidth: 0, cornerRadius: 0)))
      }
      if isOpenBelow {
        let square = Rect(x: rect.x, y: rect.maxY - radius, width: rect.width, height: radius)
        items.append(.rectangle(RectangleItem(rect: square, fill: fill, stroke: nil, lineWidth: 0, cornerRadius: 0)))
      }
    } else {
      items.append(.rectangle(RectangleItem(rect: rect, fill: fill, stroke: nil, lineWidth: 0, cornerRadius: radius)))
    }
  }
  if let border = container.border {
    // Sides and closed ends as rules, inside the frame; nothing across the cut.
    let width = container.borderWidth
    let inner = rect.inset(by: EdgeInsets(all: width / 2))
    let top = isOpenAbove ? rect.y : inner.y
    let bottom = isOpenBelow ? rect.maxY : inner.maxY
    for x in [inner.x, inner.maxX] {
      items.append(.rule(from: Point(x: x, y: top), to: Point(x: x, y: bottom), color: border, width: width))
    }
    if !isOpenAbove {
      items.append(.rule(from: Point(x: rect.x, y: inner.y), to: Point(x: rect.maxX, y: inner.y), color: border, width: width))
    }
    if !isOpenBelow {
      items.append(.rule(from: Point(x: rect.x, y: inner.maxY), to: Point(x: rect.maxX, y: inner.maxY), color: border, width: width))
    }
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
