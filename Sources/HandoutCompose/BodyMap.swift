import HandoutLayout

/// The body map: a front and a back outline side by side, the pain areas filled in.
///
/// Left and right are the client's own. Seen from behind, the client's left is on the
/// viewer's left; seen from the front, it is on the viewer's right. Each figure is 100 units
/// wide and 220 tall; the back view sits on the left, the front view on the right.
enum BodyMap {
  static let figureWidth = 100.0
  static let figureHeight = 220.0
  static let gap = 40.0

  /// Where each figure starts, horizontally.
  enum View: CaseIterable {
    case back, front

    var offset: Double { self == .back ? 0 : BodyMap.figureWidth + BodyMap.gap }
  }

  /// The silhouette of one figure: head, neck, torso, arms and legs.
  static func silhouette(_ view: View) -> [Shape.Element] {
    let dx = view.offset
    func p(_ x: Double, _ y: Double) -> Point { Point(x: dx + x, y: y) }
    return [
      .ellipse(Rect(x: dx + 37, y: 2, width: 26, height: 30)),
      .rectangle(Rect(x: dx + 44, y: 30, width: 12, height: 10)),
      // Torso and hips.
      .move(p(24, 40)), .line(p(76, 40)), .curve(p(79, 41), p(80, 44), p(79, 48)), .line(p(71, 108)),
      .line(p(74, 132)), .line(p(26, 132)), .line(p(29, 108)), .line(p(21, 48)),
      .curve(p(20, 44), p(21, 41), p(24, 40)), .close,
      // Arms.
      .move(p(21, 44)), .line(p(12, 86)), .line(p(8, 124)), .line(p(15, 125)), .line(p(20, 88)),
      .line(p(27, 62)), .close,
      .move(p(79, 44)), .line(p(88, 86)), .line(p(92, 124)), .line(p(85, 125)), .line(p(80, 88)),
      .line(p(73, 62)), .close,
      // Legs.
      .move(p(26, 132)), .line(p(49, 132)), .line(p(47, 172)), .line(p(46, 204)), .line(p(48, 214)),
      .line(p(34, 214)), .line(p(35, 204)), .line(p(31, 172)), .close,
      .move(p(51, 132)), .line(p(74, 132)), .line(p(69, 172)), .line(p(65, 204)), .line(p(66, 214)),
      .line(p(52, 214)), .line(p(54, 204)), .line(p(53, 172)), .close,
    ]
  }

  /// The outline of a region, by id, in drawing coordinates; nil for an unknown id.
  static func region(_ id: String) -> [Shape.Element]? {
    // The side of the figure a region is on, as the viewer sees it.
    func side(_ isClientLeft: Bool, in view: View) -> Bool {
      view == .back ? isClientLeft : !isClientLeft
    }
    func rect(_ view: View, _ x: Double, _ y: Double, _ width: Double, _ height: Double) -> [Shape.Element] {
      [.rectangle(Rect(x: view.offset + x, y: y, width: width, height: height))]
    }
    /// A region on one side: `x` is measured on the viewer's left half and mirrored.
    func sided(_ view: View, isClientLeft: Bool, x: Double, y: Double, width: Double, height: Double) -> [Shape.Element] {
      let onViewerLeft = side(isClientLeft, in: view)
      let left = onViewerLeft ? x : figureWidth - x - width
      return [.ellipse(Rect(x: view.offset + left, y: y, width: width, height: height))]
    }
    let isLeft = id.hasPrefix("left-")
    let part = id.hasPrefix("left-") ? String(id.dropFirst(5)) : id.hasPrefix("right-") ? String(id.dropFirst(6)) : id
    let isSided = part != id
    switch (part, isSided) {
    case ("neck", false): return rect(.back, 43, 29, 14, 12)
    case ("upper-back", false): return [.ellipse(Rect(x: View.back.offset + 28, y: 44, width: 44, height: 34))]
    case ("lower-back", false): return [.ellipse(Rect(x: View.back.offset + 31, y: 80, width: 38, height: 30))]
    case ("shoulder", true): return sided(.back, isClientLeft: isLeft, x: 19, y: 39, width: 16, height: 14)
    case ("buttock", true): return sided(.back, isClientLeft: isLeft, x: 27, y: 108, width: 23, height: 26)
    case ("back-thigh", true): return sided(.back, isClientLeft: isLeft, x: 29, y: 136, width: 19, height: 34)
    case ("calf", true): return sided(.back, isClientLeft: isLeft, x: 32, y: 174, width: 15, height: 28)
    case ("hip", true): return sided(.front, isClientLeft: isLeft, x: 25, y: 110, width: 18, height: 20)
    case ("thigh", true): return sided(.front, isClientLeft: isLeft, x: 29, y: 136, width: 19, height: 34)
    case ("knee", true): return sided(.front, isClientLeft: isLeft, x: 32, y: 166, width: 15, height: 12)
    case ("shin", true): return sided(.front, isClientLeft: isLeft, x: 33, y: 178, width: 13, height: 24)
    case ("foot", true): return sided(.front, isClientLeft: isLeft, x: 33, y: 203, width: 14, height: 11)
    default: return nil
    }
  }
}

