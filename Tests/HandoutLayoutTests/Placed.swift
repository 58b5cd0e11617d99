import Testing

@testable import HandoutLayout

/// The text lines of a page with their boxes, artifacts included, in drawing order.
func placedText(_ page: Page) -> [TextItem] {
  page.items.compactMap { item in
    if case .text(let text) = item { return text }
    return nil
  }
}

/// The rectangles of a page.
func rectangles(_ page: Page) -> [RectangleItem] {
  page.items.compactMap { item in
    if case .rectangle(let rectangle) = item { return rectangle }
    return nil
  }
}

/// The rules of a page, as from and to points.
func rules(_ page: Page) -> [(from: Point, to: Point)] {
  page.items.compactMap { item in
    if case .rule(let from, let to, _, _) = item { return (from, to) }
    return nil
  }
}

/// Records an issue for anything outside the page's body and for text lines printed over
/// each other.
func expectInsideAndApart(_ pages: [Page], sourceLocation: SourceLocation = #_sourceLocation) {
  for (index, page) in pages.enumerated() {
    for item in page.items {
      if let bounds = item.bounds, !page.body.contains(bounds, tolerance: 0.01) {
        Issue.record("page \(index + 1): \(item) outside the body", sourceLocation: sourceLocation)
      }
    }
    let lines = placedText(page).filter { $0.role != .artifact }.map(\.bounds)
    for i in lines.indices {
      for j in lines.indices where j > i {
        let a = lines[i]
        let b = lines[j]
        if min(a.maxX, b.maxX) - max(a.x, b.x) > 0.01, min(a.maxY, b.maxY) - max(a.y, b.y) > 0.01 {
          Issue.record("page \(index + 1): lines \(i) and \(j) overlap", sourceLocation: sourceLocation)
        }
      }
    }
  }
}

/// Lines of text joined by newlines, one paragraph: `lines(3, "a")` is "a1\na2\na3".
func numbered(_ count: Int, _ tag: String) -> String {
  (1...count).map { "\(tag)\($0)" }.joined(separator: "\n")
}
