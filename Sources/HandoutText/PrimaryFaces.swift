import CPango
import CPangoFc
import HandoutLayout

/// A font map holding only the faces every family list starts with (Noto Sans and the emoji
/// face), for text that needs no other: its fontsets are sorted over a handful of faces instead
/// of some thirty (the CJK collections above all), which spares most of fontconfig's work of a
/// cold start (about 40 million instructions in `FcFontSetSort`, one sort per size and weight).
///
/// Text it sets is set exactly as the map with every face sets it: Pango takes each character
/// from the first face of the sorted list that has it, and these faces come first in that list,
/// in the same order. So a text goes to this map only when each of its characters, and each of
/// its language's sample text (from which Pango takes a font's ascent and descent), is in one
/// of these faces, and when its family is one whose list starts with them.
final class PrimaryFaces {
  let contexts: FontMapContexts
  /// Every character of the faces, merged.
  private let coverage: OpaquePointer
  /// Whether each language's sample text is covered, by language.
  private var samples: [String: Bool] = [:]

  /// The families whose fallback list starts with these faces.
  static let families: Set<String> = ["", "Noto Sans"]

  /// A map over the primary faces of `fonts`, or `nil` when the library has none or holds
  /// faces of its own (a `--font-dir`), which could come anywhere in a sorted list.
  init?(fonts: FontLibrary) {
    guard let primary = fonts.primary, let config = primary.makeConfiguration() else { return nil }
    guard let coverage = FcCharSetCreate() else {
      FcConfigDestroy(config)
      return nil
    }
    if let set = FcConfigGetFonts(config, FcSetApplication) {
      for index in 0..<Int(set.pointee.nfont) {
        var characters: OpaquePointer?
        if FcPatternGetCharSet(set.pointee.fonts[index], FC_CHARSET, 0, &characters) == FcResultMatch {
          _ = FcCharSetMerge(coverage, characters, nil)
        }
      }
    }
    // The fast path of `covers` takes printable ASCII as covered.
    guard (0x20..<0x7F).allSatisfy({ FcCharSetHasChar(coverage, $0) != 0 }) else {
      FcCharSetDestroy(coverage)
      FcConfigDestroy(config)
      return nil
    }
    self.coverage = coverage
    contexts = FontMapContexts(config: config)
  }

  deinit {
    FcCharSetDestroy(coverage)
  }

  /// Whether text in `style` is set by these faces alone whatever its characters: its family's
  /// list starts with them and its language's sample text is in them.
  func sets(_ style: TextStyle) -> Bool {
    guard PrimaryFaces.families.contains(style.family) else { return false }
    if let known = samples[style.language] { return known }
    let sample = pango_language_get_sample_string(pango_language_from_string(style.language))
    let covered = sample.map { covers(String(cString: $0)) } ?? false
    samples[style.language] = covered
    return covered
  }

  /// Whether every character of `text` is in one of these faces.
  func covers(_ text: String) -> Bool {
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value >= 0x20, value < 0x7F { continue }  // printable ASCII: in Noto Sans
      // Tabs and line breaks: Pango chooses no font for a character that draws nothing.
      if value == 0x09 || value == 0x0A || value == 0x0D { continue }
      if FcCharSetHasChar(coverage, value) == 0 { return false }
    }
    return true
  }
}
