extension PagedDocument {
  /// The pages as text, one item per line: what is where, in which face and size, to review
  /// a layout change as a diff. Numbers are rounded to hundredths of a point.
  public var dump: String {
    var out = ""
    for (index, page) in pages.enumerated() {
      out += "page \(index + 1) \(size(page.size)) body \(rect(page.body))\n"
      for item in page.items {
        if let line = describe(item) { out += "  " + line + "\n" }
      }
    }
    return out
  }

  /// One item as a line; nil for a marker, which draws nothing and only names what the
  /// composer asked to find again: the dump shows what is drawn.
  private func describe(_ item: FrameItem) -> String? {
    switch item {
    case .text(let text):
      let runs = text.line.runs.map { run in
        "\(fonts[run.font]?.name ?? "font \(run.font.rawValue)") \(number(run.size))"
          + (run.isColorEmoji ? " emoji" : "") + " ×\(run.glyphs.filter(\.isDrawn).count)"
      }
      return "text \(role(text.role)) \(point(text.origin)) w \(number(text.line.width)) \(quoted(text.line.text))"
        + " [\(runs.joined(separator: ", "))]"
        + text.line.links.map { " link \(quoted($0.uri))" }.joined()
    case .rectangle(let rectangle):
      return "rect \(rect(rectangle.rect)) fill \(color(rectangle.fill)) stroke \(color(rectangle.stroke))"
        + (rectangle.cornerRadius > 0 ? " r \(number(rectangle.cornerRadius))" : "")
    case .rule(let from, let to, let ruleColor, let width):
      return "rule \(point(from))–\(point(to)) \(number(width)) \(color(ruleColor))"
    case .image(let image, let area):
      return "image asset \(image.asset.rawValue) \(rect(area)) \(quoted(image.alternativeText))"
    case .drawing(let drawing, let area):
      return "drawing \(rect(area)) \(drawing.shapes.count) shapes \(quoted(drawing.alternativeText))"
    case .outlineEntry(let title, let level, let at):
      return "outline \(level) \(point(at)) \(quoted(title))"
    case .debugOutline(let area, let label):
      return "debug \(rect(area)) \(quoted(label))"
    case .marker:
      return nil
    }
  }

  private func role(_ role: Role) -> String {
    switch role {
    case .paragraph: "p"
    case .heading(let level): "h\(level)"
    case .listItem: "li"
    case .label: "lbl"
    case .figureLabel: "figure-label"
    case .artifact: "artifact"
    }
  }

  private func quoted(_ text: String) -> String {
    var out = "\""
    for character in text {
      switch character {
      case "\u{AD}": out += "\\u{AD}"
      case "\n": out += "\\n"
      case "\"": out += "\\\""
      default: out.append(character)
      }
    }
    return out + "\""
  }

  private func color(_ color: Color?) -> String {
    guard let color else { return "-" }
    let digits = Array("0123456789ABCDEF")
    return "#" + [color.red, color.green, color.blue].map { channel in
      let value = Int((min(max(channel, 0), 1) * 255).rounded())
      return String([digits[value / 16], digits[value % 16]])
    }.joined()
  }

  private func point(_ p: Point) -> String { "(\(number(p.x)), \(number(p.y)))" }
  private func size(_ s: Size) -> String { "\(number(s.width))×\(number(s.height))" }
  private func rect(_ r: Rect) -> String { "\(point(Point(x: r.x, y: r.y))) \(number(r.width))×\(number(r.height))" }

  private func number(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let whole = abs(hundredths) / 100
    let fraction = abs(hundredths) % 100
    if fraction == 0 { return sign + String(whole) }
    return sign + String(whole) + "." + (fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction))
  }
}
