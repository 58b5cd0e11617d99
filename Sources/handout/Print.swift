import ArgumentParser
import Foundation
import HandoutKit

struct Print: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render plans and print them through CUPS (lp); prints each CUPS job id.",
    usage: "handout print [<options>] <plans> ...",
    discussion: """
      The PDF goes to CUPS's lp on its standard input: no file is written.
      The paper is the layout's (or --paper's). A plan of two pages or more
      is printed on both sides unless --one-sided. CUPS_SERVER chooses
      another print server, as for lp itself.

      Examples:
        handout print ../shared/examples/sciatica-plan.json
        handout print plan.json --printer front-desk --copies 2 --paper a4
        handout print plan.json --layout large-print --one-sided
        handout print plan.json --dry-run        the lp command; nothing printed

      Exit codes: 0 every plan printed; 64 a plan that does not render (the
      others are still printed); 69 CUPS missing or unreachable, an unknown
      printer or a refused job (see Docs/delivery.md); 1 anything else.
      """)

  @Argument(help: "Plan files, or - for standard input.")
  var plans: [String]

  @OptionGroup var printing: PrintSettings

  @OptionGroup var settings: RenderSettings

  @Flag(help: "Render, but only show the lp command that would print each plan.")
  var dryRun = false

  func validate() throws {
    if plans.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
  }

  func run() throws {
    let printer = printing.destination
    if !dryRun { try delivering { () throws(DeliveryError) in try printer.check() } }
    let engine = try reportingErrors { () throws(HandoutError) in
      try Engine(fontDirectories: settings.fontDirectories, catalogFile: settings.catalog)
    }
    var failed = false
    for plan in plans {
      let request = settings.request(plan: try readInput(plan), planPath: plan == "-" ? nil : plan)
      let result: RenderResult
      let sheet: Printer.Sheet
      do {
        (result, sheet) = try reportingErrors { () throws(HandoutError) in
          let result = try engine.render(request)
          return (result, try engine.sheet(for: request, plan: result.plan, pageCount: result.pageCount))
        }
      } catch let code as ExitCode where code == ExitCode(64) {
        // A plan that does not render is reported; the others are still printed.
        failed = true
        continue
      }
      report(result.warnings)
      let title = URL(fileURLWithPath: defaultOutputPath(for: result.plan, format: .pdf)).lastPathComponent
      if dryRun {
        print(printer.commandLine(for: sheet, title: title) + "    # \(plan), \(result.pageCount) pages, \(result.files[0].count) bytes")
        continue
      }
      let job = try delivering { () throws(DeliveryError) in try printer.submit(result.files[0], sheet: sheet, title: title) }
      print(job)
      let noun = result.pageCount == 1 ? "page" : "pages"
      printError("printed \(plan == "-" ? "<stdin>" : plan) on \(printer.name ?? "the default printer"): job \(job) (\(result.pageCount) \(noun))")
    }
    if failed { throw ExitCode(64) }
  }
}
