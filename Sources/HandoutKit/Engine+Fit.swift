import HandoutCatalog
import HandoutCompose
import HandoutLayout
import HandoutModel
import HandoutRender

extension Engine {
  /// A plan composed and laid out within its layout's page budget.
  struct Fitted {
    var document: Document
    var pages: [Page]
    /// What was done to fit, in words; `nil` when the layout has no budget.
    var description: String?
    /// Why the plan does not fit, when it does not.
    var warning: Diagnostic?
    /// The catalogue keys the chosen composition read (`labels.hold`, `homeCare.walking`).
    var used: Set<String> = []
  }

  /// Composes and lays out a plan with the least of its layout's compactions that keeps the
  /// sheet (the pages before any follow-on sheet) within the budget. Layout runs on values, so
  /// a step that does not fit costs no drawing. When none fits, the most compact is used and a
  /// warning says by how much and why.
  func fit(
    _ plan: Plan, catalog: Catalog, layout spec: LayoutSpec, assets: Assets, options: ComposeOptions,
    layoutOptions: LayoutOptions, file: String
  ) -> Fitted {
    typealias Attempt = (
      document: Document, pages: [Page], sheet: Int, used: Set<String>, compacting: LayoutSpec.Compacting
    )
    // Each composition is laid out once, however many questions ask for it.
    var attempts: [LayoutSpec.Compacting: Attempt] = [:]
    func attempt(_ compacting: LayoutSpec.Compacting) -> Attempt {
      if let known = attempts[compacting] { return known }
      let laidOut = layOut(compacting)
      attempts[compacting] = laidOut
      return laidOut
    }
    func layOut(_ compacting: LayoutSpec.Compacting) -> Attempt {
      var options = options
      options.compacting = compacting
      let reading = catalog.recordingUse()
      let document = compose(plan, catalog: reading, layout: spec, assets: assets, options: options)
      let pages = layout(document, textSystem: textSystem, options: layoutOptions)
      return (
        document, pages, sheetPageCount(pages, followOnTitle: catalog.label("followOnTitle")), reading.use?.read ?? [],
        compacting
      )
    }
    guard let fit = spec.fit, spec.fold == nil else {
      let plain = attempt(LayoutSpec.Compacting())
      return Fitted(document: plain.document, pages: plain.pages, used: plain.used)
    }
    // The optional sections, where the budget allows: kept when they take no page more, and
    // no page more on the sheet. They are tried only when the sheet's last page has the room
    // they need at the least (a tracker: its heading, how-to and a row per item).
    let hasOptional = !(fit.optional ?? []).isEmpty
    func addingOptional(_ chosen: Attempt, _ compacting: LayoutSpec.Compacting) -> Attempt {
      guard hasOptional, !compacting.includesOptional, chosen.sheet > 0,
        roomAtFoot(of: chosen.pages[chosen.sheet - 1]) >= leastHeight(of: fit.optional ?? [], plan)
      else { return chosen }
      var with = compacting
      with.includesOptional = true
      let tried = attempt(with)
      return tried.pages.count <= chosen.pages.count && tried.sheet <= max(chosen.sheet, fit.pages) ? tried : chosen
    }
    let steps = fit.steps
    // The least step that fits: the step k that fits while k - 1 does not. A layout orders
    // its compactions so that each step takes more room away than the one before, so k is
    // unique and bisection finds it. The plans of a batch are alike, so the search starts at
    // the step the last plan needed: two layouts confirm it, and the answer does not depend
    // on which plans came before.
    func fits(_ index: Int) -> Bool { attempt(steps[index]).sheet <= fit.pages }
    func least(from low: Int, to high: Int) -> Int {
      var (low, high) = (low, high)  // fits(low - 1) is false, fits(high) is true
      while low < high {
        let middle = (low + high) / 2
        if fits(middle) { high = middle } else { low = middle + 1 }
      }
      return high
    }
    let key = spec.with(paper: options.paper)
    let hint = min(fitHints[key] ?? 0, steps.count - 1)
    var found: Int?
    if fits(hint) {
      found = hint == 0 || !fits(hint - 1) ? hint : least(from: 0, to: hint - 1)
    } else if fits(steps.count - 1) {
      found = least(from: hint + 1, to: steps.count - 1)
    }
    fitHints[key] = found ?? steps.count - 1
    if let found {
      let laidOut = addingOptional(attempt(steps[found]), steps[found])
      let sheet = laidOut.sheet == 1 ? "1 page" : "\(laidOut.sheet) pages"
      return Fitted(
        document: laidOut.document, pages: laidOut.pages,
        description: "\(spec.name): \(sheet) within a budget of \(fit.pages), with \(steps[found].description)",
        used: laidOut.used)
    }
    // No step meets the budget: the fewest pages in all wins. Moving sections to a follow-on
    // sheet starts a page of its own, which only pays when the sheet it leaves is much
    // shorter; so every compaction but the follow-on is tried too, and wins a tie, keeping
    // the plan in one piece.
    let everything = steps[steps.count - 1]
    let last = attempt(everything)
    var together = everything
    together.followOn = []
    // In one piece, the optional sections come last: laid out with them at once, the pages
    // before them are those of the plan without them. Where they start a page of their own,
    // they took one more, and the plan is laid out again without them.
    var unmoved = everything.followOn.isEmpty && !hasOptional ? last : nil
    if unmoved == nil, hasOptional, let title = optionalTitle(fit.optional ?? [], catalog: catalog) {
      var with = together
      with.includesOptional = true
      let tried = attempt(with)
      if endsOnTheLastPage(title, in: tried.pages) { unmoved = tried }
    }
    let fewest: Attempt
    let compacting: LayoutSpec.Compacting
    if let unmoved, unmoved.pages.count <= last.pages.count {
      (fewest, compacting) = (unmoved, together)
    } else {
      let plain = everything.followOn.isEmpty ? last : attempt(together)
      (fewest, compacting) = plain.pages.count <= last.pages.count ? (plain, together) : (last, everything)
    }
    let most = addingOptional(fewest, compacting)
    // The lists still on the sheet are what make it long.
    let lists = [
      (Problem.ListSize(name: "homeCare", count: plan.homeCare.count), LayoutSpec.Section.homeCare),
      (Problem.ListSize(name: "faq", count: plan.faq.count), .faq),
      (Problem.ListSize(name: "techniques", count: plan.techniques.count), .techniques),
    ].filter { $0.0.count > 0 && !compacting.followOn.contains($0.1) }.map(\.0)
    let followOn = most.pages.count - most.sheet
    let problem = Problem.overBudget(
      layout: spec.name, pages: most.sheet, budget: fit.pages, followOn: followOn, compaction: compacting.description,
      lists: lists)
    return Fitted(
      document: most.document, pages: most.pages,
      description: "\(spec.name): the sheet takes \(most.sheet) pages where its budget is \(fit.pages)"
        + (followOn > 0 ? ", and a follow-on sheet \(followOn == 1 ? "1 page" : "\(followOn) pages")" : "")
        + ", with \(compacting.description)",
      warning: Diagnostic(.warning, problem, file: file, path: .root),
      used: most.used)
  }

