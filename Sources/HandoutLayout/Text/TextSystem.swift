/// Breaks styled text into lines and measures them; the layout engine's only view of fonts.
///
/// The production system shapes with Pango; tests use a fixed-advance fake, so the engine's
/// rules are checked without fonts.
public protocol TextSystem {
  /// The lines of `text` set in a box `width` wide.
  func shape(_ text: StyledText, width: Double) -> ShapedText
}

/// Reads the natural size of images; the renderer's image decoders stand behind it.
public protocol ImageMeasurer {
  /// The natural size of an image, in points; `nil` when the data cannot be read.
  func intrinsicSize(of image: Image) -> Size?
}

/// Text broken into lines.
public struct ShapedText {
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

/// One line of shaped text, measured, with a handle the renderer draws it from.
public struct ShapedLine {
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
  /// What the renderer needs to draw this exact line without breaking it again.
  public var handle: LineHandle

  public init(
    text: String, x: Double, width: Double, ascent: Double, descent: Double, links: [LinkRun] = [],
    handle: LineHandle
  ) {
    self.text = text
    self.x = x
    self.width = width
    self.ascent = ascent
    self.descent = descent
    self.links = links
    self.handle = handle
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

/// An opaque reference to the shaped paragraph a line came from, and the line's index in it.
public struct LineHandle {
  public let paragraph: AnyObject?
  public let index: Int

  public init(paragraph: AnyObject?, index: Int) {
    self.paragraph = paragraph
    self.index = index
  }
}
