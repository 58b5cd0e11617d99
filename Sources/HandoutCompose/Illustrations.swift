import HandoutCatalog
import HandoutLayout

/// Simple line drawings of our own for the catalogue's exercises, by illustration id.
///
/// Each is 120 × 60 units: a figure in three or four strokes on a ground line, enough to
/// show the position the steps describe.
enum Illustrations {
  static let size = Size(width: 120, height: 60)

  static func shapes(_ id: String, figure: Color, ground: Color) -> [Shape]? {
    func path(_ points: [(Double, Double)]) -> Shape {
      let elements: [Shape.Element] = points.enumerated().map { index, point in
        index == 0 ? .move(Point(x: point.0, y: point.1)) : .line(Point(x: point.0, y: point.1))
      }
      return Shape(elements, stroke: figure, lineWidth: 3.2)
    }
    func head(_ x: Double, _ y: Double) -> Shape {
      Shape([.ellipse(Rect(x: x - 5.5, y: y - 5.5, width: 11, height: 11))], fill: figure)
    }
    let floor = Shape([.move(Point(x: 4, y: 56)), .line(Point(x: 116, y: 56))], stroke: ground, lineWidth: 1.2)
    let strokes: [Shape]
    switch id {
    case "figure-four":
      // On the back, knees bent, one ankle crossed over the other knee, hands behind the thigh.
      strokes = [
        head(12, 46), path([(18, 50), (56, 50)]), path([(56, 50), (72, 28), (86, 52)]),
        path([(56, 50), (84, 36), (70, 28)]), path([(24, 50), (50, 36), (68, 32)]),
      ]
    case "hamstring":
      // On the back, one leg straight up, a towel around the foot.
      strokes = [
        head(12, 46), path([(18, 50), (56, 50)]), path([(56, 50), (72, 30), (88, 52)]),
        path([(56, 50), (62, 8)]), path([(24, 50), (52, 24)]),
        Shape([.move(Point(x: 52, y: 24)), .line(Point(x: 61, y: 6)), .line(Point(x: 66, y: 10)), .line(Point(x: 52, y: 24))], stroke: ground, lineWidth: 1.2),
      ]
    case "lunge":
      // Kneeling on one knee, the other foot forward, upright.
      strokes = [
        head(52, 8), path([(52, 14), (54, 34)]), path([(54, 34), (38, 54), (20, 54)]),
        path([(54, 34), (74, 36), (74, 54)]), path([(52, 18), (64, 30)]),
      ]
    case "knee-to-chest":
      // On the back, one knee held to the chest, the other leg long.
      strokes = [
        head(12, 46), path([(18, 50), (56, 50)]), path([(56, 50), (104, 52)]),
        path([(56, 50), (40, 28), (56, 22)]), path([(24, 50), (40, 30)]),
      ]
    case "cat-cow":
      // On hands and knees, the back rounded up.
      strokes = [
        head(18, 30),
        Shape([.move(Point(x: 28, y: 30)), .curve(Point(x: 40, y: 10), Point(x: 66, y: 10), Point(x: 78, y: 30))], stroke: figure, lineWidth: 3.2),
        path([(28, 30), (28, 54)]), path([(78, 30), (78, 54), (102, 54)]),
      ]
    default:
      return nil
    }
    return [floor] + strokes
  }
}

extension Composer {
  /// The catalogue's teaching drawing of an exercise, `width` points wide, or nil: the SVG file
  /// of that name in the catalogue's resources, else one of the built-in line drawings.
  func illustration(_ id: String?, alternativeText: String, width: Double) -> Block? {
    guard let id else { return nil }
    if let svg = Catalog.illustration(named: id) {
      return .image(Image(data: svg, format: .svg, width: width, height: width / 2, alternativeText: alternativeText, spaceAfter: 2))
    }
    guard let shapes = Illustrations.shapes(id, figure: palette.accent, ground: palette.line) else { return nil }
    let drawing = Drawing(size: Illustrations.size, shapes: shapes, alternativeText: alternativeText)
    return .drawing(drawing, width: width)
  }
}
