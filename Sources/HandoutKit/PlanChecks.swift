import Foundation
import HandoutCatalog
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
      if let near = Suggestion.nearest(to: id, in: known) {
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
    for (index, session) in (plan.sessions?.history ?? []).enumerated() {
      for (position, id) in session.techniques.enumerated() {
        let path = root.appending("sessions").appending("history").appending(index).appending("techniques").appending(position)
        check(id, Array(catalog.techniques.keys).sorted(), path, kind: "technique")
      }
    }
    return diagnostics
  }
}
