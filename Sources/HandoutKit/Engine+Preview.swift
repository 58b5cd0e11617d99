import HandoutLayout
import HandoutModel
import HandoutRender

/// One page of a plan as PNG, for previews: the plan is checked and laid out exactly as
/// ``Engine/render(_:)`` does, and only the page asked for is drawn.
public struct PagePreview: Sendable {
  /// The PNG of the page, or `nil` when the plan has fewer pages.
  public var png: [UInt8]?
  public var pageCount: Int
  public var warnings: [Diagnostic]
  public var plan: Plan
}

extension Engine {
  /// Page `page` (from 1) of the plan as PNG at `request.dpi`.
  public func preview(_ request: RenderRequest, page: Int) throws(HandoutError) -> PagePreview {
    let laidOut = try layOut(request)
    guard page >= 1, page <= laidOut.pages.count else {
      return PagePreview(png: nil, pageCount: laidOut.pages.count, warnings: laidOut.warnings, plan: laidOut.plan)
    }
    var one = laidOut.paged
    one.pages = [laidOut.pages[page - 1]]
    do {
      let png = try Renderer.png(one, dpi: request.dpi, decoder: imageDecoder).first
      return PagePreview(png: png, pageCount: laidOut.pages.count, warnings: laidOut.warnings, plan: laidOut.plan)
    } catch {
      throw .failure(error.description)
    }
  }
}
