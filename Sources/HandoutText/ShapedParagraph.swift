import CCairo

/// A Pango layout kept alive for drawing its lines; the owner of a ``ShapedLine``'s handle.
public final class ShapedParagraph {
  /// The Pango layout; valid for the lifetime of this object.
  public let layout: OpaquePointer

  init(layout: OpaquePointer) {
    self.layout = layout
  }

  deinit {
    releaseObject(layout)
  }

  /// How many characters no loaded font could draw (they would show as boxes).
  public var unknownGlyphCount: Int {
    Int(pango_layout_get_unknown_glyphs_count(layout))
  }

  /// The byte offset where each line starts; changes if Pango ever lays the text out again.
  public var lineStarts: [Int] {
    (0..<Int(pango_layout_get_line_count(layout))).map {
      Int(pango_layout_get_line_readonly(layout, Int32($0))!.pointee.start_index)
    }
  }

  /// The Pango line at `index`, for `pango_cairo_show_layout_line`.
  public func line(at index: Int) -> UnsafeMutablePointer<PangoLayoutLine>? {
    pango_layout_get_line_readonly(layout, Int32(index))
  }
}
