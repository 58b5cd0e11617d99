import Foundation
import HandoutLayout

/// Every character is half the font size wide; lines break at spaces, and inside words that
/// are longer than the line.
struct FakeTextSystem: TextSystem {
  var fonts: FontTable { FontTable() }

  func shape(_ text: StyledText, width: Double) -> ShapedText {
    let size = text.style.size
    let advance = size * 0.5
    let perLine = max(1, Int(width / advance))
    var lines: [String] = []
    for paragraph in text.plainText.split(separator: "\n", omittingEmptySubsequences: false) {
      var current = ""
      for word in paragraph.split(separator: " ") {
        var word = Substring(word)
        let candidate = current.isEmpty ? String(word) : current + " " + word
        if candidate.count <= perLine {
          current = candidate
          continue
        }
        if !current.isEmpty { lines.append(current) }
        while word.count > perLine {
          lines.append(String(word.prefix(perLine)))
          word = word.dropFirst(perLine)
        }
        current = String(word)
      }
      lines.append(current)
    }
    // Character ranges of the linked spans, to report where links fall on each line.
    var links: [(range: Range<Int>, uri: String)] = []
    var offset = 0
    for span in text.spans {
      if let uri = span.link { links.append((offset..<offset + span.text.count, uri)) }
      offset += span.text.count
    }
    let plain = Array(text.plainText)
    var cursor = 0
    let shaped = lines.map { line in
      while cursor < plain.count, plain[cursor] == " " || plain[cursor] == "\n" { cursor += 1 }
      let lineRange = cursor..<cursor + line.count
      cursor += line.count
      let runs = links.compactMap { link -> LinkRun? in
        let overlap = link.range.clamped(to: lineRange)
        guard !overlap.isEmpty else { return nil }
        return LinkRun(
          uri: link.uri, x: Double(overlap.lowerBound - lineRange.lowerBound) * advance,
          width: Double(overlap.count) * advance)
      }
      return ShapedLine(
        text: line, x: 0, width: Double(line.count) * advance, ascent: size * 0.8, descent: size * 0.2,
        links: runs)
    }
    return ShapedText(lines: shaped, ascent: size * 0.8, descent: size * 0.2)
  }

}

/// A 10 pt style with a line height of 1.2: each line is exactly 12 pt tall.
let bodyStyle = TextStyle(family: "Fake", size: 10, lineHeight: 1.2)
let headingStyle = TextStyle(family: "Fake", size: 10, weight: .bold, lineHeight: 1.2)

/// A paragraph of exactly `lines` lines at the fake shaper's width of 20 characters per 100 pt.
func paragraph(lines: Int, tag: String = "p") -> Block {
  let words = (1...lines).map { "\(tag)\($0)".padding(toLength: 19, withPad: "x", startingAt: 0) }
  return .paragraph(Paragraph(words.joined(separator: " "), style: bodyStyle))
}

/// A page whose body is 100 pt wide and `height` pt tall, with 10 pt margins.
func document(height: Double, _ blocks: [Block], footer: RunningText? = nil) -> Document {
  Document(
    metadata: Metadata(title: "Test"),
    page: PageSetup(size: Size(width: 120, height: height + 20), margins: EdgeInsets(all: 10)),
    footer: footer, blocks: blocks)
}

func lay(_ document: Document) -> [Page] {
  layout(document, textSystem: FakeTextSystem())
}

/// The text lines of each page, in order.
func lineTexts(_ pages: [Page]) -> [[String]] {
  pages.map { page in
    page.items.compactMap { item in
      if case .text(let text) = item, text.role != .artifact { return text.line.text }
      return nil
    }
  }
}

/// The text of every line of each page, artifacts (running text, repeated headers) included.
func allTexts(_ pages: [Page]) -> [[String]] {
  pages.map { page in
    page.items.compactMap { item in
      if case .text(let text) = item { return text.line.text }
      return nil
    }
  }
}
