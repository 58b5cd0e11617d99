/// Breaks styled text into lines and measures them; the layout engine's only view of fonts.
///
/// The production system shapes with Pango; tests use a fixed-advance fake, so the engine's
/// rules are checked without fonts.
public protocol TextSystem {
  /// The lines of `text` set in a box `width` wide.
  func shape(_ text: StyledText, width: Double) -> ShapedText
  /// The faces the glyph runs of every shaped line refer to.
  var fonts: FontTable { get }
}

/// Text broken into lines.
public struct ShapedText: Sendable {
  public var lines: [ShapedLine]
  /// The ascent of the paragraph's own font: lines reaching higher (a fallback font) grow.
  public var ascent: Double
  /// The descent of the paragraph's own font.
  public var descent: Double

  public init(lines: [ShapedLine], ascent: Double, descent: Double) {
    self.lines = lines
    self.ascent = ascent
    self.descent = descent
  }
}

/// One line of shaped text, measured, with the glyph runs the renderer draws it from.
public struct ShapedLine: Sendable {
  /// The characters on the line, in logical order.
  public var text: String
  /// The line's left edge, measured from the left of its box (alignment, right-to-left text).
  public var x: Double
  public var width: Double
  /// Height above the baseline.
  public var ascent: Double
  /// Depth below the baseline.
  public var descent: Double
  /// Linked runs on the line, from left to right.
  public var links: [LinkRun]
  /// The glyphs, run by run from left to right: the renderer draws this exact line from them
  /// without shaping or breaking it again.
  public var runs: [GlyphRun]

  public init(
    text: String, x: Double, width: Double, ascent: Double, descent: Double, links: [LinkRun] = [],
    runs: [GlyphRun] = []
  ) {
    self.text = text
    self.x = x
    self.width = width
    self.ascent = ascent
    self.descent = descent
    self.links = links
    self.runs = runs
  }
}

/// A linked run on one line: its URI and horizontal extent from the line's left edge.
public struct LinkRun: Sendable, Hashable {
  public var uri: String
  public var x: Double
  public var width: Double

  public init(uri: String, x: Double, width: Double) {
    self.uri = uri
    self.x = x
    self.width = width
  }
}
