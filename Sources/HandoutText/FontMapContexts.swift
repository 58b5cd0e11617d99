import CPango
import CPangoFc

/// A Pango font map over one fontconfig configuration, with the two contexts layouts are made in.
///
/// Owns the map, the configuration and the contexts, and lets go of them in `deinit`.
final class FontMapContexts {
  let fontMap: UnsafeMutablePointer<PangoFontMap>
  let config: OpaquePointer?
  /// The contexts layouts are made in: one per base direction. A context is never changed
  /// after use, since Pango would then lay out again every layout made in it.
  let leftToRight: OpaquePointer
  let rightToLeft: OpaquePointer

  /// A font map over `config`, whose reference it takes.
  init(config: OpaquePointer?) {
    self.config = config
    fontMap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)
    pango_fc_font_map_set_config(OpaquePointer(fontMap), config)
    pango_cairo_font_map_set_resolution(OpaquePointer(fontMap), 72)
    leftToRight = FontMapContexts.makeContext(fontMap, direction: PANGO_DIRECTION_LTR)
    rightToLeft = FontMapContexts.makeContext(fontMap, direction: PANGO_DIRECTION_RTL)
  }

  /// The context for text in `language`.
  func context(language: String) -> OpaquePointer {
    isRightToLeft(language) ? rightToLeft : leftToRight
  }

  /// A context with resolution-independent metrics: 72 dpi, no hinting, unrounded positions.
  private static func makeContext(_ fontMap: UnsafeMutablePointer<PangoFontMap>, direction: PangoDirection) -> OpaquePointer {
    let context = pango_font_map_create_context(fontMap)!
    pango_cairo_context_set_resolution(context, 72)
    let options = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    pango_cairo_context_set_font_options(context, options)
    cairo_font_options_destroy(options)
    pango_context_set_round_glyph_positions(context, 0)
    pango_context_set_base_dir(context, direction)
    return context
  }

  deinit {
    releaseObject(leftToRight)
    releaseObject(rightToLeft)
    releaseObject(fontMap)
    if let config { FcConfigDestroy(config) }
  }
}
