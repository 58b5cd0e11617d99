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

  /// The Pango line at `index`, for `pango_cairo_show_layout_line`.
  public func line(at index: Int) -> UnsafeMutablePointer<PangoLayoutLine>? {
    pango_layout_get_line_readonly(layout, Int32(index))
  }
}
