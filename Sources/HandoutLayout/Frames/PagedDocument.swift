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
}

/// Lays a document out into pages and gathers the font and asset tables their items use.
public func layOutDocument(
  _ document: Document, textSystem: any TextSystem, options: LayoutOptions = LayoutOptions()
) -> PagedDocument {
  let pages = layout(document, textSystem: textSystem, options: options)
  return PagedDocument(metadata: document.metadata, pages: pages, fonts: textSystem.fonts, assets: document.assets)
}
