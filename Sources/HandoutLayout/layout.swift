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
  _ document: Document, textSystem: any TextSystem, images: any ImageMeasurer,
  options: LayoutOptions = LayoutOptions()
) -> [Page] {
  let body = document.page.body
  var collector = Collector(textSystem: textSystem, images: images, regionHeight: body.height)
  var flow: [FlowItem] = []
  collector.collect(document.blocks, x: 0, width: body.width, into: &flow)
  let headers = collector.tableHeaders
  let headerHeight = { (table: Int) in headers[table].reduce(0) { $0 + $1.height } }
  var pages = paginate(flow, height: body.height, headerHeight: headerHeight).map { slice in
    let repeated = slice.repeatedTable.map { headers[$0] } ?? []
    let stacked = stack(
      (repeated + flow[slice.range])[...], containers: collector.containers,
      showsDebugOutlines: options.showsDebugOutlines)
    var items = stacked.items.map { $0.offsetBy(dx: body.x, dy: body.y) }
    if options.showsDebugOutlines { items.append(.debugOutline(body, label: "page body")) }
    return Page(size: document.page.size, body: body, items: items)
  }
  if pages.isEmpty { pages = [Page(size: document.page.size, body: body, items: [])] }
  return finalize(pages, header: document.header, footer: document.footer, textSystem: textSystem)
}
