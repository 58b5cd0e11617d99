/// A document ready for layout: page set-up, metadata and a tree of blocks.
public struct Document: Sendable {
  public var metadata: Metadata
  public var page: PageSetup
  /// Running text placed in the top margin of every page.
  public var header: RunningText?
  /// Running text placed in the bottom margin of every page.
  public var footer: RunningText?
  public var blocks: [Block]
  /// The images the blocks show, each read and decoded once.
  public var assets: AssetTable

  public init(
    metadata: Metadata, page: PageSetup, header: RunningText? = nil, footer: RunningText? = nil,
    blocks: [Block], assets: AssetTable = AssetTable()
  ) {
    self.metadata = metadata
    self.page = page
    self.header = header
    self.footer = footer
    self.blocks = blocks
    self.assets = assets
  }
}

/// What a PDF's document information says about it.
public struct Metadata: Sendable, Hashable {
  public var title: String
  public var author: String?
  public var subject: String?
  public var keywords: [String]
  public var creator: String?
  /// The BCP 47 language of the text.
  public var language: String
  /// The creation date as ISO 8601 (`2026-11-20T00:00:00Z`), fixed for reproducible output.
  public var creationDate: String?

  public init(
    title: String, author: String? = nil, subject: String? = nil, keywords: [String] = [],
    creator: String? = nil, language: String = "en", creationDate: String? = nil
  ) {
    self.title = title
    self.author = author
    self.subject = subject
    self.keywords = keywords
    self.creator = creator
    self.language = language
    self.creationDate = creationDate
  }
}

/// The paper and the margins around the page body.
public struct PageSetup: Sendable, Hashable {
  public var size: Size
  public var margins: EdgeInsets
  /// The regions of each page, for columns and brochure panels; page `i` uses template `i`,
  /// the last one repeating. Empty: the page body is the one region.
  public var templates: [PageTemplate]

  public init(size: Size, margins: EdgeInsets, templates: [PageTemplate] = []) {
    self.size = size
    self.margins = margins
    self.templates = templates
  }

  /// For print-shop output: the trimmed sheet inside the page, and the bleed around it.
  public var trimBox: Rect?
  public var bleedBox: Rect?

  /// The templates in force: the given ones, or the page body as the one region.
  public var effectiveTemplates: [PageTemplate] {
    templates.isEmpty ? [PageTemplate(regions: [body])] : templates
  }

  /// US Letter, 8.5 × 11 in.
  public static let letter = Size(width: 612, height: 792)
  /// ISO A4, 210 × 297 mm.
  public static let a4 = Size(width: 595.2756, height: 841.8898)

  /// The rectangle inside the margins.
  public var body: Rect {
    Rect(x: 0, y: 0, width: size.width, height: size.height).inset(by: margins)
  }
}

/// Text repeated on every page, made of parts: literal text, the page number and the page
/// count, filled in by ``finalize``. Text is never read as a template, so a clinic called
/// "{pages} Wellness" prints as it is written.
public struct RunningText: Sendable, Hashable {
  /// One piece of running text.
  public enum Part: Sendable, Hashable {
    case text(String)
    /// The number of the page the text is on, from 1.
    case pageNumber
    /// How many pages the document has.
    case pageCount
  }

  public var leading: [Part]
  public var trailing: [Part]
  public var style: TextStyle
  /// A rule drawn between the running text and the body.
  public var rule: Color?

  public init(leading: [Part], trailing: [Part], style: TextStyle, rule: Color? = nil) {
    self.leading = leading
    self.trailing = trailing
    self.style = style
    self.rule = rule
  }

  /// The parts of one of our own templates, such as a catalogue label "Page {page} of {pages}":
  /// `{page}` and `{pages}` become the page number and count, anything else stays text. Only
  /// for trusted text; a plan's text goes in as ``Part/text(_:)``.
  public static func parts(ofTemplate template: String) -> [Part] {
    var parts: [Part] = []
    var literal = ""
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
      guard let close = rest[open...].firstIndex(of: "}") else { break }
      literal += rest[..<open]
      let name = rest[rest.index(after: open)..<close]
      let part: Part? = name == "page" ? .pageNumber : name == "pages" ? .pageCount : nil
      if let part {
        if !literal.isEmpty { parts.append(.text(literal)) }
        literal = ""
        parts.append(part)
      } else {
        literal += rest[open...close]
      }
      rest = rest[rest.index(after: close)...]
    }
    literal += rest
    if !literal.isEmpty { parts.append(.text(literal)) }
    return parts
  }
}

/// The regions text flows through on a page, in reading order, and what is drawn behind them.
///
/// Text is set at the width of the narrowest region of the document, so that a paragraph
/// moving from one region to the next needs no new line breaks; a wider region holds it at
/// its left edge.
public struct PageTemplate: Sendable, Hashable {
  /// Rectangles in page coordinates.
  public var regions: [Rect]
  /// Shapes drawn first on the page (backgrounds, crop marks), outside the structure tree
  /// when their alternative text is empty.
  public var decorations: [Decoration]
  /// Where each region comes in the document's reading order, when that is not the flow's
  /// (a folded brochure is read cover, inside panels, back): one rank per region, read
  /// lowest first across all pages. Empty: in the order of the flow.
  public var readingRanks: [Int]

  public init(regions: [Rect], decorations: [Decoration] = [], readingRanks: [Int] = []) {
    self.regions = regions
    self.decorations = decorations
    self.readingRanks = readingRanks
  }

  /// `count` equal columns across `body`, `gap` apart.
  public static func columns(_ count: Int, gap: Double, in body: Rect) -> PageTemplate {
    let count = max(1, count)
    let width = (body.width - gap * Double(count - 1)) / Double(count)
    let regions = (0..<count).map { index in
      Rect(x: body.x + Double(index) * (width + gap), y: body.y, width: width, height: body.height)
    }
    return PageTemplate(regions: regions)
  }
}

/// A drawing placed at a fixed spot of a page.
public struct Decoration: Sendable, Hashable {
  public var drawing: Drawing
  public var rect: Rect

  public init(_ drawing: Drawing, in rect: Rect) {
    self.drawing = drawing
    self.rect = rect
  }
}
