import Testing

@testable import HandoutLayout

/// A line's runs in reading order, from their visual order and bidi levels (UAX #9, L2 undone).
@Suite("Bidi reading order")
struct BidiOrderTests {
  /// Runs named by their text, at the given levels, in visual order.
  private func runs(_ levels: [(String, Int)]) -> [GlyphRun] {
    levels.map { text, level in
      GlyphRun(
        font: FontID(0), size: 12, x: 0, glyphs: [], text: text, clusters: [], bidiLevel: level, color: .black, language: "")
    }
  }

  private func order(_ levels: [(String, Int)]) -> [String] { GlyphRun.inLogicalOrder(runs(levels)).map(\.text) }

  @Test func leftToRightTextStaysAsItIs() {
    #expect(order([("Stretch ", 0), ("twice", 0)]) == ["Stretch ", "twice"])
  }

  @Test func hebrewWithDigitsInALeftToRightParagraphReadsFromItsStart() {
    // "Note: מתיחות 3 פעמים ביום" drawn: "Note: " then the Hebrew stretch mirrored, its digits kept.
    #expect(order([("Note: ", 0), ("פעמים ביום", 1), ("3", 2), ("מתיחות ", 1)]) == ["Note: ", "מתיחות ", "3", "פעמים ביום"])
  }

  @Test func aRightToLeftLineWithDigitsAndLatinReadsFromTheRight() {
    // A right-to-left paragraph (base level 1) with Latin and digits at level 2: two level-2
    // runs side by side read left to right, as they are drawn.
    let visual = [(".", 1), ("Stretch ", 2), ("20", 2), ("שניות", 1), ("3", 2), ("מתיחות ", 1)]
    #expect(order(visual) == ["מתיחות ", "3", "שניות", "Stretch ", "20", "."])
  }

  @Test func latinBetweenTwoHebrewWordsKeepsTheThreeInPlace() {
    #expect(order([("שלום", 1), (" and ", 0), ("ליילה", 1)]) == ["שלום", " and ", "ליילה"])
  }
}
