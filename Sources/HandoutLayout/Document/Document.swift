/// A document ready for layout: page set-up, metadata and a tree of blocks.
public struct Document: Sendable {
  public var metadata: Metadata
  public var page: PageSetup
  /// Running text placed in the top margin of every page.
  public var header: RunningText?
  /// Running text placed in the bottom margin of every page.
  public var footer: RunningText?
  public var blocks: [Block]

  public init(
    metadata: Metadata, page: PageSetup, header: RunningText? = nil, footer: RunningText? = nil,
    blocks: [Block]
  ) {
    self.metadata = metadata
    self.page = page
    self.header = header
    self.footer = footer
    self.blocks = blocks
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

  public init(size: Size, margins: EdgeInsets) {
    self.size = size
    self.margins = margins
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

/// Text repeated on every page, with `{page}` and `{pages}` filled in by ``finalize``.
public struct RunningText: Sendable, Hashable {
  public var leading: String
  public var trailing: String
  public var style: TextStyle
  /// A rule drawn between the running text and the body.
  public var rule: Color?

  public init(leading: String, trailing: String, style: TextStyle, rule: Color? = nil) {
    self.leading = leading
    self.trailing = trailing
    self.style = style
    self.rule = rule
  }
}
