import CPango
import CPangoFc
import HandoutLayout
import Synchronization

/// Shapes text with Pango (HarfBuzz shaping, fontconfig fallback, bidi) at 72 dpi with hinting
/// off, so line breaks are the same for PDF, PNG at any resolution, and SVG.
///
/// Each instance owns its own font map: Pango font maps are not safe to share between threads,
/// so make one text system per thread and keep it for many documents. Shaped paragraphs are
/// cached by text, style and width, which makes catalogue text nearly free after its first use.
public final class PangoTextSystem: TextSystem {
  /// Every face of the library: what text is set with unless ``primary`` sets it the same.
  private let faces: FontMapContexts
  /// The faces every family list starts with, for text that needs no others.
  private let primary: PrimaryFaces?
  private var cache: [CacheKey: ShapedText] = [:]
  private var metrics: [MetricsKey: (ascent: Double, descent: Double)] = [:]
  /// Hyphenators by language, `nil` where no dictionary is installed.
  private var hyphenators: [String: Hyphenator?] = [:]
  /// The faces the shaped runs refer to.
  let fontRegistry = FontRegistry()
  /// How many shaped paragraphs the cache keeps before it starts again. Catalogue text, shared
  /// by every plan of a batch, is most of a plan's paragraphs; 1,024 holds those of a few
  /// languages and layouts, and keeps a batch's memory flat (each entry holds a Pango layout:
  /// with 4,096 the peak RSS of a batch still grew past 1,000 plans).
  public var cacheLimit = 1024
  /// How many bytes of text (UTF-8) the cached paragraphs may hold together before the cache
  /// starts again: an entry's memory grows with its text, so a count alone let a long-lived
  /// engine fed long distinct notes grow by about 2.7 MB a plan (found by the fuzzer). 400 KB
  /// hold the catalogue text of several languages many times over.
  public var cacheTextLimit = 400_000
  private var cachedTextBytes = 0

  private struct CacheKey: Hashable {
    var text: StyledText
    var width: Double
  }

  private struct MetricsKey: Hashable {
    var family: String
    var size: Double
    var weight: FontWeight
    var isItalic: Bool
    var language: String
  }

  /// A text system over the given fonts, and no others.
  public convenience init(fonts: FontLibrary) {
    self.init(fonts: fonts, usesPrimaryFaces: true)
  }

  /// A text system that sets every text with every face when `usesPrimaryFaces` is false, as
  /// the tests compare.
  init(fonts: FontLibrary, usesPrimaryFaces: Bool) {
    let config = fonts.makeConfiguration()
    PangoTextSystem.pinProcessConfiguration(config)
    faces = FontMapContexts(config: config)
    primary = usesPrimaryFaces ? PrimaryFaces(fonts: fonts) : nil
    // librsvg sets the text of SVG logos with the thread's default font map. Making it the one
    // with every face pins the logos' fonts too (whatever their family and characters), and
    // spares loading the system's whole fontconfig setup (about a tenth of a cold start). The
    // default is per thread, as is an engine.
    pango_cairo_font_map_set_default(OpaquePointer(faces.fontMap))
  }

  /// Makes the first engine's configuration fontconfig's current one, before the first font map
  /// exists. Every Pango font map runs `FcInit` on a thread of its own, which loads the
  /// system's whole configuration and font list (about 29 million instructions, 4 ms of a
  /// cold start) unless a current configuration is already set; with ours set, nothing that
  /// asks fontconfig for its default sees fonts other than the pinned ones either.
  private static func pinProcessConfiguration(_ config: OpaquePointer?) {
    guard let config else { return }
    processConfiguration.withLock { pinned in
      guard !pinned else { return }
      pinned = true
      _ = FcConfigSetCurrent(config)
    }
  }

  private static let processConfiguration = Mutex(false)

  deinit {
    cache.removeAll()
    // The Pango fonts go before their font maps, which go with `faces` and `primary`.
    fontRegistry.release()
  }

  /// Every face a run this system shaped refers to; ids never change, so cached lines stay valid.
  public var fonts: FontTable { fontRegistry.table }

  public func shape(_ text: StyledText, width: Double) -> ShapedText {
    let key = CacheKey(text: text, width: width)
    if let cached = cache[key] { return cached }
    let shaped = makeShapedText(text, width: width)
    let bytes = text.spans.reduce(0) { $0 + $1.text.utf8.count }
    if cache.count >= cacheLimit || cachedTextBytes + bytes > cacheTextLimit {
      cache.removeAll(keepingCapacity: true)
      cachedTextBytes = 0
    }
    cache[key] = shaped
    cachedTextBytes += bytes
    return shaped
  }

