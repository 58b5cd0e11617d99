/// How a run of text looks and how its paragraph is set.
public struct TextStyle: Sendable, Hashable {
  /// A comma-separated family list, most wanted first: `"Noto Sans, Noto Sans Arabic"`.
  public var family: String
  /// The font size in points.
  public var size: Double
  public var weight: FontWeight
  public var isItalic: Bool
  public var color: Color
  /// The distance between baselines as a multiple of the size.
  public var lineHeight: Double
  public var alignment: TextAlignment
  /// Whether words may be hyphenated at line ends.
  public var hyphenates: Bool
  /// The BCP 47 language: font choice (Korean picks the KR face), hyphenation, direction.
  public var language: String

  public init(
    family: String, size: Double, weight: FontWeight = .regular, isItalic: Bool = false,
    color: Color = .black, lineHeight: Double = 1.35, alignment: TextAlignment = .start,
    hyphenates: Bool = false, language: String = "en"
  ) {
    self.family = family
    self.size = size
    self.weight = weight
    self.isItalic = isItalic
    self.color = color
    self.lineHeight = lineHeight
    self.alignment = alignment
    self.hyphenates = hyphenates
    self.language = language
  }

  /// A copy with some properties changed.
  public func with(_ change: (inout TextStyle) -> Void) -> TextStyle {
    var copy = self
    change(&copy)
    return copy
  }
}

/// The weight of a font face.
public enum FontWeight: Int, Sendable, Hashable, Comparable {
  case regular = 400
  case medium = 500
  case semibold = 600
  case bold = 700

  public static func < (a: FontWeight, b: FontWeight) -> Bool { a.rawValue < b.rawValue }
}

/// Where lines sit between the edges of their box; `start` follows the text direction.
public enum TextAlignment: Sendable, Hashable {
  case start, center, end, justified
}

/// A run of text with its own emphasis, colour or link.
public struct Span: Sendable, Hashable {
  public var text: String
  public var weight: FontWeight?
  public var isItalic: Bool?
  public var color: Color?
  /// A URI (`https:`, `mailto:`, `tel:`) the run links to.
  public var link: String?
  /// A size relative to the paragraph's, such as 0.85 for small print.
  public var scale: Double?

  public init(
    _ text: String, weight: FontWeight? = nil, italic: Bool? = nil, color: Color? = nil,
    link: String? = nil, scale: Double? = nil
  ) {
    self.text = text
    self.weight = weight
    self.isItalic = italic
    self.color = color
    self.link = link
    self.scale = scale
  }

  /// A bold run.
  public static func bold(_ text: String, color: Color? = nil) -> Span {
    Span(text, weight: .bold, color: color)
  }
}

/// The text of a paragraph: spans in a base style. The key for shaping caches.
public struct StyledText: Sendable, Hashable {
  public var spans: [Span]
  public var style: TextStyle

  public init(spans: [Span], style: TextStyle) {
    self.spans = spans
    self.style = style
  }

  /// The characters of all spans.
  public var plainText: String { spans.map(\.text).joined() }
}
