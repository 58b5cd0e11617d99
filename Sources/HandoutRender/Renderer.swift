import CCairo
import HandoutDeflate
import HandoutLayout

/// Draws finished pages with Cairo into PDF, PNG or SVG bytes.
///
/// The renderer draws the lines the layout engine placed; it never breaks text again.
public enum Renderer {
  /// One vector PDF holding every page, with links, an outline of the headings and metadata.
  ///
  /// Images the asset table holds undecoded are decoded once, by `decoder`. `layout` is how
  /// the file stores its objects (compact unless a test compares).
  public static func pdf(
    _ document: PagedDocument, decoder: AssetDecoder = AssetDecoder(), layout: PDFLayout = .compact
  ) throws(RenderError) -> [UInt8] {
    let pages = document.pages
    let metadata = document.metadata
    let resources = RenderResources(document, decoder: decoder)
    let sink = ByteSink()
    let first = pages.first?.size ?? PageSetup.letter
    // Cairo's streams stored until the surface is finished: the post-pass compresses them once.
    handout_deflate_set_storing(1)
    defer { handout_deflate_set_storing(0) }
    let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, first.width, first.height)
    try check(cairo_surface_status(surface), "creating the PDF surface")
    cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
    setMetadata(metadata, on: surface)
    let cr = cairo_create(surface)
    var outline = OutlineBuilder(surface: surface)
    var outlineEntries: [(title: String, level: Int, page: Int, point: Point, rank: Int)] = []
    var currentSize = first
    // A tagged PDF: better for screen readers, and cairo 1.16 writes link annotations with
    // correct cross-references only when a structure tree exists.
    var drawer = PageDrawer(cr: cr, isVector: true, isTagged: true, resources: resources)
    drawer.language = metadata.language
    drawer.spannedBlocks = Set(pages.flatMap { page in
      page.items.compactMap { item -> Int? in
        guard case .text(let text) = item, text.role != .artifact, drawer.needsRunTags(text) else { return nil }
        return text.block
      }
    })
    drawer.beginDocument()
    for (index, page) in pages.enumerated() {
      // Only on a change: cairo 1.16 drops /MarkInfo when the first page's size is set again.
      if page.size != currentSize {
        cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
        currentSize = page.size
      }
      for entry in drawer.draw(page) {
        outlineEntries.append((entry.title, entry.level, index + 1, entry.point, page.readingRank(at: entry.point)))
      }
      cairo_show_page(cr)
    }
    drawer.finish()
    // The outline in reading order, as the structure tree: by region rank, then page order.
    for entry in outlineEntries.enumerated().sorted(by: { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }) {
      outline.add(entry.element.title, level: entry.element.level, page: entry.element.page, at: entry.element.point)
    }
    let status = cairo_status(cr)
    cairo_destroy(cr)
    cairo_surface_finish(surface)
    let finishStatus = cairo_surface_status(surface)
    cairo_surface_destroy(surface)
    // Off before the post-pass, which compresses; the defer covers a throw before this point.
    handout_deflate_set_storing(0)
    try check(status, "drawing the PDF")
    try check(finishStatus, "writing the PDF")
    try checkFonts(resources)
    let amendment = PDFAmendment(
      language: metadata.language, structure: drawer.log.entries, pageCount: pages.count,
      pageBoxes: pages.map { page in
        guard let trim = page.trimBox else { return nil }
        let bleed = page.bleedBox ?? trim
        let flip = { (rect: Rect) in (rect.x, page.size.height - rect.maxY, rect.maxX, page.size.height - rect.y) }
        return (flip(trim), flip(bleed))
      }, layout: layout)
    let bytes = try amendment.apply(to: sink.bytes)
    if let problem = LinkAudit.problem(in: bytes, expected: drawer.linkTargets) {
      throw RenderError("checking the PDF's links: \(problem)")
    }
    return bytes
  }

  /// One PNG per page at `dpi` dots per inch, on a white background.
  public static func png(_ document: PagedDocument, dpi: Double, decoder: AssetDecoder = AssetDecoder()) throws(RenderError) -> [[UInt8]] {
    let resources = RenderResources(document, decoder: decoder)
    var result: [[UInt8]] = []
    for page in document.pages {
      let scale = dpi / 72
      let width = Int32((page.size.width * scale).rounded())
      let height = Int32((page.size.height * scale).rounded())
      let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)
      try check(cairo_surface_status(surface), "creating a \(width)×\(height) image")
      let cr = cairo_create(surface)
      cairo_set_source_rgb(cr, 1, 1, 1)
      cairo_paint(cr)
      cairo_scale(cr, scale, scale)
      var drawer = PageDrawer(cr: cr, isVector: false, isTagged: false, resources: resources)
      _ = drawer.draw(page)
      let status = cairo_status(cr)
      cairo_destroy(cr)
      let sink = ByteSink()
      let writeStatus = cairo_surface_write_to_png_stream(surface, ByteSink.write, sink.closure)
      cairo_surface_destroy(surface)
      try check(status, "drawing a page")
      try check(writeStatus, "writing a PNG")
      try checkFonts(resources)
      result.append(sink.bytes)
    }
    return result
  }

  /// One SVG per page; text becomes glyph outlines, so it looks the same everywhere.
  public static func svg(_ document: PagedDocument, decoder: AssetDecoder = AssetDecoder()) throws(RenderError) -> [[UInt8]] {
    let resources = RenderResources(document, decoder: decoder)
    var result: [[UInt8]] = []
    for page in document.pages {
      let sink = ByteSink()
      let surface = cairo_svg_surface_create_for_stream(
        ByteSink.write, sink.closure, page.size.width, page.size.height)
      try check(cairo_surface_status(surface), "creating the SVG surface")
      cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
      let cr = cairo_create(surface)
      var drawer = PageDrawer(cr: cr, isVector: true, isTagged: false, resources: resources)
      _ = drawer.draw(page)
      let status = cairo_status(cr)
      cairo_destroy(cr)
      cairo_surface_finish(surface)
      cairo_surface_destroy(surface)
      try check(status, "drawing the SVG")
      try checkFonts(resources)
      result.append(sink.bytes)
    }
    return result
  }

  private static func setMetadata(_ metadata: Metadata, on surface: OpaquePointer?) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
    if let author = metadata.author {
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author)
    }
    if let subject = metadata.subject {
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject)
    }
    if !metadata.keywords.isEmpty {
      cairo_pdf_surface_set_metadata(
        surface, CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords.joined(separator: ", "))
    }
    if let creator = metadata.creator {
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, creator)
    }
    if let date = metadata.creationDate {
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
    }
  }

  /// Fails when a face of the font table could not be loaded: its text would be missing.
  private static func checkFonts(_ resources: RenderResources) throws(RenderError) {
    if let failure = resources.fonts.failures.first {
      throw RenderError("loading a font for drawing: \(failure)")
    }
  }

  private static func check(_ status: cairo_status_t, _ what: String) throws(RenderError) {
    if status != CAIRO_STATUS_SUCCESS { throw RenderError(what, status: status) }
  }
}

/// Nests PDF outline entries by heading level.
private struct OutlineBuilder {
  let surface: OpaquePointer?
  var parents: [(level: Int, id: Int32)] = []

  init(surface: OpaquePointer?) {
    self.surface = surface
  }

  mutating func add(_ title: String, level: Int, page: Int, at point: Point) {
    while let last = parents.last, last.level >= level { parents.removeLast() }
    let parent = parents.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
    let destination = "page=\(page) pos=[\(format(point.x)) \(format(point.y))]"
    let id = cairo_pdf_surface_add_outline(
      surface, parent, title, destination, cairo_pdf_outline_flags_t(0))
    parents.append((level, id))
  }
}

/// A number as Cairo's attribute parser reads it.
func format(_ value: Double) -> String {
  let rounded = (value * 100).rounded() / 100
  return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}
