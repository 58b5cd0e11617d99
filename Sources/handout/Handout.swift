import ArgumentParser
import HandoutKit

@main
struct Handout: ParsableCommand {
  static func main() {
    tuneAllocatorForRendering()
    main(nil)
  }

  static let configuration = CommandConfiguration(
    commandName: "handout",
    abstract: "Turns JSON care plans into printable PDF handouts.",
    discussion: """
      Examples:
        handout render plan.json            → Output/<client>-<date>.pdf
        handout render plan.json -o sheet.pdf --paper a4
        cat plan.json | handout render - -o - > sheet.pdf
        handout render plan.json --format png --dpi 96 -o pages/sheet.png
        handout batch plans.ndjson -o out/ --report report.jsonl
        handout render plan.json --eml      the PDF and an email to send it
        handout print plan.json --printer front-desk     print through CUPS
        handout batch plans.ndjson -o out/ --send        email every plan, once
        handout validate plans/*.json
        handout catalog --kind homeCare     the ids a plan can use
        handout schema > plan.schema.json   for editor completion
        handout serve                       the HTTP API and the plan form

      Exit codes: 0 success; 64 bad input (with a diagnostic);
      65 a batch in which some plans failed; 69 the printing or mail system
      is missing or refused the job; 1 anything else.
      """,
    version: handoutVersion,
    subcommands: [
      Render.self, Batch.self, Print.self, Validate.self, ListLayouts.self, CatalogCommand.self, Schema.self, Serve.self,
    ])
}
