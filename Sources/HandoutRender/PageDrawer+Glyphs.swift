import CCairo
import HandoutLayout

/// How much finer than the page colour emoji are drawn on vector targets: 8 × 72 = 576 ppi.
private let emojiOversampling = 8.0

extension PageDrawer {
  /// Draws a line's glyph runs. On vector targets a linked run is wrapped in a link tag, and in
  /// a tagged PDF a run that needs tags of its own (an emoji, text in another script) in a span.
  ///
  /// Cairo 1.16 writes broken cross-references for links given only a `rect` attribute, so
  /// links always enclose the glyphs they cover, and the annotation takes their extents.
  mutating func drawText(_ item: TextItem) {
    let hasLinks = isVector && !item.line.links.isEmpty
    let byRun = isVector && (hasLinks || needsRunTags(item))
    let origin = snapped(item.origin)
    // Tagged run by run, runs are drawn (and so read) in logical order; each is drawn at its
    // own place, so the page looks the same.
    let runs = byRun ? GlyphRun.inLogicalOrder(item.line.runs) : item.line.runs
    for run in runs {
      let middle = run.x + run.width / 2
      let link = hasLinks ? item.line.links.first { middle >= $0.x && middle <= $0.x + $0.width } : nil
      let tag = byRun ? beginRunTag(link: link?.uri, run: run, role: item.role) : nil
      // A line drawn run by run is drawn from each run's own point, a line without from the
      // line's: the positions, and so the bytes, of what Pango drew.
      let start = byRun ? snapped(Point(x: item.origin.x + run.x, y: item.origin.y)) : origin
      draw(run, at: Point(x: start.x + (byRun ? 0 : run.x), y: start.y - run.rise))
      if let tag { cairo_tag_end(cr, tag) }
    }
  }

  /// Tags one run of a line drawn run by run: a link; or a span, with `/Lang` for text in
  /// another script than the document's and `/ActualText` for emoji (drawn as pictures).
  /// Returns the tag.
  /// Artifacts and a figure's labels get no tags of their own: they sit in one marked-content
  /// sequence, which tags inside would leave unmarked.
  private mutating func beginRunTag(link uri: String?, run: GlyphRun, role: Role) -> String? {
    if let uri {
      // Percent-encoded: no byte of a plan's address can end the PDF string (LinkURI).
      let target = LinkURI.encoded(uri)
      linkTargets.insert(target)
      cairo_tag_begin(cr, CAIRO_TAG_LINK, "uri='\(target)'")
      if isTagged { log.record(.init(tag: CAIRO_TAG_LINK)) }
      return CAIRO_TAG_LINK
    }
    guard isTagged, role != .artifact, role != .figureLabel else { return nil }
    var entry = StructureLog.Entry(tag: "Span")
    let kind = RunKind(run, documentLanguage: language)
    entry.language = kind.language
    if kind.needsActualText { entry.actualText = run.text }
    log.begin(cr, entry)
    return "Span"
  }

  /// Whether a line is drawn run by run for its tags: it has a link, an emoji or text in
  /// another script than the document's.
  func needsRunTags(_ item: TextItem) -> Bool {
    guard isTagged, item.role != .artifact, item.role != .figureLabel else { return false }
    if !item.line.links.isEmpty { return true }
    return item.line.runs.contains { run in
      let kind = RunKind(run, documentLanguage: language)
      return kind.language != nil || kind.needsActualText
    }
  }

  /// A point as Cairo keeps a current point, in 24.8 fixed point on the device.
  private func snapped(_ point: Point) -> Point {
    var x = point.x
    var y = point.y
    cairo_move_to(cr, x, y)
    cairo_get_current_point(cr, &x, &y)
    cairo_new_path(cr)
    return Point(x: x, y: y)
  }

