import Foundation
import CCairo
import HandoutLayout

/// Draws the items of pages onto a Cairo context, tagging them for a structured PDF.
///
/// Each page is drawn in two passes: first what is not read (fills, rules, running headers
/// and footers, decorations), then the text and figures in reading order, so that structure
/// elements such as a list or a table stay open across its boxes and stripes, and across pages.
struct PageDrawer {
  let cr: OpaquePointer?
  /// Whether the target keeps vectors (PDF, SVG), which can carry link annotations.
  let isVector: Bool
  /// Whether to write structure tags (PDF only).
  let isTagged: Bool
  /// The document's fonts and images, made ready for Cairo once per render.
  let resources: RenderResources
  /// The link targets drawn, as written into the PDF (percent-encoded), for the link audit.
  var linkTargets: Set<String> = []
  /// Every structure element begun, in order, with what the PDF post-pass adds to it.
  let log = StructureLog()
  /// Blocks with a tagged run (a link, an emoji, text in another script) on any of their
  /// lines: all their text goes into `Span`s, because Cairo marks text drawn directly in an
  /// element only when the element has no children.
  var spannedBlocks: Set<Int> = []
  /// The document's language: runs in another script get their own `/Lang`.
  var language = "en"
  /// The structure elements open now, outermost first, with their entries in the log.
  private var openElements: [(key: String, tag: String, entry: Int)] = []
  /// The block closed at the end of the previous page, which the next page may continue.
  private var brokenBlock: (key: String, entry: Int)?
  /// How many figures have been tagged.
  private var figureCount = 0
  /// The reading rank of what is being drawn: its region's.
  private var rank = 0
  /// The colour glyphs drawn so far, each an image drawn once.
  let emojiImages = EmojiImages()

  init(cr: OpaquePointer?, isVector: Bool, isTagged: Bool, resources: RenderResources) {
    self.cr = cr
    self.isVector = isVector
    self.isTagged = isTagged
    self.resources = resources
  }

