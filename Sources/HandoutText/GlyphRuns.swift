import CPango
import CPangoFc
import HandoutLayout

/// Pango's glyph for a character that takes space and draws nothing.
private let emptyGlyph: UInt32 = 0x0FFF_FFFF
/// The bit Pango sets on a glyph no font could provide; the rest is the character.
private let unknownGlyphFlag: UInt32 = 0x1000_0000

extension PangoTextSystem {
  /// The glyph runs of one laid-out line, as plain values, positioned as
  /// `pango_cairo_show_layout_line` would draw them.
  ///
  /// - Parameter text: the layout's text, which the runs' offsets index.
  func glyphRuns(
    of line: UnsafeMutablePointer<PangoLayoutLine>, text: UnsafePointer<CChar>, bytes: [UInt8]
  ) -> [GlyphRun] {
    var runs: [GlyphRun] = []
    var penX: Int32 = 0
    var node = line.pointee.runs
    while let current = node {
      node = current.pointee.next
      guard let run = current.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self),
        let item = run.pointee.item, let glyphString = run.pointee.glyphs
      else { continue }
      penX += run.pointee.start_x_offset
      let analysis = item.pointee.analysis
      let font = analysis.font.map { fontRegistry.entry(for: $0) }
      var glyphs: [Glyph] = []
      glyphs.reserveCapacity(Int(glyphString.pointee.num_glyphs))
      var missing = 0
      for index in 0..<Int(glyphString.pointee.num_glyphs) {
        let info = glyphString.pointee.glyphs[index]
        var id = info.glyph
        if id == emptyGlyph || id == (0x20 | unknownGlyphFlag) {
          id = Glyph.invisible
        } else if id & unknownGlyphFlag != 0 {
          // Drawn as the face's missing-glyph box, as a reader would see a box anyway.
          id = 0
          missing += 1
        }
        glyphs.append(
          Glyph(
            id: id, advance: Double(info.geometry.width) / Double(PANGO_SCALE),
            xOffset: Double(info.geometry.x_offset) / Double(PANGO_SCALE),
            yOffset: Double(info.geometry.y_offset) / Double(PANGO_SCALE)))
      }
      let start = Int(item.pointee.offset)
      let end = start + Int(item.pointee.length)
      let language = analysis.language.flatMap { pango_language_to_string($0) }.map { String(cString: $0) } ?? ""
      runs.append(
        GlyphRun(
          font: font?.id ?? FontID(-1), size: font?.size ?? 0, x: Double(penX) / Double(PANGO_SCALE),
          rise: Double(run.pointee.y_offset) / Double(PANGO_SCALE), glyphs: glyphs,
          text: String(decoding: bytes[start..<end], as: UTF8.self),
          clusters: clusters(of: run, text: text, glyphs: glyphs),
          bidiLevel: Int(analysis.level), color: foreground(of: item) ?? .black,
          language: language, isColorEmoji: font?.isColor ?? false, missingGlyphCount: missing))
      penX += pango_glyph_string_get_width(glyphString) + run.pointee.end_x_offset
    }
    return runs
  }

  /// The run's clusters as `pango_cairo_show_glyph_item` hands them to Cairo; glyphs that
  /// draw nothing are not counted.
  private func clusters(
    of run: UnsafeMutablePointer<PangoGlyphItem>, text: UnsafePointer<CChar>, glyphs: [Glyph]
  ) -> [TextCluster] {
    var clusters: [TextCluster] = []
    var iterator = PangoGlyphItemIter()
    guard pango_glyph_item_iter_init_start(&iterator, run, text) != 0 else { return [] }
    repeat {
      let first = Int(min(iterator.start_glyph, iterator.end_glyph + 1))
      let last = Int(max(iterator.start_glyph + 1, iterator.end_glyph))
      let drawn = (first..<last).reduce(0) { $0 + (glyphs[$1].isDrawn ? 1 : 0) }
      clusters.append(TextCluster(byteCount: Int(iterator.end_index - iterator.start_index), glyphCount: drawn))
    } while pango_glyph_item_iter_next_cluster(&iterator) != 0
    return clusters
  }

  /// The foreground colour Pango's attributes give an item, if any.
  private func foreground(of item: UnsafeMutablePointer<PangoItem>) -> Color? {
    var color: Color?
    var node = item.pointee.analysis.extra_attrs
    while let current = node {
      if let attribute = current.pointee.data?.assumingMemoryBound(to: PangoAttribute.self),
        attribute.pointee.klass.pointee.type == PANGO_ATTR_FOREGROUND
      {
        let value = UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: PangoAttrColor.self).pointee.color
        color = Color(red: Double(value.red) / 65535, green: Double(value.green) / 65535, blue: Double(value.blue) / 65535)
      }
      node = current.pointee.next
    }
    return color
  }
}
