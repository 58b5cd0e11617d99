import HandoutLayout
import HandoutModel

/// The colours of a document, derived from the clinic's brand colour.
///
/// The brand colour is used sparingly: headings, rules and tints. Text colours keep a WCAG
/// contrast ratio of at least 4.5:1 against the backgrounds they sit on.
public struct Palette: Sendable, Hashable {
  /// Body text.
  public var text: Color
  /// Secondary text: labels, captions, running text.
  public var muted: Color
  /// The brand colour darkened until it reads as text on white and on ``tint``.
  public var accent: Color
  /// A pale wash of the brand colour for callout backgrounds.
  public var tint: Color
  /// Hairlines and card borders.
  public var line: Color
  /// The red-flag colours: a readable red and its pale wash.
  public var warning: Color
  public var warningTint: Color

  public init(brand: RGBColor?) {
    let brand = brand.map { Color(red8: $0.red, green8: $0.green, blue8: $0.blue) }
      ?? Color(red8: 0x2F, green8: 0x5F, blue8: 0x8A)
    text = Color(red8: 0x1E, green8: 0x26, blue8: 0x28)
    muted = Color(red8: 0x55, green8: 0x62, blue8: 0x65)
    tint = brand.tinted(0.9)
    var accent = brand
    while accent.contrast(with: tint) < 4.5 { accent = accent.shaded(0.08) }
    self.accent = accent
    line = brand.tinted(0.7)
    warning = Color(red8: 0xA3, green8: 0x1F, blue8: 0x1F)
    warningTint = Color(red8: 0xFC, green8: 0xEE, blue8: 0xEC)
  }
}
