import HandoutCompose
import HandoutModel

extension Engine {
  /// The sheet `plan` is printed on when rendered with `request`: the paper of its layout (or
  /// of `--paper`), turned to landscape for a folded brochure.
  public func sheet(for request: RenderRequest, plan: Plan, pageCount: Int) throws(HandoutError) -> Printer.Sheet {
    let spec = try layoutSpec(request.layout ?? plan.layout ?? "take-home")
    let paper = request.paper ?? spec.paper
    return Printer.Sheet(media: paper == .a4 ? "A4" : "Letter", isLandscape: spec.fold != nil, pageCount: pageCount)
  }
}