  /// Draws a page and returns its outline entries.
  ///
  /// Tagged, a page is: its artifacts in one marked-content sequence (the post-pass makes it
  /// `/Artifact`), then its content in reading order, then the block that runs on to the next
  /// page closed, so that the next page's artifacts are not drawn inside it. The next page
  /// opens the block again after its own artifacts, and the post-pass joins the two halves.
  mutating func draw(_ page: Page) -> [(title: String, level: Int, point: Point)] {
    var outlineEntries: [(title: String, level: Int, point: Point)] = []
    let artifact = page.items.contains(where: \.isDecoration) ? beginArtifact() : false
    for item in page.items {
      switch item {
      case .rectangle(let rectangle): drawRectangle(rectangle)
      case .rule(let from, let to, let color, let width):
        cairo_save(cr)
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, from.x, from.y)
        cairo_line_to(cr, to.x, to.y)
        cairo_stroke(cr)
        cairo_restore(cr)
      case .text(let text) where text.role == .artifact: drawText(text)
      case .image(let image, let rect) where image.alternativeText.isEmpty: drawImage(image, in: rect)
      case .drawing(let drawing, let rect) where drawing.alternativeText.isEmpty && !drawing.isCellContent:
        drawDrawing(drawing, in: rect)
      case .outlineEntry(let title, let level, let point): outlineEntries.append((title, level, point))
      case .text, .image, .drawing, .debugOutline, .marker: break
      }
    }
    if artifact { endArtifact() }
    for item in page.items {
      switch item {
      case .text(let text) where text.role == .figureLabel:
        drawText(text)
      case .text(let text) where text.role != .artifact:
        rank = page.readingRank(at: text.origin)
        enter(text)
        if isTagged, spannedBlocks.contains(text.block), !needsRunTags(text) {
          log.begin(cr, .init(tag: "Span"))
          drawText(text)
          cairo_tag_end(cr, "Span")
        } else {
          drawText(text)
        }
      case .image(let image, let rect) where !image.alternativeText.isEmpty:
        rank = page.readingRank(at: Point(x: rect.x, y: rect.y))
        enterFigure(image.alternativeText, in: image.ancestors)
        drawImage(image, in: rect)
      case .drawing(let drawing, let rect) where !drawing.alternativeText.isEmpty:
        rank = page.readingRank(at: Point(x: rect.x, y: rect.y))
        enterFigure(drawing.alternativeText, in: drawing.ancestors)
        drawDrawing(drawing, in: rect)
      case .drawing(let drawing, let rect) where drawing.isCellContent:
        // A shape with no words in a table cell (a box to tick) is the cell's content: every
        // row keeps its cells, and the row's name and the column's day say what it is for.
        // Keyed as a block, the cell closes with its page like any block that holds content.
        rank = page.readingRank(at: Point(x: rect.x, y: rect.y))
        var path = drawing.ancestors.map { (key: "e\($0.id)", tag: $0.tag) }
        path[path.count - 1].key = "b-cell\(drawing.ancestors[path.count - 1].id)"
        enter(path: path)
        drawDrawing(drawing, in: rect)
      default: break
      }
    }
    let outlines = page.items.filter { if case .debugOutline = $0 { true } else { false } }
    if !outlines.isEmpty {
      let artifact = beginArtifact()
      for case .debugOutline(let rect, _) in outlines {
        cairo_save(cr)
        cairo_set_source_rgba(cr, 0.9, 0.1, 0.6, 0.8)
        cairo_set_line_width(cr, 0.4)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(cr)
        cairo_restore(cr)
      }
      if artifact { endArtifact() }
    }
    endPage()
    return outlineEntries
  }

  /// Opens the document element; call before the first page.
  mutating func beginDocument() {
    guard isTagged else { return }
    openElements.append(("document", "Document", log.begin(cr, .init(tag: "Document"))))
  }

  /// Closes every open structure element; call after the last page.
  mutating func finish() {
    guard isTagged else { return }
    while let last = openElements.popLast() { cairo_tag_end(cr, last.tag) }
  }

  /// Begins the marked-content sequence of a page's artifacts, inside whatever is open.
  private func beginArtifact() -> Bool {
    guard isTagged else { return false }
    log.begin(cr, .init(tag: StructureLog.artifactTag, isArtifact: true))
    return true
  }

  private func endArtifact() {
    cairo_tag_end(cr, StructureLog.artifactTag)
  }

  /// Closes the innermost element when it holds content (a block or a figure), and notes
  /// it: the next page may continue it. Lists, tables and their parts stay open.
  private mutating func endPage() {
    guard isTagged, let last = openElements.last, last.key.hasPrefix("b") || last.key.hasPrefix("figure") else {
      brokenBlock = nil
      return
    }
    cairo_tag_end(cr, last.tag)
    openElements.removeLast()
    brokenBlock = last.key.hasPrefix("b") ? (last.key, last.entry) : nil
  }

  /// Opens the structure elements of a text line: its lists, tables and cells, then its block.
  private mutating func enter(_ text: TextItem) {
    let leaf: String
    switch text.role {
    case .artifact, .figureLabel: return
    case .paragraph, .listItem: leaf = "P"
    case .heading(let level): leaf = "H\(min(max(level, 1), 6))"
    case .label: leaf = "Lbl"
    }
    enter(path: text.ancestors.map { ("e\($0.id)", $0.tag) } + [("b\(text.block)", leaf)])
  }

  /// A Figure inside the elements it sits in (a table cell of the tracker), or at the top.
  private mutating func enterFigure(_ alternativeText: String, in ancestors: [StructureElement]) {
    guard isTagged else { return }
    let path = ancestors.map { ("e\($0.id)", $0.tag) } + [("figure\(figureCount)", "Figure")]
    enter(path: path, alternativeText: alternativeText)
    figureCount += 1
  }

  /// Closes the open elements that are not on `path` and opens the rest of it, under the
  /// document element.
  private mutating func enter(path: [(key: String, tag: String)], alternativeText: String? = nil) {
    guard isTagged else { return }
    let path = [("document", "Document")] + path
    var common = 0
    while common < min(openElements.count, path.count), openElements[common].key == path[common].key { common += 1 }
    while openElements.count > common { cairo_tag_end(cr, openElements.removeLast().tag) }
    for element in path[common...] {
      var entry = StructureLog.Entry(tag: element.tag)
      if element.tag == "TH" { entry.scope = "Column" }
      if element.tag == "Figure" { entry.alternativeText = alternativeText }
      if let broken = brokenBlock, broken.key == element.key { entry.continues = broken.entry }
      if openElements.count == 1 { entry.readingRank = rank }
      openElements.append((element.key, element.tag, log.begin(cr, entry)))
    }
    brokenBlock = nil
  }

  private func drawRectangle(_ item: RectangleItem) {
    cairo_save(cr)
    pathRoundedRect(item.rect, radius: item.cornerRadius)
    if let fill = item.fill {
      setColor(fill)
      if item.stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
    }
    if let stroke = item.stroke {
      setColor(stroke)
      cairo_set_line_width(cr, item.lineWidth)
      cairo_stroke(cr)
    }
    cairo_new_path(cr)
    cairo_restore(cr)
  }

  private func pathRoundedRect(_ rect: Rect, radius: Double) {
    let r = min(radius, rect.width / 2, rect.height / 2)
    guard r > 0 else {
      cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
      return
    }
    cairo_new_sub_path(cr)
    cairo_arc(cr, rect.maxX - r, rect.y + r, r, -Double.pi / 2, 0)
    cairo_arc(cr, rect.maxX - r, rect.maxY - r, r, 0, Double.pi / 2)
    cairo_arc(cr, rect.x + r, rect.maxY - r, r, Double.pi / 2, Double.pi)
    cairo_arc(cr, rect.x + r, rect.y + r, r, Double.pi, 3 * Double.pi / 2)
    cairo_close_path(cr)
  }

  private func drawDrawing(_ drawing: Drawing, in rect: Rect) {
    guard drawing.size.width > 0, drawing.size.height > 0 else { return }
    cairo_save(cr)
    cairo_translate(cr, rect.x, rect.y)
    let scale = min(rect.width / drawing.size.width, rect.height / drawing.size.height)
    cairo_scale(cr, scale, scale)
    for shape in drawing.shapes {
      cairo_new_path(cr)
      for element in shape.elements {
        switch element {
        case .move(let p): cairo_move_to(cr, p.x, p.y)
        case .line(let p): cairo_line_to(cr, p.x, p.y)
        case .curve(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
        case .close: cairo_close_path(cr)
        case .rectangle(let r): cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        case .ellipse(let r):
          cairo_save(cr)
          cairo_translate(cr, r.x + r.width / 2, r.y + r.height / 2)
          cairo_scale(cr, max(r.width / 2, 0.001), max(r.height / 2, 0.001))
          cairo_new_sub_path(cr)
          cairo_arc(cr, 0, 0, 1, 0, 2 * Double.pi)
          cairo_restore(cr)
        }
      }
      if let fill = shape.fill {
        setColor(fill)
        if shape.stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
      }
      if let stroke = shape.stroke {
        setColor(stroke)
        cairo_set_line_width(cr, shape.lineWidth)
        cairo_stroke(cr)
      }
    }
    cairo_new_path(cr)
    cairo_restore(cr)
  }

  func setColor(_ color: Color) {
    cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
  }
}

