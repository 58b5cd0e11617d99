import ArgumentParser
import HandoutCompose
import HandoutKit

/// The options `render` and `batch` share: how plans are set and with what fonts and text.
struct RenderSettings: ParsableArguments {
  @Option(help: "A built-in layout name (see `handout layouts`) or a layout file; overrides each plan's.")
  var layout: String?

  @Option(help: "The paper size: letter or a4. Default: the layout's.")
  var paper: LayoutSpec.Paper?

  @Option(name: .customLong("font-dir"), help: "A folder of extra fonts to load (repeatable).")
  var fontDirectories: [String] = []

  @Option(help: "A catalogue file whose entries add to or replace the built-in ones.")
  var catalog: String?

  @Flag(help: "Allow a logo outside the plan's folder (in a batch, the input file's folder).")
  var allowOutsideAssets = false

  @Flag(help: "Set the plan in large print: 18 pt, one column, 1 in margins, whatever its layout.")
  var largePrint = false

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  /// A request for `plan` with these settings and the `SOURCE_DATE_EPOCH` date.
  func request(plan: [UInt8], planPath: String?) -> RenderRequest {
    var request = RenderRequest(plan: plan, planPath: planPath)
    request.layout = layout
    request.paper = paper
    request.sourceDateEpoch = sourceDateEpoch()
    request.allowsOutsideAssets = allowOutsideAssets
    request.isLargePrint = largePrint
    request.isStrict = strict
    return request
  }
}
