import HandoutLayout
import HandoutText
import Testing

@Suite("Hyphenation")
struct HyphenationTests {
  let system = PangoTextSystem(fonts: try! FontLibrary.locate())

  func lines(_ text: String, width: Double, hyphenates: Bool, language: String = "en") -> [ShapedLine] {
    let style = TextStyle(family: "Noto Sans", size: 12, hyphenates: hyphenates, language: language)
    return system.shape(StyledText(spans: [Span(text)], style: style), width: width).lines
  }

  @Test func narrowColumnsBreakInsideWordsAndStayInside() {
    let text = "Physiotherapists reduce inflammation and improve circulation."
    let hyphenated = lines(text, width: 90, hyphenates: true)
    #expect(hyphenated.contains { $0.text.hasSuffix("\u{AD}") })
    for line in hyphenated { #expect(line.x + line.width <= 90.01, "\(line.text) is \(line.width) pt") }
    let ragged = lines(text, width: 90, hyphenates: false)
    #expect(!ragged.contains { $0.text.contains("\u{AD}") })
    #expect(hyphenated.count <= ragged.count)
  }

  @Test func spanishUsesSpanishPatterns() {
    let shaped = lines("La fisioterapia ayuda a recuperar la movilidad", width: 70, hyphenates: true, language: "es")
    let joined = shaped.map(\.text).joined()
    #expect(joined.contains("\u{AD}"))
    #expect(joined.replacingOccurrences(of: "\u{AD}", with: "") == "La fisioterapia ayuda a recuperar la movilidad")
  }

  @Test func addressesAndNumbersAreLeftWhole() {
    let shaped = lines("Call 5550104477 or write care@riverside-massage.example", width: 60, hyphenates: true)
    #expect(!shaped.map(\.text).joined().contains("\u{AD}"))
  }
}