/// What a run of glyphs needs in a tagged PDF besides its own text.
struct RunKind {
  /// The language of its script, when that is not the document's.
  var language: String?
  /// Emoji are drawn as pictures, which carry no text: they are given theirs.
  ///
  /// Right-to-left runs are not: text extractors such as poppler read glyphs in visual order
  /// and reverse an `/ActualText` with them, so a run's logical text copies backwards. Their
  /// ligatures need per-glyph text from the glyph runs themselves.
  var needsActualText = false

  init(_ run: GlyphRun, documentLanguage: String) {
    needsActualText = run.isColorEmoji
    let documentBase = Self.base(of: documentLanguage)
    // The shaper gives a run in another script that script's sample language (Pango's
    // derived language): Hangul in an English paragraph is shaped as `ko`.
    let runBase = Self.base(of: run.language)
    // Han is also written in Japanese and Korean text.
    if Self.tagged.contains(runBase), runBase != documentBase, !(runBase == "zh" && ["ja", "ko"].contains(documentBase)) {
      language = runBase
    }
  }

  /// The primary language subtag, lower-cased: `ko` of `ko-KR`.
  static func base(of language: String) -> String {
    (language.split(separator: "-").first.map(String.init) ?? language).lowercased()
  }

  /// The languages a run in another script is tagged with: those whose script says which
  /// language it is in a care plan. Latin, common punctuation and inherited marks say nothing.
  static let tagged: Set<String> = ["ar", "he", "ko", "ja", "zh", "ru", "el", "th", "hi", "hy", "ka", "bn", "ta"]
}

extension FrameItem {
  /// Whether the item is drawn in a page's first pass: decoration and page furniture, which
  /// no one reads (fills, rules, frames, running headers and footers, decorative pictures).
  var isDecoration: Bool {
    switch self {
    case .rectangle, .rule: true
    case .text(let text): text.role == .artifact
    case .image(let image, _): image.alternativeText.isEmpty
    case .drawing(let drawing, _): drawing.alternativeText.isEmpty && !drawing.isCellContent
    case .outlineEntry, .debugOutline, .marker: false
    }
  }
}

extension Drawing {
  /// Whether this is a shape with no words that is all of a table cell's content (a box to
  /// tick): drawn as the cell's content, not as an artifact, so that no row loses a cell.
  var isCellContent: Bool {
    guard alternativeText.isEmpty, let cell = ancestors.last else { return false }
    return cell.kind == .tableCell || cell.kind == .tableHeaderCell
  }
}

/// Feeds PNG bytes to `cairo_image_surface_create_from_png_stream`.
final class PNGSource {
  let data: [UInt8]
  var offset = 0

  init(_ data: [UInt8]) { self.data = data }

  var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

  static let read: cairo_read_func_t = { closure, buffer, length in
    guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
    let source = Unmanaged<PNGSource>.fromOpaque(closure).takeUnretainedValue()
    let count = Int(length)
    guard source.offset + count <= source.data.count else { return CAIRO_STATUS_READ_ERROR }
    source.data.withUnsafeBufferPointer {
      buffer.update(from: $0.baseAddress! + source.offset, count: count)
    }
    source.offset += count
    return CAIRO_STATUS_SUCCESS
  }
}
