import Foundation
import HandoutCatalog
import HandoutCompose
import HandoutModel

/// Checks that need more than the plan itself: catalogue ids and asset files.
struct PlanChecks {
  let read: ReadPlan
  let catalog: Catalog
  let file: String?

  /// Errors for ids the catalogue does not have, with the nearest id as a suggestion.
  func unknownIDs(in plan: Plan) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    func check(_ id: String?, _ known: [String], _ path: JSONPath, kind: Problem.IDKind) {
      guard let id, !known.contains(id) else { return }
      let problem = Problem.unknownID(
        id, kind: kind, nearest: Suggestion.nearest(to: id, in: known), known: kind == .bodyMapRegion ? known : [])
      diagnostics.append(Diagnostic(.error, problem, file: file, at: read.location(of: path), path: path))
    }
    let root = JSONPath.root
    check(plan.condition?.id, Array(catalog.conditions.keys).sorted(), root.appending("condition").appending("id"), kind: .condition)
    let lists: [(String, [PlanItem], [String], Problem.IDKind)] = [
      ("techniques", plan.techniques, Array(catalog.techniques.keys), .technique),
      ("homeCare", plan.homeCare, Array(catalog.homeCare.keys), .homeCare),
      ("faq", plan.faq, Array(catalog.faq.keys), .faq),
      ("benefits", plan.benefits, Array(catalog.benefits.keys), .benefit),
    ]
    for (key, items, known, kind) in lists {
      for (index, item) in items.enumerated() {
        var path = root.appending(key).appending(index)
        if case .object? = read.value(at: path)?.kind { path = path.appending("id") }
        check(item.id, known.sorted(), path, kind: kind)
      }
    }
    let areas = root.appending("condition").appending("painAreas")
    for (index, area) in (plan.condition?.painAreas ?? []).enumerated() {
      check(area, BodyMapRegions.ids, areas.appending(index), kind: .bodyMapRegion)
    }
    for (index, session) in (plan.sessions?.history ?? []).enumerated() {
      for (position, id) in session.techniques.enumerated() {
        let path = root.appending("sessions").appending("history").appending(index).appending("techniques").appending(position)
        check(id, Array(catalog.techniques.keys).sorted(), path, kind: .technique)
      }
    }
    return diagnostics
  }

  /// Warnings for the plan's own prose that is hard to read: sentences of more than 25 words,
  /// and English text above an 8th-grade level. The catalogue keeps to 20 words and grades 6–7;
  /// a therapist's notes get some slack, but not so much that a client loses the thread.
  func readability(language: String) -> [Diagnostic] {
    guard let root = read.root else { return [] }
    var diagnostics: [Diagnostic] = []
    let isEnglish = LanguageTag.primary(language) == "en"
    for (text, path, location) in Self.prose(in: root) {
      let level = ReadingLevel(text)
      if level.longestSentence > 25 {
        diagnostics.append(Diagnostic(.warning, .longSentence(words: level.longestSentence), file: file, at: location, path: path))
      } else if isEnglish, level.wordCount >= 20, level.grade > 8 {
        diagnostics.append(
          Diagnostic(.warning, .readingGrade(Int(level.grade.rounded())), file: file, at: location, path: path))
      }
    }
    return diagnostics
  }

  /// Warnings for medical words in the plan's own prose that it does not explain
  /// (``MedicalWord``), one per word and field. A note on a technique or home-care item
  /// may use a word that the item's catalogue text, printed beside the note, explains.
  func medicalWords(in plan: Plan, language: String) -> [Diagnostic] {
    guard let root = read.root else { return [] }
    func besideNote(_ path: JSONPath) -> String {
      let steps = path.components
      guard steps.count == 3, case .key(let list) = steps[0], case .index(let index) = steps[1] else { return "" }
      return Self.catalogText(beside: list, index, of: plan, catalog: catalog)
    }
    return Self.prose(in: root).flatMap { text, path, location in
      let words = MedicalWord.unexplained(in: text, language: language)
      let printedBeside = words.isEmpty ? "" : besideNote(path)
      return words.filter { !printedBeside.contains($0.term) }.map { word in
        Diagnostic(
          .warning, .medicalWord(word.spelling(in: text) ?? word.term, plain: word.plain), file: file, at: location,
          path: path)
      }
    }
  }

  /// The catalogue's text printed with item `index` of the plan's list `list` (a technique's
  /// name and summary, a home-care item's name, purpose, feel and steps), in lower case: the
  /// medical words it uses are explained there, where the item's note is read.
  static func catalogText(beside list: String, _ index: Int, of plan: Plan, catalog: Catalog) -> String {
    switch list {
    case "techniques":
      guard index < plan.techniques.count, let id = plan.techniques[index].id, let entry = catalog.techniques[id]
      else { return "" }
      return [entry.name, entry.summary].joined(separator: " ").lowercased()
    case "homeCare":
      guard index < plan.homeCare.count, let id = plan.homeCare[index].id, let entry = catalog.homeCare[id]
      else { return "" }
      return ([entry.name, entry.summary, entry.feel ?? ""] + entry.steps).joined(separator: " ").lowercased()
    default:
      return ""
    }
  }

  /// The prose fields a plan's author writes, with their paths.
  static func prose(in root: JSONValue) -> [(String, JSONPath, SourceLocation)] {
    var result: [(String, JSONPath, SourceLocation)] = []
    func visit(_ value: JSONValue?, _ path: JSONPath) {
      switch value?.kind {
      case .string(let text)?: result.append((text, path, value!.location))
      case .array(let elements)?: for (index, element) in elements.enumerated() { visit(element, path.appending(index)) }
      default: break
      }
    }
    func member(_ value: JSONValue?, _ key: String) -> JSONValue? {
      guard case .object(let members)? = value?.kind else { return nil }
      return members.last { $0.key == key }?.value
    }
    let top = JSONPath.root
    visit(member(member(root, "therapist"), "credentials"), top.appending("therapist").appending("credentials"))
    for key in ["summary", "symptoms"] { visit(member(member(root, "condition"), key), top.appending("condition").appending(key)) }
    for key in ["goals", "takeaways", "precautions", "notes"] { visit(member(root, key), top.appending(key)) }
    for (list, fields) in [
      ("techniques", ["note", "description"]), ("homeCare", ["note", "description", "steps"]),
      ("faq", ["note", "answer"]), ("benefits", ["note", "description"]),
    ] {
      guard case .array(let items)? = member(root, list)?.kind else { continue }
      for (index, item) in items.enumerated() {
        for field in fields { visit(member(item, field), top.appending(list).appending(index).appending(field)) }
      }
    }
    return result
  }

  /// An error for a country without a known emergency number, and a warning when the red
  /// flags print without one because the clinic names no country.
  func emergencyNumber(in plan: Plan) -> [Diagnostic] {
    let path = JSONPath.root.appending("clinic").appending("country")
    let known = EmergencyNumber.countries
    if let country = plan.clinic?.country {
      guard EmergencyNumber.of(country: country) == nil else { return [] }
      let isCode = country.count == 2 && country.allSatisfy { $0.isASCII && $0.isLetter }
      let problem: Problem = isCode ? .noEmergencyNumber(country: country, known: known) : .notACountryCode(country, known: known)
      return [Diagnostic(.error, problem, file: file, at: read.location(of: path), path: path)]
    }
    guard plan.showRedFlags else { return [] }
    if let country = plan.clinic?.countryFromAddress, let number = EmergencyNumber.of(country: country) {
      let addressPath = JSONPath.root.appending("clinic").appending("address")
      return [
        Diagnostic(.warning, .countryFromAddress(country: country, number: number), file: file, at: read.location(of: addressPath), path: addressPath)
      ]
    }
    let clinicPath = JSONPath.root.appending("clinic")
    return [Diagnostic(.warning, .noCountry, file: file, at: read.location(of: clinicPath), path: clinicPath)]
  }

  /// Warnings for home-care doses that do not fit the kind of item (walking "held" for 10
  /// minutes) or that say the same thing twice in different ways.
  func dosages(in plan: Plan) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let fields = ["side", "hold", "repeat", "sets", "rest", "duration", "every", "perDay", "when", "breaths"]
    for (index, item) in plan.homeCare.enumerated() {
      let itemPath = JSONPath.root.appending("homeCare").appending(index)
      guard case .object? = read.value(at: itemPath)?.kind else { continue }
      let given = fields.filter { read.value(at: itemPath.appending($0)) != nil }
      func warn(_ field: String, _ problem: Problem) {
        let path = itemPath.appending(field)
        diagnostics.append(Diagnostic(.warning, problem, file: file, at: read.location(of: path), path: path))
      }
      if let id = item.id, let entry = catalog.homeCare[id], let kind = entry.kind {
        let allowed = kind.dosageFields
        let takes = fields.filter(allowed.contains)
        for field in given where !allowed.contains(field) {
          warn(field, .doseDoesNotApply(field: field, item: entry.name, allowed: takes, kind: kind.rawValue))
        }
      }
      if given.contains("perDay"), given.contains("every") { warn("every", .doseSaidTwice("perDay", "every", aspect: .howOften)) }
      if given.contains("duration"), given.contains("breaths") {
        warn("breaths", .doseSaidTwice("duration", "breaths", aspect: .howMuch))
      }
      if given.contains("perDay"), given.contains("when") { warn("when", .doseSaidTwice("perDay", "when", aspect: .howOften)) }
      if item.id == nil {
        if item.description == nil { warn("title", .missingPurpose) }
        if item.feel == nil { warn("title", .missingFeel) }
      }
    }
    return diagnostics
  }
}
