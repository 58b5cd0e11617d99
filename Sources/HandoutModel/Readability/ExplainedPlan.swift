extension Plan {
  /// The plan with each medical word its prose uses unexplained (``MedicalWord``) explained
  /// where it is first used: "Tight left piriformis (a muscle deep in your buttock) and
  /// hamstrings". The hint of the plan's warning asks its author for the same words; a sheet
  /// printed before the author has done so still tells the client what the word means (PEMAT-P
  /// item 4, medical terms defined). Nothing else in the text changes, and a word the plan
  /// explains where it first uses it is left as the author wrote it. `besideItem(list, index)` is
  /// the text, in lower case, printed with item `index` of list `list` ("techniques",
  /// "homeCare"): a word it uses is explained there for the item's own note, as
  /// `validate` counts it.
  public func explainingMedicalWords(besideItem: (String, Int) -> String = { _, _ in "" }) -> Plan {
    let words = MedicalWord.words(language: language)
    guard !words.isEmpty else { return self }
    var plan = self
    var handled = Set<String>()
    func explain(_ text: inout String, besides: () -> String = { "" }) {
      var scalars = Array(text.unicodeScalars)
      var lowered = MedicalWord.lowered(scalars)
      var changed = false
      for word in words where !handled.contains(word.term) {
        switch word.firstUse(inLowered: lowered) {
        case .none: continue
        case .explained: handled.insert(word.term)
        // A search of the text beside, only for the rare word used bare (it is the slow part).
        case .unexplained where besides().contains(word.term): continue
        case .unexplained(let end):
          handled.insert(word.term)
          let meaning = Array(((word.takesParticles ? "" : " ") + "(" + word.plain + ")").unicodeScalars)
          scalars.insert(contentsOf: meaning, at: end)
          lowered.insert(contentsOf: MedicalWord.lowered(meaning), at: end)
          changed = true
        }
      }
      if changed {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        text = String(result)
      }
    }
    func explain(_ text: inout String?, besides: () -> String = { "" }) {
      guard var value = text else { return }
      explain(&value, besides: besides)
      text = value
    }
    func explain(_ texts: inout [String]) {
      for index in texts.indices { explain(&texts[index]) }
    }
    func explain(_ items: inout [PlanItem], _ list: String) {
      for index in items.indices {
        let besides = { besideItem(list, index) }
        explain(&items[index].note, besides: besides)
        explain(&items[index].description, besides: besides)
        if var steps = items[index].steps {
          explain(&steps)
          items[index].steps = steps
        }
        explain(&items[index].answer)
      }
    }
    // The order a sheet prints them in: the therapist's credentials under the title, the
    // summary in the key message, then the lists, the notes last.
    if var therapist = plan.therapist {
      explain(&therapist.credentials)
      plan.therapist = therapist
    }
    if var condition = plan.condition {
      explain(&condition.summary)
      explain(&condition.symptoms)
      plan.condition = condition
    }
    explain(&plan.takeaways)
    explain(&plan.goals)
    explain(&plan.techniques, "techniques")
    explain(&plan.homeCare, "homeCare")
    explain(&plan.benefits, "benefits")
    explain(&plan.faq, "faq")
    explain(&plan.precautions)
    explain(&plan.notes)
    return plan
  }
}
