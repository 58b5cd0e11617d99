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
    func check(_ id: String?, _ known: [String], _ path: JSONPath, kind: String) {
      guard let id, !known.contains(id) else { return }
      let hint: String
      if kind == "body-map region" {
        let near = Suggestion.nearest(to: id, in: known).map { "did you mean \"\($0)\"? " } ?? ""
        hint = near + "the body map draws: " + known.joined(separator: ", ")
      } else if let near = Suggestion.nearest(to: id, in: known) {
        hint = "did you mean \"\(near)\"? `handout catalog` lists every id"
      } else {
        hint = "`handout catalog` lists the \(kind) ids; a clinic's own entries come with --catalog FILE"
      }
      diagnostics.append(
        Diagnostic(.error, "unknown \(kind) id \"\(id)\"", file: file, at: read.location(of: path), path: path, hint: hint))
    }
    let root = JSONPath.root
    check(plan.condition?.id, Array(catalog.conditions.keys).sorted(), root.appending("condition").appending("id"), kind: "condition")
    let lists: [(String, [PlanItem], [String], String)] = [
      ("techniques", plan.techniques, Array(catalog.techniques.keys), "technique"),
      ("homeCare", plan.homeCare, Array(catalog.homeCare.keys), "home-care"),
      ("faq", plan.faq, Array(catalog.faq.keys), "FAQ"),
      ("benefits", plan.benefits, Array(catalog.benefits.keys), "benefit"),
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
      check(area, BodyMapRegions.ids, areas.appending(index), kind: "body-map region")
    }
    for (index, session) in (plan.sessions?.history ?? []).enumerated() {
      for (position, id) in session.techniques.enumerated() {
        let path = root.appending("sessions").appending("history").appending(index).appending("techniques").appending(position)
        check(id, Array(catalog.techniques.keys).sorted(), path, kind: "technique")
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
        diagnostics.append(
          Diagnostic(
            .warning, "a sentence of \(level.longestSentence) words is hard to follow", file: file, at: location,
            path: path, hint: "split it; aim for 20 words or fewer per sentence"))
      } else if isEnglish, level.wordCount >= 20, level.grade > 8 {
        diagnostics.append(
          Diagnostic(
            .warning, "reads at about grade \(Int(level.grade.rounded())); handouts aim for grade 6 to 7",
            file: file, at: location, path: path, hint: "use shorter words and sentences"))
      }
    }
    return diagnostics
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
    visit(member(member(root, "condition"), "summary"), top.appending("condition").appending("summary"))
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
}
