import Foundation

/// The text of a PDF as poppler sees it: pages of lines with their boxes, in PDF points from
/// the top-left corner, read by `pdftotext -bbox-layout` (poppler-utils), not from the engine.
struct GlyphBoxes {
  struct Line {
    var minX: Double, minY: Double, maxX: Double, maxY: Double
    var text: String
    var height: Double { maxY - minY }
  }

  struct Page {
    var width: Double
    var height: Double
    var lines: [Line]
  }

  var pages: [Page]

  init(pdf path: String) throws {
    let result = try run("pdftotext", ["-bbox-layout", path, "-"])
    guard result.status == 0 else { throw Failure(description: "pdftotext failed: \(result.stderr)") }
    self.init(xhtml: String(decoding: result.stdout, as: UTF8.self))
  }

  init(xhtml: String) {
    pages = []
    for chunk in xhtml.components(separatedBy: "<page ").dropFirst() {
      let page = Self.attributes(chunk)
      var lines: [Line] = []
      for lineChunk in chunk.components(separatedBy: "<line ").dropFirst() {
        let box = Self.attributes(lineChunk)
        let words = lineChunk.components(separatedBy: "<word ").dropFirst().map { word -> String in
          guard let open = word.firstIndex(of: ">"), let close = word.range(of: "</word>") else { return "" }
          return String(word[word.index(after: open)..<close.lowerBound])
        }
        lines.append(
          Line(
            minX: box["xMin"] ?? 0, minY: box["yMin"] ?? 0, maxX: box["xMax"] ?? 0, maxY: box["yMax"] ?? 0,
            text: words.joined(separator: " ")))
      }
      pages.append(Page(width: page["width"] ?? 0, height: page["height"] ?? 0, lines: lines))
    }
  }

  /// The numeric attributes of the element a chunk opens with.
  private static func attributes(_ chunk: String) -> [String: Double] {
    let head = chunk.prefix { $0 != ">" }
    var values: [String: Double] = [:]
    for part in head.split(separator: " ") {
      let pair = part.split(separator: "=", maxSplits: 1)
      guard pair.count == 2 else { continue }
      values[String(pair[0])] = Double(pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"/")))
    }
    return values
  }

  /// Lines closer than `margin` to an edge of their page, as "page N: text" descriptions.
  func linesOutside(margin: Double) -> [String] {
    pages.enumerated().flatMap { index, page in
      page.lines.filter {
        $0.minX < margin || $0.minY < margin || $0.maxX > page.width - margin || $0.maxY > page.height - margin
      }.map { "page \(index + 1): \($0.text.prefix(60)) at \($0.minX), \($0.minY)–\($0.maxX), \($0.maxY)" }
    }
  }

  /// Pairs of lines that print over each other: they overlap across more than 1 pt and by
  /// more than 30 % of the shorter one's height (a font's ascent and descent may touch the
  /// next line's box by less than that).
  func overprintingLines() -> [String] {
    var found: [String] = []
    for (index, page) in pages.enumerated() {
      let lines = page.lines
      for i in lines.indices {
        for j in lines.indices where j > i {
          let a = lines[i]
          let b = lines[j]
          let dx = min(a.maxX, b.maxX) - max(a.minX, b.minX)
          let dy = min(a.maxY, b.maxY) - max(a.minY, b.minY)
          if dx > 1, dy > 0.3 * min(a.height, b.height) {
            found.append("page \(index + 1): \"\(a.text.prefix(40))\" over \"\(b.text.prefix(40))\"")
          }
        }
      }
    }
    return found
  }

  /// The text of page `index`, its lines joined by spaces.
  func text(ofPage index: Int) -> String {
    pages[index].lines.map(\.text).joined(separator: " ")
  }
}

struct Failure: Error, CustomStringConvertible {
  var description: String
}
