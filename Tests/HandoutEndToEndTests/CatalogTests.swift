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
      result += ([entry.summary] + entry.steps + [entry.feel, entry.stop].compactMap { $0 }).map { ("homeCare.\(id)", $0) }
    }
    for (id, entry) in catalog.benefits { result.append(("benefits.\(id)", entry.description)) }
    for (id, entry) in catalog.faq { result.append(("faq.\(id)", entry.answer)) }
    for (id, entry) in catalog.redFlags { result += [("redFlags.\(id)", entry.sign), ("redFlags.\(id)", entry.action)] }
    return result
  }

  @Test(arguments: ["en", "es"])
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
    for (id, entry) in english.homeCare { #expect(spanish.homeCare[id]?.dosage == entry.dosage, "homeCare.\(id) keeps its dosage") }
  }

  @Test func koreanHasEveryLabelAndFallsBackToEnglishText() throws {
    let english = try Catalog.builtIn(language: "en")
    let korean = try Catalog.builtIn(language: "ko-KR")
    #expect(korean.language == "ko")
    for key in english.labels.keys {
      #expect(korean.labels[key] != english.labels[key] || ["timeFormat"].contains(key), "label \(key) is not in Korean")
    }
    #expect(korean.techniques["swedish"] == english.techniques["swedish"])
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
