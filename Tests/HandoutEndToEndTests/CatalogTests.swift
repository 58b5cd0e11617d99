import Foundation
import HandoutCatalog
import HandoutModel
import Testing

@Suite("The built-in catalogue")
struct CatalogTests {
  /// Every piece of prose in a catalogue, with where it comes from.
  static func prose(_ catalog: Catalog) -> [(place: String, text: String)] {
    var result: [(String, String)] = []
    for (id, entry) in catalog.conditions {
      result += [("conditions.\(id).overview", entry.overview)]
      result += (entry.symptoms + entry.causes).map { ("conditions.\(id)", $0) }
    }
    for (id, entry) in catalog.techniques {
      result += [entry.summary, entry.worksOn, entry.feel, entry.aftercare].map { ("techniques.\(id)", $0) }
    }
    for (id, entry) in catalog.homeCare {
      result += ([entry.summary] + entry.steps + [entry.feel, entry.stop, entry.caution].compactMap { $0 }).map { ("homeCare.\(id)", $0) }
    }
    for (id, entry) in catalog.benefits { result.append(("benefits.\(id)", entry.description)) }
    for (id, entry) in catalog.faq { result.append(("faq.\(id)", entry.answer)) }
    for (id, entry) in catalog.redFlags {
      result += ([entry.sign] + [entry.action].compactMap { $0 }).map { ("redFlags.\(id)", $0) }
    }
    return result
  }

  @Test(arguments: ["en", "es", "ko"])
  func sentencesAreShort(_ language: String) throws {
    let catalog = try Catalog.builtIn(language: language)
    for (place, text) in Self.prose(catalog) {
      let level = ReadingLevel(text)
      #expect(level.longestSentence <= 20, "\(language) \(place): a sentence of \(level.longestSentence) words")
    }
  }

  @Test func englishReadsAtAboutGradeSix() throws {
    let catalog = try Catalog.builtIn(language: "en")
    let all = Self.prose(catalog).map(\.text).joined(separator: "\n")
    let overall = ReadingLevel(all).grade
    #expect(overall <= 7, "the English catalogue reads at grade \(String(format: "%.1f", overall))")
    for (place, text) in Self.prose(catalog) where ReadingLevel(text).wordCount >= 20 {
      let grade = ReadingLevel(text).grade
      #expect(grade <= 9, "\(place) reads at grade \(String(format: "%.1f", grade)): \(text)")
    }
  }

