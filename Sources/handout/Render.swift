import ArgumentParser
import Foundation
import HandoutCompose
import HandoutKit
import HandoutModel

extension LayoutSpec.Paper: ExpressibleByArgument {
  /// `A4`, `a4` and `Letter` all work, as people write paper sizes.
  public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension OutputFormat: ExpressibleByArgument {
  public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render a plan into a PDF (or PNG or SVG pages).",
    discussion: """
      Examples:
        handout render ../shared/examples/sciatica-plan.json
        handout render plan.json -o - --paper a4 > plan.pdf
        handout render plan.json --format png --dpi 72 -o preview.png   (preview-1.png, preview-2.png, …)
        handout render plan.json --send            the PDF, also emailed
        handout render plan.json --send --dry-run  the headers; nothing sent

      With --send, a mail system that refuses the message (sendmail exits
      non-zero) is an error with its words, exit code 69; the PDF is still
      written. See Docs/delivery.md.
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

  @OptionGroup var sending: SendSettings

  func validate() throws {
    if sending.send, format != .pdf { throw ValidationError("--send attaches a PDF; it cannot be used with --format \(format)") }
    if sending.send, output == "-" { throw ValidationError("--send attaches the PDF file it writes; give -o a file name instead of -") }
    if sending.dryRun, !sending.send { throw ValidationError("--dry-run shows what --send would send; add --send") }
    if eml, format != .pdf { throw ValidationError("--eml attaches a PDF; it cannot be used with --format \(format)") }
    if eml, output == "-" { throw ValidationError("--eml writes a file beside the PDF; give -o a file name instead of -") }
    guard (18...1200).contains(dpi) else {
      throw ValidationError("--dpi must be from 18 to 1200, not \(dpi)")
    }
  }

  func run() throws {
    if let mailer = sending.mailer, !sending.dryRun { try delivering { () throws(DeliveryError) in try mailer.check() } }
    let input = try readInput(plan)
    var request = settings.request(plan: input, planPath: plan == "-" ? nil : plan)
    request.format = format
    request.dpi = dpi
    request.showsDebugOutlines = debugBoxes
    request.isEmail = eml || sending.send

    let (result, engine) = try reportingErrors { () throws(HandoutError) in
      let engine = try Engine(fontDirectories: settings.fontDirectories, catalogFile: settings.catalog)
      return (try engine.render(request), engine)
    }
    report(result.warnings)
    if verbose, let fitting = result.fitting { printError(fitting) }

    if output == "-" {
      guard result.files.count == 1 else {
        throw printing(.onePagePerFile(pages: result.files.count, format: format.rawValue), code: 64)
      }
      FileHandle.standardOutput.write(Data(result.files[0]))
      return
    }
    let target = output ?? defaultOutputPath(for: result.plan, format: format)
    let paths = result.files.count == 1 && format == .pdf
      ? [target] : numberedPaths(target, count: result.files.count, format: format)
    var written = paths
    var message: [UInt8] = []
    if eml || sending.send {
      message = try reportingErrors { () throws(HandoutError) in
        try engine.email(
          for: result.plan, attaching: result.files[0], named: URL(fileURLWithPath: target).lastPathComponent,
          sourceDateEpoch: request.sourceDateEpoch, file: request.planPath)
      }
    }
    if eml {
      let pathExtension = URL(fileURLWithPath: target).pathExtension
      let emailPath = (pathExtension.isEmpty ? target : String(target.dropLast(pathExtension.count + 1))) + ".eml"
      try write(message, to: emailPath)
      written.append(emailPath)
    }
    for (path, bytes) in zip(paths, result.files) {
      try write(bytes, to: path)
    }
    let noun = result.pageCount == 1 ? "page" : "pages"
    printError("wrote \(written.joined(separator: ", ")) (\(result.pageCount) \(noun))")
    if let mailer = sending.mailer { try send(message, through: mailer, to: result.plan.client?.email ?? "") }
  }

  /// Hands the message to the mail system, or with --dry-run shows what it would hand over.
  private func send(_ message: [UInt8], through mailer: Mailer, to address: String) throws {
    let headers = MessageHeaders(of: message)
    if sending.dryRun {
      printError("would send (\(message.count) bytes): \(mailer.commandLine) <<EOF\n\(headers.text)\n…\nEOF")
      return
    }
    try delivering { () throws(DeliveryError) in try mailer.send(message) }
    printError("sent to \(address): Message-ID \(headers.messageID ?? "?")")
  }
}
