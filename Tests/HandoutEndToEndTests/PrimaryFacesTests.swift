import HandoutLayout
@testable import HandoutText
import Testing

/// Text that needs only Noto Sans and the emoji face is shaped in a font map of those faces:
/// every line, glyph and face must be what the map with every face gives.
@Suite("Primary faces")
struct PrimaryFacesTests {
  static let paragraphs: [(text: String, language: String)] = [
    ("Stretch gently — hold 30 seconds, then rest. Café, naïve, 45 °C, ½ hour; “quotes” and ‘these’.", "en"),
    ("Breathe slowly 💆‍♀️ and relax 😀 ✓ ✔ ★ → ①", "en"),
    ("Client: 김민준 visits on Monday\nand then again.", "en"),
    ("Mixed: علاج التدليك and שלום in one line.", "en"),
    ("마사지 치료 후에는 물을 충분히 마시세요.", "ko"),
    ("La fisioterapia ayuda a recuperar la movilidad.", "es"),
  ]

  @Test func primaryFacesSetTextAsEveryFaceDoes() throws {
    let fonts = try FontLibrary.locate()
    let primary = PangoTextSystem(fonts: fonts)
    let every = PangoTextSystem(fonts: fonts, usesPrimaryFaces: false)
    for (text, language) in Self.paragraphs {
      for (size, weight, width) in [(11.0, FontWeight.regular, 120.0), (14, .bold, 300)] {
        let style = TextStyle(family: "Noto Sans", size: size, weight: weight, hyphenates: true, language: language)
        let styled = StyledText(spans: [Span(text)], style: style)
        let a = primary.shape(styled, width: width)
        let b = every.shape(styled, width: width)
        #expect(a.ascent == b.ascent && a.descent == b.descent, "\(text)")
        #expect(a.lines.count == b.lines.count, "\(text)")
        for (x, y) in zip(a.lines, b.lines) {
          #expect(x.text == y.text && x.x == y.x && x.width == y.width, "\(text)")
          #expect(x.ascent == y.ascent && x.descent == y.descent, "\(text)")
          #expect(x.runs.map(\.glyphs) == y.runs.map(\.glyphs), "\(text)")
          #expect(x.runs.map { [$0.x, $0.size, $0.rise] } == y.runs.map { [$0.x, $0.size, $0.rise] }, "\(text)")
          #expect(x.runs.map { primary.fonts[$0.font] } == y.runs.map { every.fonts[$0.font] }, "\(text)")
        }
      }
    }
  }
}