  /// The room below the lowest item inside a page's body, in points.
  private func roomAtFoot(of page: Page) -> Double {
    let bottoms = page.items.compactMap(\.bounds).filter { $0.y < page.body.maxY }.map(\.maxY)
    return page.body.maxY - (bottoms.max() ?? page.body.y)
  }

  /// A height in points the optional sections take at the least: a tracker's heading and
  /// how-to (40 pt at 12 pt), its header, a row per home-care item and the pain row (22 pt
  /// each: a 15 pt box and its padding). A section the engine does not know needs no room.
  private func leastHeight(of sections: [LayoutSpec.Section], _ plan: Plan) -> Double {
    sections.contains(.tracker) && !plan.homeCare.isEmpty ? 40 + 22 * Double(plan.homeCare.count + 2) : 0
  }

  /// The heading that opens the optional sections, when they have one the engine knows.
  private func optionalTitle(_ sections: [LayoutSpec.Section], catalog: Catalog) -> String? {
    sections.first == .tracker ? catalog.label("tracker") : nil
  }

  /// Whether the sections that open with the heading `title` and end the plan took no page of
  /// their own: the heading is on the last page, below text of the flow.
  private func endsOnTheLastPage(_ title: String, in pages: [Page]) -> Bool {
    guard let page = pages.last else { return false }
    for case .outlineEntry(title, _, let point) in page.items {
      // Text of the flow above it: not the running header and footer's.
      return page.items.contains { item in
        guard case .text(let text) = item, text.role != .artifact else { return false }
        return text.bounds.maxY < point.y - 1
      }
    }
    return false
  }

  /// The pages before the follow-on sheet, which opens with its title's outline entry.
  private func sheetPageCount(_ pages: [Page], followOnTitle: String) -> Int {
    let start = pages.firstIndex { page in
      page.items.contains { item in
        if case .outlineEntry(let title, 2, _) = item { return title == followOnTitle }
        return false
      }
    }
    return start ?? pages.count
  }
}


extension LayoutSpec {
  /// This layout on `paper`, when given: what a fit hint is kept under.
  fileprivate func with(paper: Paper?) -> LayoutSpec {
    var copy = self
    if let paper { copy.paper = paper }
    return copy
  }
}