  private func makeShapedText(_ text: StyledText, width: Double) -> ShapedText {
    let style = text.style
    let hyphenator = style.hyphenates ? hyphenator(for: style.language) : nil
    // Links are never hyphenated: a hyphen would look like part of the address.
    var contents = text.spans.map { span in span.link == nil ? hyphenator?.hyphenate(span.text) ?? span.text : span.text }
    if primaryLanguage(style.language) == "ko" { contents = contents.map(keepingHangulWordsWhole) }
    let contexts = contexts(for: style, setting: contents)
    let layout = pango_layout_new(contexts.context(language: style.language))!
    // The document's language sets each paragraph's direction, as `dir` does in HTML; the
    // bidi algorithm still orders right-to-left runs inside a left-to-right paragraph.
    pango_layout_set_auto_dir(layout, 0)
    defer { releaseObject(layout) }

    var bytes: [UInt8] = []
    var links: [(range: Range<Int>, uri: String)] = []
    let attributes = pango_attr_list_new()
    insert(pango_attr_foreground_new(style.color.red16, style.color.green16, style.color.blue16), into: attributes)
    insert(pango_attr_language_new(pango_language_from_string(style.language)), into: attributes)
    insert(pango_attr_font_features_new("liga 0, clig 0"), into: attributes)
    for (span, content) in zip(text.spans, contents) {
      let start = bytes.count
      bytes += content.utf8
      let range = start..<bytes.count
      guard !range.isEmpty else { continue }
      if let weight = span.weight {
        insert(pango_attr_weight_new(PangoWeight(UInt32(weight.rawValue))), into: attributes, range)
      }
      if let italic = span.isItalic {
        insert(pango_attr_style_new(italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL), into: attributes, range)
      }
      if let color = span.color {
        insert(pango_attr_foreground_new(color.red16, color.green16, color.blue16), into: attributes, range)
      }
      if let scale = span.scale {
        insert(pango_attr_size_new(Int32((style.size * scale * Double(PANGO_SCALE)).rounded())), into: attributes, range)
      }
      if let uri = span.link {
        links.append((range, uri))
        // A link broken inside itself must not gain a hyphen that is not part of the address.
        insert(pango_attr_insert_hyphens_new(0), into: attributes, range)
      }
    }
    bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        pango_layout_set_text(layout, $0.baseAddress, Int32($0.count))
      }
    }
    let description = fontDescription(style)
    pango_layout_set_font_description(layout, description)
    pango_font_description_free(description)
    pango_layout_set_attributes(layout, attributes)
    pango_attr_list_unref(attributes)
    pango_layout_set_width(layout, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
    switch style.alignment {
    case .start, .justified: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
    case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
    case .end: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
    }
    pango_layout_set_justify(layout, style.alignment == .justified ? 1 : 0)

    var lines: [ShapedLine] = []
    let layoutText = pango_layout_get_text(layout)!
    let iterator = pango_layout_get_iter(layout)
    repeat {
      var logical = PangoRectangle()
      pango_layout_iter_get_line_extents(iterator, nil, &logical)
      let baseline = pango_layout_iter_get_baseline(iterator)
      guard let line = pango_layout_iter_get_line_readonly(iterator) else { continue }
      let start = Int(line.pointee.start_index)
      let end = start + Int(line.pointee.length)
      var runs: [LinkRun] = []
      for link in links where link.range.overlaps(start..<end) {
        let from = max(link.range.lowerBound, start)
        let to = min(link.range.upperBound, end)
        var x0: Int32 = 0
        var x1: Int32 = 0
        pango_layout_line_index_to_x(line, Int32(from), 0, &x0)
        pango_layout_line_index_to_x(line, Int32(lastScalarStart(before: to, in: bytes)), 1, &x1)
        let left = Double(min(x0, x1)) / Double(PANGO_SCALE)
        runs.append(LinkRun(uri: link.uri, x: left, width: Double(abs(x1 - x0)) / Double(PANGO_SCALE)))
      }
      lines.append(
        ShapedLine(
          text: String(decoding: bytes[start..<end], as: UTF8.self),
          x: Double(logical.x) / Double(PANGO_SCALE),
          width: Double(logical.width) / Double(PANGO_SCALE),
          ascent: Double(baseline - logical.y) / Double(PANGO_SCALE),
          descent: Double(logical.y + logical.height - baseline) / Double(PANGO_SCALE),
          links: runs,
          runs: glyphRuns(of: line, text: layoutText, bytes: bytes)))
    } while pango_layout_iter_next_line(iterator) != 0
    pango_layout_iter_free(iterator)

    let base = baseMetrics(style, in: contexts)
    return ShapedText(lines: lines, ascent: base.ascent, descent: base.descent)
  }

  private func hyphenator(for language: String) -> Hyphenator? {
    if let known = hyphenators[language] { return known }
    let made = Hyphenator(language: language)
    hyphenators[language] = made
    return made
  }

  /// The primary faces when they set `contents` in `style` as every face would; else every face.
  private func contexts(for style: TextStyle, setting contents: [String]) -> FontMapContexts {
    guard let primary, primary.sets(style), contents.allSatisfy(primary.covers) else { return faces }
    return primary.contexts
  }

  /// The ascent and descent of the style's own font, without fallback fonts.
  ///
  /// Pango takes them from the first face and the faces of the language's sample text: the
  /// same in either font map whenever `contexts` is the primary one (see ``PrimaryFaces``).
  private func baseMetrics(_ style: TextStyle, in contexts: FontMapContexts) -> (ascent: Double, descent: Double) {
    let key = MetricsKey(
      family: style.family, size: style.size, weight: style.weight, isItalic: style.isItalic,
      language: style.language)
    if let known = metrics[key] { return known }
    let description = fontDescription(style)
    let fontMetrics = pango_context_get_metrics(
      contexts.leftToRight, description, pango_language_from_string(style.language))
    pango_font_description_free(description)
    let result = (
      Double(pango_font_metrics_get_ascent(fontMetrics)) / Double(PANGO_SCALE),
      Double(pango_font_metrics_get_descent(fontMetrics)) / Double(PANGO_SCALE)
    )
    pango_font_metrics_unref(fontMetrics)
    metrics[key] = result
    return result
  }

  private func fontDescription(_ style: TextStyle) -> OpaquePointer {
    let description = pango_font_description_new()!
    let fallbacks = FontLibrary.fallbackFamilies(language: style.language)
    let families = style.family.isEmpty ? fallbacks : style.family + ", " + fallbacks
    pango_font_description_set_family(description, families)
    pango_font_description_set_weight(description, PangoWeight(UInt32(style.weight.rawValue)))
    pango_font_description_set_style(description, style.isItalic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
    pango_font_description_set_absolute_size(description, style.size * Double(PANGO_SCALE))
    return description
  }

  private func insert(
    _ attribute: UnsafeMutablePointer<PangoAttribute>?, into list: OpaquePointer?,
    _ range: Range<Int>? = nil
  ) {
    guard let attribute else { return }
    if let range {
      attribute.pointee.start_index = UInt32(range.lowerBound)
      attribute.pointee.end_index = UInt32(range.upperBound)
    }
    pango_attr_list_insert(list, attribute)
  }
}

