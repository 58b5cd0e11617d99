import CCairo
import HandoutLayout

/// The Cairo fonts of one render, made from the document's font table when a run first needs
/// them: a FreeType face from the file named there, with the options the shaper had.
///
/// Cairo keeps one FreeType face per file and index, and hands out the same font face for the
/// same options, so a face opened here is the one Pango (and librsvg's text) opened.
final class FontFaces {
  private let table: FontTable
  private let options: OpaquePointer?
  private var faces: [FontID: OpaquePointer?] = [:]
  private var scaled: [ScaledKey: OpaquePointer?] = [:]
  /// The faces that could not be loaded, with Cairo's reason: their runs are not drawn, and
  /// the render fails.
  private(set) var failures: [String] = []

  private struct ScaledKey: Hashable {
    var font: FontID
    var size: Double
  }

  init(_ table: FontTable) {
    self.table = table
    // The shaper's metrics: unhinted outlines and unrounded advances, at any resolution.
    options = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
  }

  deinit {
    for font in scaled.values { cairo_scaled_font_destroy(font) }
    for face in faces.values { cairo_font_face_destroy(face) }
    cairo_font_options_destroy(options)
  }

  /// The scaled font for a run, or `nil` when the table has no such face or Cairo cannot load it.
  func scaledFont(for run: GlyphRun) -> OpaquePointer? {
    let key = ScaledKey(font: run.font, size: run.size)
    if let known = scaled[key] { return known }
    var font: OpaquePointer?
    if let face = face(run.font), let description = table[run.font] {
      let t = description.transform.count == 4 ? description.transform : [1, 0, 0, 1]
      var matrix = cairo_matrix_t(xx: t[0] * run.size, yx: t[1] * run.size, xy: t[2] * run.size, yy: t[3] * run.size, x0: 0, y0: 0)
      var identity = cairo_matrix_t()
      cairo_matrix_init_identity(&identity)
      font = cairo_scaled_font_create(face, &matrix, &identity, options)
      let status = cairo_scaled_font_status(font)
      if status != CAIRO_STATUS_SUCCESS {
        failures.append("\(description.file) at \(run.size) pt: \(String(cString: cairo_status_to_string(status)))")
        cairo_scaled_font_destroy(font)
        font = nil
      }
    } else if table[run.font] == nil {
      failures.append("font \(run.font.rawValue) is not in the document's font table")
    }
    scaled[key] = font
    return font
  }

  private func face(_ id: FontID) -> OpaquePointer? {
    if let known = faces[id] { return known }
    let face = table[id].flatMap(makeFace)
    faces[id] = face
    return face
  }

  private func makeFace(_ description: FontFace) -> OpaquePointer? {
    guard let pattern = FcNameParse(description.renderingOptions) else {
      failures.append("\(description.file): its rendering options \"\(description.renderingOptions)\" cannot be read")
      return nil
    }
    defer { FcPatternDestroy(pattern) }
    FcPatternDel(pattern, FC_FILE)
    FcPatternDel(pattern, FC_INDEX)
    _ = FcPatternAddString(pattern, FC_FILE, description.file)
    _ = FcPatternAddInteger(pattern, FC_INDEX, Int32(description.index))
    let face = cairo_ft_font_face_create_for_pattern(pattern)
    let status = cairo_font_face_status(face)
    guard status == CAIRO_STATUS_SUCCESS else {
      failures.append("\(description.file): \(String(cString: cairo_status_to_string(status)))")
      cairo_font_face_destroy(face)
      return nil
    }
    return face
  }
}