/// The body-map regions a plan's `condition.painAreas` may name.
public enum BodyMapRegions {
  /// Every id the body map draws, in head-to-foot order; checked against ``BodyMap/region(_:)``
  /// by the tests and used by validation and the JSON Schema.
  public static let ids: [String] = {
    var ids = ["neck", "upper-back", "lower-back"]
    for part in ["shoulder", "hip", "buttock", "thigh", "back-thigh", "knee", "shin", "calf", "foot"] {
      ids += ["left-\(part)", "right-\(part)"]
    }
    return ids
  }()

  /// Whether the body map draws `id`.
  public static func draws(_ id: String) -> Bool { BodyMap.region(id) != nil }
}

extension Composer {
  func bodyMap() -> [Block] {
    guard let areas = plan.condition?.painAreas, !areas.isEmpty else { return [] }
    let known = areas.filter { BodyMap.region($0) != nil }
    guard !known.isEmpty else { return [] }
    let width = BodyMap.figureWidth * 2 + BodyMap.gap
    var shapes: [Shape] = BodyMap.View.allCases.map { view in
      Shape(BodyMap.silhouette(view), fill: palette.tint, stroke: palette.muted, lineWidth: 0.8)
    }
    let pain = palette.warning.with(alpha: 0.72)
    shapes += known.compactMap { BodyMap.region($0) }.map { Shape($0, fill: pain, stroke: palette.warning, lineWidth: 0.6) }
    let caption = styles.small.with { $0.weight = .bold; $0.color = palette.text }
    let side = styles.small
    var labels: [DrawingLabel] = []
    for view in BodyMap.View.allCases {
      let centre = view.offset + BodyMap.figureWidth / 2
      labels.append(DrawingLabel(catalog.label(view == .back ? "back" : "front"), at: Point(x: centre, y: 234), anchor: .center, style: caption))
      // The client's left and right, on each figure's sides.
      let leftOnViewerLeft = view == .back
      labels.append(DrawingLabel(catalog.label(leftOnViewerLeft ? "leftShort" : "rightShort"), at: Point(x: view.offset + 6, y: 16), anchor: .start, style: side))
      labels.append(DrawingLabel(catalog.label(leftOnViewerLeft ? "rightShort" : "leftShort"), at: Point(x: view.offset + BodyMap.figureWidth - 6, y: 16), anchor: .end, style: side))
    }
    shapes.append(Shape([.rectangle(Rect(x: 0, y: 246, width: 10, height: 10))], fill: pain, stroke: palette.warning, lineWidth: 0.6))
    labels.append(DrawingLabel(catalog.label("whereItHurts"), at: Point(x: 15, y: 255), style: side.with { $0.color = palette.text }))
    let names = regionNames
    let alternative = catalog.label("bodyMapAlt", ["areas": known.map { names[$0] ?? $0 }.joined(separator: ", ")])
    return [
      .keepTogether([
        heading(catalog.label("whereItHurts"), level: 3),
        .drawing(Drawing(size: Size(width: width, height: 262), shapes: shapes, labels: labels, alternativeText: alternative, spaceAfter: 8)),
      ])
    ]
  }
}

extension Composer {
  /// The body-map regions' names in the plan's language, by id (the catalogue's `regions`
  /// label list, `id=name` entries).
  var regionNames: [String: String] {
    Dictionary(
      catalog.labelList("regions").compactMap { entry -> (String, String)? in
        let parts = entry.split(separator: "=", maxSplits: 1)
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
      }, uniquingKeysWith: { first, _ in first })
  }

  /// A figure seen from behind with where the plan's condition is often felt shaded, and its
  /// caption: what a brochure's cover shows beside the title. Nil when the catalogue names
  /// no such areas.
  func conditionFigure() -> [Block]? {
    let areas = (conditionEntry?.figureAreas ?? []).filter { BodyMap.region($0) != nil }
    guard !areas.isEmpty else { return nil }
    let pain = palette.warning.with(alpha: 0.72)
    let shapes =
      [Shape(BodyMap.silhouette(.back), fill: palette.tint, stroke: palette.muted, lineWidth: 1.2)]
      + areas.compactMap { BodyMap.region($0) }.map { Shape($0, fill: pain, stroke: palette.warning, lineWidth: 0.8) }
    let names = regionNames
    let alternative = catalog.label("figureAlt", ["areas": areas.map { names[$0] ?? $0 }.joined(separator: ", ")])
    let drawing = Drawing(
      size: Size(width: BodyMap.figureWidth, height: BodyMap.figureHeight), shapes: shapes, alternativeText: alternative,
      alignment: .center, spaceAfter: 4)
    let caption = Paragraph(
      catalog.label("figureCaption"), style: styles.small.with { $0.alignment = .center; $0.color = palette.text })
    return [.drawing(drawing), .paragraph(caption)]
  }
}