/// The primary subtag of a BCP 47 language, lower-cased: `ko` of `ko-KR`.
func primaryLanguage(_ language: String) -> String {
  language.lowercased().split(separator: "-").first.map(String.init) ?? ""
}

/// Korean text that breaks only between words, as Korean is set (CSS `word-break: keep-all`):
/// a word joiner between two Hangul syllables of a word. Pango breaks between any two
/// otherwise, which cut headings as "응급실 | 로 가세요". A word wider than its line still
/// breaks between letters (Pango's character wrap); the joiners are never written as text.
func keepingHangulWordsWhole(_ text: String) -> String {
  func isHangul(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    // Whole syllables and the compatibility letters only: a joiner between conjoining jamo
    // (U+1100…) would split the syllable they make.
    case 0x3131...0x318E, 0xAC00...0xD7A3: true
    default: false
    }
  }
  var result = String.UnicodeScalarView()
  var previous: Unicode.Scalar?
  for scalar in text.unicodeScalars {
    if let previous, isHangul(previous), isHangul(scalar) { result.append("\u{2060}") }
    result.append(scalar)
    previous = scalar
  }
  return String(result)
}

/// Whether a BCP 47 language is written right to left.
func isRightToLeft(_ language: String) -> Bool {
  ["ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv"].contains(primaryLanguage(language))
}

/// The byte index where the last scalar before `end` starts.
private func lastScalarStart(before end: Int, in bytes: [UInt8]) -> Int {
  var index = max(0, end - 1)
  while index > 0, bytes[index] & 0xC0 == 0x80 { index -= 1 }
  return index
}

extension Color {
  var red16: UInt16 { UInt16((red * 65535).rounded()) }
  var green16: UInt16 { UInt16((green * 65535).rounded()) }
  var blue16: UInt16 { UInt16((blue * 65535).rounded()) }
}
