import ArgumentParser
import Foundation
import HandoutCompose
import HandoutKit

extension LayoutSpec.Paper: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render a plan into a PDF (or PNG or SVG pages).",
    discussion: """
      Examples:
        handout render ../shared/examples/sciatica-plan.json
        handout render plan.json -o - --paper a4 > plan.pdf
        handout render plan.json --format png --dpi 72 -o preview.png   (preview-1.png, preview-2.png, …)
      """)

  @Argument(help: "The plan: a JSON file, or - to read standard input.")
  var plan: String

  @Option(
    name: .shortAndLong,
    help: "The file to write, or - for standard output. Default: Output/<client-or-title>-<date>.<format>.")
  var output: String?

  @Option(help: "The output format: pdf, png (one file per page) or svg (one file per page).")
  var format: OutputFormat = .pdf

  @Option(help: "Dots per inch for PNG output.")
  var dpi: Double = 144

  @OptionGroup var settings: RenderSettings

  @Flag(help: "Outline regions and blocks, to see why something moved.")
  var debugBoxes = false

  @Flag(help: "Say how the plan was kept to its layout's page budget (which compactions were used).")
  var verbose = false

  @Flag(help: "Also write an email (.eml beside the PDF) from the clinic to the client, with the PDF attached.")
  var eml = false

  func validate() throws {
    if eml, format != .pdf { throw ValidationError("--eml attaches a PDF; it cannot be used with --format \(format)") }
    if eml, output == "-" { throw ValidationError("--eml writes a file beside the PDF; give -o a file name instead of -") }
    guard (18...1200).contains(dpi) else {
      throw ValidationError("--dpi must be from 18 to 1200, not \(dpi)")
    }
  }

  func run() throws {
    let input = try readInput(plan)
    var request = settings.request(plan: input, planPath: plan == "-" ? nil : plan)
    request.format = format
    request.dpi = dpi
    request.showsDebugOutlines = debugBoxes
    request.isEmail = eml

    let (result, engine) = try reportingErrors { () throws(HandoutError) in
      let engine = try Engine(fontDirectories: settings.fontDirectories, catalogFile: settings.catalog)
      return (try engine.render(request), engine)
    }
    report(result.warnings)
    if verbose, let fitting = result.fitting { printError(fitting) }

    if output == "-" {
      guard result.files.count == 1 else {
        throw failure(
          "the plan has \(result.files.count) pages and \(format.rawValue.uppercased()) writes one file per page; "
            + "give -o a file name instead of -", code: 64)
      }
      FileHandle.standardOutput.write(Data(result.files[0]))
      return
    }
    let target = output ?? defaultOutputPath(for: result.plan, format: format)
    let paths = result.files.count == 1 && format == .pdf
      ? [target] : numberedPaths(target, count: result.files.count, format: format)
    var written = paths
    if eml {
      let pathExtension = URL(fileURLWithPath: target).pathExtension
      let emailPath = (pathExtension.isEmpty ? target : String(target.dropLast(pathExtension.count + 1))) + ".eml"
      let message = try reportingErrors { () throws(HandoutError) in
        try engine.email(
          for: result.plan, attaching: result.files[0], named: URL(fileURLWithPath: target).lastPathComponent,
          sourceDateEpoch: request.sourceDateEpoch, file: request.planPath)
      }
      try write(message, to: emailPath)
      written.append(emailPath)
    }
    for (path, bytes) in zip(paths, result.files) {
      try write(bytes, to: path)
    }
    let noun = result.pageCount == 1 ? "page" : "pages"
    printError("wrote \(written.joined(separator: ", ")) (\(result.pageCount) \(noun))")
  }
}
