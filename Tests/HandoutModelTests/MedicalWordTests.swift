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

  func plan(summary: String, notes: String? = nil, technique: String? = nil, language: String = "en") -> Plan {
    var plan = Plan()
    plan.language = language
    var condition = Condition(id: "sciatica")
    condition.summary = summary
    plan.condition = condition
    plan.notes = notes
    if let technique {
      var item = PlanItem(id: "myofascial-release")
      item.note = technique
      plan.techniques = [item]
    }
    return plan
  }

  @Test func theFirstBareUseOfAWordIsExplainedWhereItStands() {
    let explained = plan(
      summary: "Tight left Piriformis and hamstrings found today.", notes: "Stretch the piriformis; a lumbar cushion helps."
    ).explainingMedicalWords()
    #expect(explained.condition?.summary == "Tight left Piriformis (a muscle deep in your buttock) and hamstrings found today.")
    // Explained once, for the whole sheet; the next word is explained where it is first used.
    #expect(explained.notes == "Stretch the piriformis; a lumbar (lower back) cushion helps.")
  }

  /// The credentials print under the title, before the summary: a word is explained there
  /// first, and once.
  @Test func theTherapistsCredentialsAreExplainedFirst() {
    var therapist = Therapist(name: "Dana Whitfield")
    therapist.credentials = "LMT, certified in neuromuscular therapy"
    var plain = plan(summary: "Neuromuscular therapy on the left piriformis.")
    plain.therapist = therapist
    let explained = plain.explainingMedicalWords()
    #expect(
      explained.therapist?.credentials
        == "LMT (licensed massage therapist), certified in neuromuscular therapy (pressure on tight spots)")
    #expect(explained.condition?.summary == "Neuromuscular therapy on the left piriformis (a muscle deep in your buttock).")
  }

  @Test func aWordThePlanExplainsIsLeftAsWritten() {
    let text = "A tight muscle deep in your left buttock (piriformis). Then the piriformis again."
    #expect(plan(summary: text).explainingMedicalWords().condition?.summary == text)
    #expect(plan(summary: "Pain down the left leg.").explainingMedicalWords() == plan(summary: "Pain down the left leg."))
  }

  @Test func aWordTheItemsOwnCatalogueLineExplainsIsLeftInItsNote() {
    let explained = plan(summary: "Pain down the leg.", technique: "Slow stretching of the fascia.")
      .explainingMedicalWords { list, index in list == "techniques" && index == 0 ? "the thin layer (fascia)" : "" }
    #expect(explained.techniques[0].note == "Slow stretching of the fascia.")
    let unexplained = plan(summary: "Pain down the leg.", technique: "Slow stretching of the fascia.").explainingMedicalWords()
    #expect(unexplained.techniques[0].note == "Slow stretching of the fascia (the thin layer that wraps your muscles).")
  }

  @Test func hangulTakesItsMeaningBeforeItsParticle() {
    let explained = plan(summary: "왼쪽 이상근이 뭉쳐 있어요.", language: "ko").explainingMedicalWords()
    let meaning = MedicalWord.words(language: "ko").first { $0.term == "이상근" }!.plain
    #expect(explained.condition?.summary == "왼쪽 이상근(\(meaning))이 뭉쳐 있어요.")
    #expect(terms(explained.condition!.summary!, "ko").isEmpty)
    #expect(plan(summary: "Tight piriformis.", language: "fr").explainingMedicalWords().condition?.summary == "Tight piriformis.")
  }
}