  @Test func spanishCoversEveryEnglishEntryAndLabel() throws {
    let english = try Catalog.builtIn(language: "en")
    let spanish = try Catalog.builtIn(language: "es")
    #expect(spanish.language == "es")
    #expect(Set(spanish.labels.keys).isSuperset(of: english.labels.keys))
    for (id, entry) in english.techniques { #expect(spanish.techniques[id] != entry, "techniques.\(id) is not translated") }
    for (id, entry) in english.homeCare { #expect(spanish.homeCare[id]?.name != entry.name, "homeCare.\(id) is not translated") }
    for (id, entry) in english.faq { #expect(spanish.faq[id] != entry, "faq.\(id) is not translated") }
    for (id, entry) in english.conditions { #expect(spanish.conditions[id]?.overview != entry.overview, "conditions.\(id)") }
    for (id, entry) in english.benefits { #expect(spanish.benefits[id] != entry, "benefits.\(id)") }
    for (id, entry) in english.redFlags {
      #expect(spanish.redFlags[id]?.sign != entry.sign, "redFlags.\(id)")
      #expect(spanish.redFlags[id]?.urgency == entry.urgency, "redFlags.\(id) keeps its urgency")
    }
  }

  @Test(arguments: ["es", "ko"])
  func everyLanguageHasEveryEntryAndLabel(_ language: String) throws {
    let english = try Catalog.builtIn(language: "en")
    let catalog = try Catalog.builtIn(language: language + "-XX")
    #expect(catalog.language == language)
    #expect(catalog.untranslated.isEmpty, "\(language) lacks \(catalog.untranslated.sorted())")
    for (id, entry) in english.homeCare {
      #expect(catalog.homeCare[id]?.name != entry.name, "homeCare.\(id) is not translated")
      #expect(catalog.homeCare[id]?.kind == entry.kind, "homeCare.\(id) keeps its kind")
      #expect((catalog.homeCare[id]?.caution == nil) == (entry.caution == nil), "homeCare.\(id) keeps its caution")
      var dose = catalog.homeCare[id]?.dosage
      var englishDose = entry.dosage
      dose?.when = nil
      englishDose?.when = nil
      #expect(dose == englishDose, "homeCare.\(id) keeps its dosage")
    }
    for (id, entry) in english.redFlags {
      #expect(catalog.redFlags[id]?.sign != entry.sign, "redFlags.\(id)")
      #expect(catalog.redFlags[id]?.urgency == entry.urgency, "redFlags.\(id) keeps its urgency")
    }
    for (id, entry) in english.conditions {
      #expect(catalog.conditions[id]?.redFlags == entry.redFlags, "conditions.\(id) keeps its red flags")
      #expect(catalog.conditions[id]?.followUpWeeks == entry.followUpWeeks, "conditions.\(id) keeps its follow-up")
    }
  }

  /// A Korean handout must not fall back on English: no Latin letters in the Korean text.
  @Test func koreanTextHasNoLatinLetters() throws {
    let korean = try Catalog.builtIn(language: "ko")
    var texts = Self.prose(korean)
    texts += korean.homeCare.map { ("homeCare.\($0.key).dosage.when", $0.value.dosage?.when ?? "") }
    for (key, value) in korean.labels where !["timeFormat", "qrAlt", "email", "web", "emailAttached"].contains(key) {
      if case .text(let text) = value { texts.append(("labels.\(key)", text)) }
    }
    for (place, text) in texts {
      // Placeholders such as {value} are filled in, not printed.
      let printed = text.replacingOccurrences(of: #"\{[a-z]+\}"#, with: "", options: .regularExpression)
      let latin = printed.unicodeScalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
      #expect(latin.isEmpty, "\(place) has Latin letters: \(text)")
    }
  }

  /// NHS guidance for sciatica: these go to the emergency department (A&E, 999), not "today".
  @Test(arguments: ["en", "es", "ko"])
  func caudaEquinaSignsAreEmergencies(_ language: String) throws {
    let catalog = try Catalog.builtIn(language: language)
    for id in ["bladder-bowel", "saddle-numbness", "both-legs", "worsening-weakness"] {
      #expect(catalog.redFlags[id]?.urgency == .emergency, "\(id)")
    }
    for (id, condition) in catalog.conditions {
      #expect(condition.followUpWeeks != nil, "conditions.\(id) has no follow-up time")
      #expect(["bladder-bowel", "saddle-numbness"].allSatisfy(condition.redFlags.contains), "conditions.\(id)")
    }
    for label in ["emergencyTier", "emergencyTierNoNumber", "todayTier", "followUp", "redFlagsWhy", "redFlagsWhyShort"] {
      #expect(catalog.labels[label] != nil, "labels.\(label)")
    }
    #expect(catalog.label("emergencyTier", ["number": "119"]).contains("119"))
  }

  @Test func heatAndColdWarnAgainstNumbSkin() throws {
    let english = try Catalog.builtIn(language: "en")
    let heatCold = english.homeCare.filter { $0.value.kind == .heatCold }
    #expect(!heatCold.isEmpty)
    for (id, entry) in heatCold {
      #expect(entry.caution?.contains("numb") == true, "homeCare.\(id): \(entry.caution ?? "no caution")")
    }
    #expect(english.techniques["hot-cold"]?.aftercare.contains("numb") == true)
  }

  /// What massage cannot be shown to do is not claimed, and water is not a treatment.
  @Test func theEnglishTextMakesNoOverclaims() throws {
    let english = try Catalog.builtIn(language: "en")
    let text = Self.prose(english).map(\.text).joined(separator: "\n").lowercased()
    for claim in ["drink water", "nerve heal", "oxygen", "press on the nerve", "presses on the nerve", "muscles that press"] {
      #expect(!text.contains(claim), "the catalogue says \"\(claim)\"")
    }
  }

  @Test func everyHomeCareItemHasAKindAPurposeAFeelAndADoseThatFitsIt() throws {
    let english = try Catalog.builtIn(language: "en")
    let names: [WritableKeyPath<Dosage, Int?>: String] = [
      \.holdSeconds: "hold", \.repetitions: "repeat", \.perDay: "perDay", \.sets: "sets", \.restSeconds: "rest",
      \.durationSeconds: "duration", \.everySeconds: "every", \.breaths: "breaths",
    ]
    for (id, entry) in english.homeCare {
      let kind = try #require(entry.kind, "homeCare.\(id) has no kind")
      #expect(!entry.summary.isEmpty && entry.feel?.isEmpty == false, "homeCare.\(id)")
      guard let dose = entry.dosage else { continue }
      for (path, name) in names where dose[keyPath: path] != nil {
        #expect(kind.dosageFields.contains(name), "homeCare.\(id) (\(kind)) has \"\(name)\"")
      }
      if dose.when != nil { #expect(kind.dosageFields.contains("when"), "homeCare.\(id)") }
    }
  }

  @Test(arguments: ["en", "es", "ko"])
  func everyHomeCareItemHasADrawingFileAndAltText(_ language: String) throws {
    let catalog = try Catalog.builtIn(language: language)
    for (id, entry) in catalog.homeCare {
      let name = try #require(entry.illustration, "homeCare.\(id) has no drawing")
      let svg = try #require(Catalog.illustration(named: name), "illustrations/\(name).svg is missing")
      #expect(String(decoding: svg, as: UTF8.self).contains("viewBox=\"0 0 240 120\""))
      let alt = try #require(entry.illustrationAlt, "homeCare.\(id) has no alternative text")
      #expect(alt.count > (language == "ko" ? 15 : 30), "homeCare.\(id): \(alt)")
      if language == "ko" {
        #expect(!alt.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }, "\(alt)")
      }
    }
  }

  @Test func emergencyNumbersFollowTheCountry() {
    #expect(EmergencyNumber.of(country: "US") == "911")
    #expect(EmergencyNumber.of(country: "gb") == "999")
    #expect(EmergencyNumber.of(country: "UK") == "999")
    #expect(EmergencyNumber.of(country: "KR") == "119")
    #expect(EmergencyNumber.of(country: "DE") == "112")
    #expect(EmergencyNumber.of(country: "CA") == "911")
    #expect(EmergencyNumber.of(country: "AU") == "000")
    #expect(EmergencyNumber.of(country: "ZZ") == nil)
  }

  @Test func theCatalogueHasWhatThePlanFormatNames() throws {
    let catalog = try Catalog.builtIn(language: "en")
    #expect(Set(["sciatica", "lower-back-pain", "piriformis-syndrome"]).isSubset(of: catalog.conditions.keys))
    #expect(catalog.techniques.count >= 10)
    #expect(catalog.homeCare.count >= 12)
    #expect(catalog.benefits.count >= 7)
    #expect(catalog.faq.count >= 10)
    #expect(catalog.homeCare.values.allSatisfy { !$0.steps.isEmpty })
    for condition in catalog.conditions.values {
      #expect(condition.redFlags.allSatisfy { catalog.redFlags[$0] != nil })
    }
  }
}
