/// Options that change how a document is laid out.
public struct LayoutOptions: Sendable {
  /// Outline every region and block with hairlines, to see why something moved.
  public var showsDebugOutlines: Bool

  public init(showsDebugOutlines: Bool = false) {
    self.showsDebugOutlines = showsDebugOutlines
  }
}

/// Lays a document out into pages: collect → distribute → compose → finalize, each once.
public func layout(
  _ document: Document, textSystem: any TextSystem, options: LayoutOptions = LayoutOptions()
) -> [Page] {
  let body = document.page.body
  let templates = document.page.effectiveTemplates.map { template in
    template.regions.isEmpty
      ? PageTemplate(regions: [body], decorations: template.decorations, readingRanks: template.readingRanks) : template
  }
  let regions = templates.flatMap(\.regions)
  let measure = regions.map(\.width).min() ?? body.width
  let regionHeight = regions.map(\.height).min() ?? body.height
  let flow = collect(
    document.blocks, width: measure, regionHeight: regionHeight, textSystem: textSystem, images: document.assets)
  let fragments = distribute(
    flow, regionHeights: templates.map { $0.regions.map(\.height) }, showsDebugOutlines: options.showsDebugOutlines)
  let pageCount = (fragments.map(\.page).max() ?? 0) + 1
  var pages = (0..<pageCount).map { index in
    let template = templates[min(index, templates.count - 1)]
    var items: [FrameItem] = template.decorations.map { .drawing($0.drawing, in: $0.rect) }
    for fragment in fragments where fragment.page == index {
      let region = template.regions[fragment.region]
      let composed = composeRegion(
        fragment.items[...], containers: flow.containers, showsDebugOutlines: options.showsDebugOutlines)
      items += composed.items.map { $0.offsetBy(dx: region.x, dy: region.y) }
    }
    if options.showsDebugOutlines {
      items += template.regions.enumerated().map { .debugOutline($1, label: "region \($0 + 1)") }
    }
    return Page(
      size: document.page.size, body: body, items: items, trimBox: document.page.trimBox,
      bleedBox: document.page.bleedBox,
      readingRegions: zip(template.regions, template.readingRanks).map { ReadingRegion($0, rank: $1) })
  }
  if pages.isEmpty { pages = [Page(size: document.page.size, body: body, items: [])] }
  return finalize(pages, header: document.header, footer: document.footer, textSystem: textSystem)
}
