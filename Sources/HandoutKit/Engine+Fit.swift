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
  }

  /// Composes and lays out a plan with the least of its layout's compactions that keeps the
  /// sheet (the pages before any follow-on sheet) within the budget. Layout runs on values, so
  /// a step that does not fit costs no drawing. When none fits, the most compact is used and a
  /// warning says by how much and why.
  func fit(
    _ plan: Plan, catalog: Catalog, layout spec: LayoutSpec, assets: Assets, options: ComposeOptions,
    layoutOptions: LayoutOptions, file: String
  ) -> Fitted {
    func attempt(_ compacting: LayoutSpec.Compacting) -> (document: Document, pages: [Page], sheet: Int) {
      var options = options
      options.compacting = compacting
      let document = compose(plan, catalog: catalog, layout: spec, assets: assets, options: options)
      let pages = layout(document, textSystem: textSystem, images: ImageDecoder(), options: layoutOptions)
      return (document, pages, sheetPageCount(pages, followOnTitle: catalog.label("followOnTitle")))
    }
    guard let fit = spec.fit, spec.fold == nil else {
      let plain = attempt(LayoutSpec.Compacting())
      return Fitted(document: plain.document, pages: plain.pages)
    }
    let steps = fit.steps
    var last: (document: Document, pages: [Page], sheet: Int)?
    for step in steps {
      let laidOut = attempt(step)
      if laidOut.sheet <= fit.pages {
        let sheet = laidOut.sheet == 1 ? "1 page" : "\(laidOut.sheet) pages"
        return Fitted(
          document: laidOut.document, pages: laidOut.pages,
          description: "\(spec.name): \(sheet) within a budget of \(fit.pages), with \(step.description)")
      }
      last = laidOut
    }
    let most = last!
    let sizes = [
      ("the home program", plan.homeCare.count), ("the FAQ", plan.faq.count), ("the techniques", plan.techniques.count),
    ].filter { $0.1 > 0 }.map { "\($0.0) has \($0.1) \($0.1 == 1 ? "item" : "items")" }
    let message =
      "\(spec.name): \(most.sheet) pages over a budget of \(fit.pages), even with \(steps.last!.description)"
      + (sizes.isEmpty ? "" : ": " + sizes.joined(separator: ", "))
    return Fitted(
      document: most.document, pages: most.pages,
      description: "\(spec.name): \(most.sheet) pages over a budget of \(fit.pages), with \(steps.last!.description)",
      warning: Diagnostic(
        .warning, message, file: file,
        hint: "shorten the longest lists, or choose a layout without a page budget (care-plan-report)"))
  }

  /// The pages before the follow-on sheet, which opens with its title's outline entry.
  private func sheetPageCount(_ pages: [Page], followOnTitle: String) -> Int {
    let start = pages.firstIndex { page in
      page.items.contains { item in
        if case .outlineEntry(let title, 1, _) = item { return title == followOnTitle }
        return false
      }
    }
    return start ?? pages.count
  }
}
