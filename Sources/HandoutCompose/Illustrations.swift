import HandoutCatalog
import HandoutLayout

extension Composer {
  /// The catalogue's teaching drawing of an exercise, `width` points wide (half as tall), or
  /// nil: the SVG file of that name in the catalogue's `Resources/illustrations/`, drawn in one
  /// style by `scripts/draw-illustrations` (start position in grey, end in teal, a motion arrow).
  /// The drawing was decoded once into the document's asset table by the engine
  /// (``Assets/illustrations``); an id the engine did not load gives no drawing.
  func illustration(_ id: String?, alternativeText: String, width: Double) -> Block? {
    guard let id, let asset = assets.illustrations[id] else { return nil }
    return .image(Image(asset: asset, width: width, height: width / 2, alternativeText: alternativeText, spaceAfter: 2))
  }
}
