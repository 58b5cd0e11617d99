import CCairo
import HandoutLayout

extension PageDrawer {
  /// Draws an image of the asset table, clipped to `rect`, from the form it was decoded into.
  func drawImage(_ image: Image, in rect: Rect) {
    guard let asset = resources.assets[image.asset] else { return }
    cairo_save(cr)
    cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
    cairo_clip(cr)
    switch (asset.format, resources.decoded(image.asset)) {
    case (.svg, let svg as DecodedSVG):
      svg.draw(on: cr, in: rect)
    case (.png, let png as DecodedPNG):
      png.withSurface { paint($0, width: asset.size.width, height: asset.size.height, in: rect) }
    case (.jpeg, _):
      // The JPEG bytes go into the PDF untouched (DCTDecode); Cairo cannot decode them for
      // raster output, where a neutral placeholder stands in.
      let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(asset.size.width), Int32(asset.size.height))
      let target = cairo_get_target(cr)
      if isVector, cairo_surface_supports_mime_type(target, CAIRO_MIME_TYPE_JPEG) != 0 {
        let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: asset.data.count)
        copy.initialize(from: asset.data, count: asset.data.count)
        cairo_surface_set_mime_data(
          surface, CAIRO_MIME_TYPE_JPEG, copy, UInt(asset.data.count),
          { UnsafeMutableRawPointer($0)?.deallocate() }, copy)
      } else {
        let fill = cairo_create(surface)
        cairo_set_source_rgb(fill, 0.9, 0.9, 0.9)
        cairo_paint(fill)
        cairo_destroy(fill)
      }
      paint(surface, width: asset.size.width, height: asset.size.height, in: rect)
      cairo_surface_destroy(surface)
    default:
      break
    }
    cairo_restore(cr)
  }

  private func paint(_ surface: OpaquePointer?, width: Double, height: Double, in rect: Rect) {
    guard width > 0, height > 0 else { return }
    cairo_save(cr)
    cairo_translate(cr, rect.x, rect.y)
    cairo_scale(cr, rect.width / width, rect.height / height)
    cairo_set_source_surface(cr, surface, 0, 0)
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
    cairo_paint(cr)
    cairo_restore(cr)
  }
}