  /// Draws a run whose pen starts at `origin`, with its text and clusters, so copied text
  /// comes out as it was written.
  private func draw(_ run: GlyphRun, at origin: Point) {
    guard let font = resources.fonts.scaledFont(for: run) else { return }
    var glyphs: [cairo_glyph_t] = []
    glyphs.reserveCapacity(run.glyphs.count)
    var pen = 0.0
    for glyph in run.glyphs {
      if glyph.isDrawn {
        glyphs.append(
          cairo_glyph_t(
            index: UInt(glyph.id), x: origin.x + (pen + glyph.xOffset),
            y: glyph.yOffset == 0 ? origin.y : origin.y + glyph.yOffset))
      }
      pen += glyph.advance
    }
    guard !glyphs.isEmpty else { return }
    cairo_save(cr)
    cairo_set_scaled_font(cr, font)
    setColor(run.color)
    if run.isColorEmoji, isVector {
      drawSharpBitmap(glyphs, font: font)
    } else {
      var clusters = run.clusters.map { cairo_text_cluster_t(num_bytes: Int32($0.byteCount), num_glyphs: Int32($0.glyphCount)) }
      let flags = run.hasBackwardClusters ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0)
      var text = Self.copiedText(of: run)
      text.withUTF8 { utf8 in
        utf8.withMemoryRebound(to: CChar.self) { bytes in
          cairo_show_text_glyphs(
            cr, bytes.baseAddress, Int32(bytes.count), &glyphs, Int32(glyphs.count), &clusters,
            Int32(clusters.count), flags)
        }
      }
    }
    cairo_restore(cr)
  }

  /// The text Cairo maps a run's glyphs to: the run's own, except that in right-to-left text a
  /// ligature (one glyph for several letters, such as lam with alef maksura "لى") has its
  /// letters in the order they are drawn, right to left.
  ///
  /// Poppler (pdftotext, and copying in Evince and Okular) lays the characters of one glyph
  /// out from left to right and then reverses right-to-left text, so a ligature's letters in
  /// logical order come out reversed ("ليىل" for "ليلى"); xpdf reverses such ligatures
  /// itself, Poppler does not. Each cluster keeps its bytes, so the cluster map is unchanged.
  static func copiedText(of run: GlyphRun) -> String {
    guard run.hasBackwardClusters else { return run.text }
    var utf8 = Array(run.text.utf8)
    var start = 0
    var changed = false
    for cluster in run.clusters {
      let end = start + cluster.byteCount
      guard end <= utf8.count else { return run.text }
      if cluster.glyphCount == 1, cluster.byteCount > 2 {
        let scalars = Array(String(decoding: utf8[start..<end], as: UTF8.self).unicodeScalars)
        if scalars.count > 1, scalars.allSatisfy(isRightToLeftLetter) {
          utf8.replaceSubrange(start..<end, with: Array(String(String.UnicodeScalarView(scalars.reversed())).utf8))
          changed = true
        }
      }
      start = end
    }
    return changed ? String(decoding: utf8, as: UTF8.self) : run.text
  }

  /// A letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
  /// presentation forms); not a mark or a digit, which Poppler does not reverse.
  static func isRightToLeftLetter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF:
      switch scalar.properties.generalCategory {
      case .otherLetter, .modifierLetter, .uppercaseLetter, .lowercaseLetter: return true
      default: return false
      }
    default: return false
    }
  }

  /// Draws colour glyphs as images eight times finer than the page, scaled down: Cairo 1.16
  /// would put them into a PDF or SVG as 72 ppi bitmaps, blurred in print.
  ///
  /// Each glyph of a font is drawn into its image once per document, and every use of it
  /// paints that image: Cairo writes one image per surface, so a plan full of emoji costs
  /// memory and bytes by the emoji it uses, not by how often (3,750 of one emoji had taken
  /// 424 MB, an image per run).
  private func drawSharpBitmap(_ glyphs: [cairo_glyph_t], font: OpaquePointer?) {
    for glyph in glyphs {
      guard let image = emojiImages.image(of: glyph.index, in: font) else { continue }
      cairo_save(cr)
      cairo_translate(cr, glyph.x + image.left, glyph.y + image.top)
      cairo_scale(cr, 1 / emojiOversampling, 1 / emojiOversampling)
      cairo_set_source_surface(cr, image.surface, 0, 0)
      cairo_paint(cr)
      cairo_restore(cr)
    }
  }
}

/// The colour glyphs a document has drawn, each as an image eight times finer than the page,
/// placed relative to the glyph's origin.
final class EmojiImages {
  struct Image {
    let surface: OpaquePointer
    /// Where the image's top left corner is, from the glyph's origin, in points.
    let left: Double
    let top: Double
  }

  private struct Key: Hashable {
    let font: Int
    let glyph: UInt
  }

  private var images: [Key: Image?] = [:]

  /// The image of `glyph` in `font`, drawn the first time it is asked for; nil for a glyph
  /// with no ink.
  func image(of glyph: UInt, in font: OpaquePointer?) -> Image? {
    let key = Key(font: Int(bitPattern: font), glyph: glyph)
    if let known = images[key] { return known }
    var origin = cairo_glyph_t(index: glyph, x: 0, y: 0)
    var extents = cairo_text_extents_t()
    cairo_scaled_font_glyph_extents(font, &origin, 1, &extents)
    let left = extents.x_bearing.rounded(.down)
    let top = extents.y_bearing.rounded(.down)
    let width = (extents.x_bearing + extents.width).rounded(.up) - left
    let height = (extents.y_bearing + extents.height).rounded(.up) - top
    var image: Image?
    if width > 0, height > 0, let surface = cairo_image_surface_create(
      CAIRO_FORMAT_ARGB32, Int32(width * emojiOversampling), Int32(height * emojiOversampling))
    {
      let bitmap = cairo_create(surface)
      cairo_scale(bitmap, emojiOversampling, emojiOversampling)
      cairo_translate(bitmap, -left, -top)
      cairo_set_scaled_font(bitmap, font)
      cairo_show_glyphs(bitmap, &origin, 1)
      cairo_destroy(bitmap)
      image = Image(surface: surface, left: left, top: top)
    }
    images[key] = image
    return image
  }

  deinit {
    for case let image? in images.values { cairo_surface_destroy(image.surface) }
  }
}
