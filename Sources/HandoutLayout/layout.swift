/// Options that change how a document is laid out.
public struct LayoutOptions: Sendable {
  /// Outline every region and block with hairlines, to see why something moved.
  public var showsDebugOutlines: Bool

  public init(showsDebugOutlines: Bool = false) {
    self.showsDebugOutlines = showsDebugOutlines
  }
}

/// Lays a document out into pages: collect → paginate → stack → finalize, each once.
public func layout(
  _ document: Document, textSystem: any TextSystem, options: LayoutOptions = LayoutOptions()
) -> [Page] {
  let body = document.page.body
  let templates = document.page.effectiveTemplates.map { template in
    template.regions.isEmpty ? PageTemplate(regions: [body], decorations: template.decorations) : template
  }
  let regions = templates.flatMap(\.regions)
  let measure = regions.map(\.width).min() ?? body.width
  let regionHeight = regions.map(\.height).min() ?? body.height
  var collector = Collector(textSystem: textSystem, images: document.assets, regionHeight: regionHeight)
  var flow: [FlowItem] = []
  collector.collect(document.blocks, x: 0, width: measure, into: &flow)
  var paginator = Paginator(
    flow, regionHeights: templates.map { $0.regions.map(\.height) }, headers: collector.tableHeaders,
    containers: collector.containers, showsDebugOutlines: options.showsDebugOutlines)
  let slices = paginator.paginate()
  let pageCount = (slices.map(\.page).max() ?? 0) + 1
  var pages = (0..<pageCount).map { index in
    let template = templates[min(index, templates.count - 1)]
    var items: [FrameItem] = template.decorations.map { .drawing($0.drawing, in: $0.rect) }
    for slice in slices where slice.page == index {
      let region = template.regions[slice.region]
      items += paginator.stack(slice).items.map { $0.offsetBy(dx: region.x, dy: region.y) }
    }
    if options.showsDebugOutlines {
      items += template.regions.enumerated().map { .debugOutline($1, label: "region \($0 + 1)") }
    }
    return Page(
      size: document.page.size, body: body, items: items, trimBox: document.page.trimBox,
      bleedBox: document.page.bleedBox)
  }
  if pages.isEmpty { pages = [Page(size: document.page.size, body: body, items: [])] }
  return finalize(pages, header: document.header, footer: document.footer, textSystem: textSystem)
}
