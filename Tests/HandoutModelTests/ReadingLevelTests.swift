import Testing

@testable import HandoutModel

@Suite struct ReadingLevelTests {
  /// The ASCII fast path gives exactly the figures of the general path, on texts built from
  /// the bytes that matter: sentence ends, "\r\n", word joiners, digits, spaces and letters.
  @Test func asciiFastPathMatchesTheGeneralPath() throws {
    let pieces = [
      "a", "e", "Le", "the", "walk", "stretched", "faded", "tables", "hurry", "Queue", "x", "7", "3.5", "e.g.",
      " ", "  ", "\t", ".", ". ", "!", "?", ";", "\n", "\r\n", "\r", "'", "-", "--", "it's", "well-known", ",",
      "(", ")", "\u{0B}", "\u{0C}", "...", ".\r\n", "\u{1F}",
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
        .joined()
      let fast = try #require(ReadingLevel.measuringASCII(text))
      let general = ReadingLevel(measuringScalars: text)
      #expect(fast == general, "\(text.debugDescription)")
    }
    #expect(ReadingLevel.measuringASCII("café") == nil)
    #expect(ReadingLevel("Walk for ten minutes. Rest when it hurts!").sentenceLengths == [4, 4])
  }
}
