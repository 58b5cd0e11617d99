/// A document laid out into pages: the pages' frames and the tables their items refer to.
///
/// A plain value, safe to share between threads: the renderer draws it without asking the
/// shaper or an image decoder anything, and the same value can be drawn as PDF, PNG and SVG.
public struct PagedDocument: Sendable {
  public var metadata: Metadata
  public var pages: [Page]
  /// The faces the glyph runs use.
  public var fonts: FontTable
  /// The images the pages show.
  public var assets: AssetTable

  public init(metadata: Metadata, pages: [Page], fonts: FontTable, assets: AssetTable) {
    self.metadata = metadata
    self.pages = pages
    self.fonts = fonts
    self.assets = assets
  }

  /// The figures (images and drawings with alternative text), page by page in reading order.
  public var figures: [Figure] {
    pages.enumerated().flatMap { index, page in
      page.items.compactMap { item in item.figureAlternativeText.map { Figure(page: index, alternativeText: $0) } }
    }
  }
}

/// A figure on a page, read out by its alternative text.
public struct Figure: Sendable, Hashable {
  /// The page's index, from 0.
  public var page: Int
  public var alternativeText: String

  public init(page: Int, alternativeText: String) {
    self.page = page
    self.alternativeText = alternativeText
  }
}

extension FrameItem {
  /// The alternative text of an image or drawing read as a figure; `nil` for decoration and
  /// for everything else.
  public var figureAlternativeText: String? {
    switch self {
    case .image(let image, _) where !image.alternativeText.isEmpty: image.alternativeText
    case .drawing(let drawing, _) where !drawing.alternativeText.isEmpty: drawing.alternativeText
    default: nil
    }
  }
}

/// Lays a document out into pages and gathers the font and asset tables their items use.
public func layOutDocument(
  _ document: Document, textSystem: any TextSystem, options: LayoutOptions = LayoutOptions()
) -> PagedDocument {
  let pages = layout(document, textSystem: textSystem, options: options)
  return PagedDocument(metadata: document.metadata, pages: pages, fonts: textSystem.fonts, assets: document.assets)
}
