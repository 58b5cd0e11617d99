import Testing

@testable import HandoutModel

@Suite("Medical words in a plan's own text")
struct MedicalWordTests {
  func terms(_ text: String, _ language: String = "en") -> [String] {
    MedicalWord.unexplained(in: text, language: language).map(\.term)
  }

  @Test func clinicalShorthandIsFound() {
    #expect(terms("Tight left piriformis and hamstrings found today.") == ["piriformis"])
    #expect(terms("Worked the knots in the left Gluteus Medius; a lumbar cushion helps.") == ["gluteus medius", "lumbar"])
  }

  @Test func aWordWithItsMeaningInParenthesesIsExplained() {
    #expect(terms("Tight piriformis (a muscle deep in your buttock).").isEmpty)
    #expect(terms("A tight muscle deep in your left buttock (piriformis).").isEmpty)
    #expect(terms("Stretch the (deep, small (piriformis) muscle).").isEmpty)
    // Explained once, used bare again: the bare use is still a word the client may not know.
    #expect(terms("Piriformis (a muscle deep in your buttock). Stretch the piriformis daily.") == ["piriformis"])
  }

  @Test func onlyWholeWordsCount() {
    #expect(terms("Prone to flare-ups; a cervicalgia-free week; lumbarish.").isEmpty)
    #expect(terms("Fascial work") .isEmpty)
  }

  @Test func otherLanguagesHaveTheirOwnWords() {
    #expect(terms("Piriforme tenso en el lado izquierdo.", "es-MX") == ["piriforme"])
    #expect(terms("왼쪽 이상근이 뭉쳐 있어요.", "ko") == ["이상근"])
    #expect(terms("왼쪽 이상근(엉덩이 깊은 곳의 작은 근육)이 뭉쳐 있어요.", "ko").isEmpty)
    #expect(terms("Tight piriformis.", "fr").isEmpty, "no list: no warning")
  }
}
