import CPango
import CPangoFc
import Foundation
import HandoutLayout

/// The faces a text system's glyph runs refer to: each Pango font it has shaped with, read
/// once into a ``FontFace`` of the font table.
///
/// Holds a reference on each Pango font it has seen, so that a font's address never comes to
/// mean another font.
final class FontRegistry {
  private(set) var table = FontTable()
  private var known: [UnsafeMutableRawPointer: Entry] = [:]

  /// What a run needs to know of its font.
  struct Entry {
    var id: FontID
    var size: Double
    var isColor: Bool
  }

  deinit {
    release()
  }

  /// Lets go of the Pango fonts, before their font map goes; the table stays.
  func release() {
    for font in known.keys { g_object_unref(font) }
    known.removeAll()
  }

  /// The entry for a Pango font, read from its fontconfig pattern the first time.
  func entry(for font: UnsafeMutablePointer<PangoFont>) -> Entry {
    let key = UnsafeMutableRawPointer(font)
    if let entry = known[key] { return entry }
    let pattern = pango_fc_font_get_pattern(UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self))
    let description = pango_font_describe_with_absolute_size(font)
    let size = Double(pango_font_description_get_size(description)) / Double(PANGO_SCALE)
    pango_font_description_free(description)
    var matrix = cairo_matrix_t()
    cairo_scaled_font_get_font_matrix(pango_cairo_font_get_scaled_font(OpaquePointer(font)), &matrix)
    let perPoint = { (value: Double) in size > 0 ? (value / size * 1e9).rounded() / 1e9 : value }
    var isColor: FcBool = 0
    let face = FontFace(
      file: string(pattern, FC_FILE) ?? "", index: integer(pattern, FC_INDEX) ?? 0,
      name: [string(pattern, FC_FAMILY), string(pattern, FC_STYLE)].compactMap { $0 }.joined(separator: " "),
      renderingOptions: renderingOptions(pattern),
      transform: [matrix.xx, matrix.yx, matrix.xy, matrix.yy].map(perPoint),
      isColor: FcPatternGetBool(pattern, FC_COLOR, 0, &isColor) == FcResultMatch && isColor != 0)
    let entry = Entry(id: table.id(of: face), size: size, isColor: face.isColor)
    g_object_ref(key)
    known[key] = entry
    return entry
  }

  /// The properties of `pattern` that decide how Cairo loads and draws the face, in
  /// fontconfig's text form: with the same options Cairo hands out the same face, whose
  /// subset the PDF then shares with text that librsvg sets through Pango.
  private func renderingOptions(_ pattern: OpaquePointer?) -> String {
    let objects = FcObjectSetCreate()
    defer { FcObjectSetDestroy(objects) }
    for name in [
      FC_ANTIALIAS, FC_HINTING, FC_HINT_STYLE, FC_RGBA, FC_LCD_FILTER, FC_AUTOHINT, FC_VERTICAL_LAYOUT,
      FC_EMBOLDEN, FC_EMBEDDED_BITMAP, FC_FONT_VARIATIONS,
    ] {
      _ = FcObjectSetAdd(objects, name)
    }
    guard let filtered = FcPatternFilter(pattern, objects) else { return "" }
    defer { FcPatternDestroy(filtered) }
    guard let text = FcNameUnparse(filtered) else { return "" }
    defer { free(text) }
    return String(cString: text)
  }

  private func string(_ pattern: OpaquePointer?, _ object: String) -> String? {
    var value: UnsafeMutablePointer<FcChar8>?
    guard FcPatternGetString(pattern, object, 0, &value) == FcResultMatch, let value else { return nil }
    return String(cString: value)
  }

  private func integer(_ pattern: OpaquePointer?, _ object: String) -> Int? {
    var value: Int32 = 0
    return FcPatternGetInteger(pattern, object, 0, &value) == FcResultMatch ? Int(value) : nil
  }
}
