import ArgumentParser
import Foundation
import HandoutKit
import HandoutModel

struct Batch: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render many plans: NDJSON, JSON arrays, folders of plans, or standard input.",
    discussion: """
      Plans are read one at a time, so a batch of any size runs in the same
      memory. Every file is written to a temporary name and renamed into place:
      a killed batch leaves no half-written PDF, and --resume carries on where
      it stopped.

      Examples:
        handout batch plans.ndjson -o out/
        handout batch plans/ --name "{clinic.name}-{name}" --report report.jsonl
        export-plans | handout batch - -o out/ --eml
        handout batch plans.ndjson --shard 1/4 --resume   (machine 1 of 4)
        handout batch plans.ndjson -o out/ --send --rate 30/min
        handout batch plans.ndjson -o out/ --send --resume  (after a kill)
        handout batch plans.ndjson -o out/ --print --printer front-desk

      --send keeps a send ledger, out/send-ledger.jsonl. A second run into the
      same folder refuses to send again, unless --resume (only what was not
      sent) or --send-again (all). See Docs/delivery.md.

      Name placeholders: {name} (the client's name, else the plan's title), a
      dotted JSON path into the plan ({client.name}, {client.id}), {date} (the
      plan's date, else today's), {input} (the input file's name), {record}
      (the plan's number in its input) and {n} (its position in the batch). A
      placeholder that names no plan field is an error. See Docs/batch.md.

      Exit codes: 0 every plan rendered (or skipped by --resume); 65 some plans
      failed (the others were written; each failure is reported with its input,
      line and JSON path; a plan that could not be printed or sent counts as
      failed); 64 bad arguments, unreadable inputs or a ledger that records
      sends; 69 CUPS or the mail program missing or unreachable; 1 anything
      else, such as an output folder that cannot be written.
      """)

  @Argument(help: "Plan files, folders of plan files (.json, .ndjson, .jsonl), or - for standard input.")
  var inputs: [String]

  @Option(name: .shortAndLong, help: "The folder to write into.")
  var output = "Output"

  @Option(help: "The output file name, without extension; see the placeholders below.")
  var name = OutputNamer.defaultTemplate

  @Option(help: "Worker threads, each with its own fonts. Default: the number of cores.")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Render only part i of n (1 ≤ i ≤ n) of the batch, for n machines sharing it.")
  var shard: String?

  @Flag(help: "Skip plans whose output is already complete.")
  var resume = false

  @Flag(help: "Write an email (.eml) with the PDF attached beside each PDF.")
  var eml = false

  @Option(help: "Write one JSON line per plan to this file: input, output, status, pages, bytes, milliseconds.")
  var report: String?

  @OptionGroup var settings: RenderSettings

  @OptionGroup var sending: SendSettings

  @Flag(help: "Send again plans the send ledger records as sent.")
  var sendAgain = false

  @Option(help: "Send at most this many emails: N/min, N/h or N/s (providers throttle).")
  var rate: String?

  @Flag(help: "Print every rendered plan through CUPS (lp).")
  var print = false

  @OptionGroup var printing: PrintSettings

  @Flag(name: .shortAndLong, help: "Print each plan's warnings, not just their count.")
  var verbose = false

  @Flag(name: .shortAndLong, help: "No progress bar and no summary; failures are still printed.")
  var quiet = false

  func validate() throws {
    if let rate, SendRate(rate) == nil { throw ValidationError("--rate must be N/min, N/h or N/s with N above 0, such as 30/min; not \(rate)") }
    if (rate != nil || sendAgain), !sending.send { throw ValidationError("--rate and --send-again are for --send") }
    if sending.dryRun, !sending.send, !print { throw ValidationError("--dry-run shows what --send or --print would do; add one") }
    if printing.printer != nil || printing.copies != 1 || printing.oneSided, !print {
      throw ValidationError("--printer, --copies and --one-sided are for --print")
    }
    guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be from 1 to 256, not \(jobs)") }
    if let shard, let problem = Shard.problem(in: shard) { throw ValidationError(problem) }
    for placeholder in OutputNamer.placeholders(in: name) {
      if placeholder.isEmpty {
        throw ValidationError("--name has an empty placeholder {}; write a JSON path such as {client.name}")
      }
      if !OutputNamer.builtInPlaceholders.contains(placeholder), !Schemas.planHasField(placeholder) {
        let near = Suggestion.nearest(to: placeholder, in: OutputNamer.builtInPlaceholders + OutputNamer.commonPlaceholders)
        throw ValidationError(
          "--name's {\(placeholder)} names no field of a plan" + (near.map { "; did you mean {\($0)}?" } ?? "")
            + " Placeholders are {date}, {input}, {record}, {n} or a plan field such as {client.name}")
      }
    }
  }

  func run() throws {
    if jobs == 1 { keepAllocatorToOneArena() }
    var options = BatchOptions(inputs: inputs)
    options.outputDirectory = output
    options.nameTemplate = name
    options.jobs = jobs
    options.shard = shard.flatMap(Shard.init) ?? .whole
    options.resumes = resume
    options.writesEmail = eml
    options.reportPath = report
    options.fontDirectories = settings.fontDirectories
    options.catalogFile = settings.catalog
    options.request = settings.request(plan: [], planPath: nil)
    options.mailer = sending.mailer
    options.sendsAgain = sendAgain
    options.isDryRun = sending.dryRun
    options.sendRate = rate.flatMap(SendRate.init)
    if print { options.printer = printing.destination }
    if !sending.dryRun {
      // CUPS or the mail program missing would fail every plan: stop before rendering any.
      try delivering { () throws(DeliveryError) in
        try options.printer?.check()
        try options.mailer?.check()
      }
    }

    let progressBar = isatty(2) != 0 && !quiet ? ProgressBar() : nil
    let total: Int?
    if progressBar != nil, let files = try? BatchRunner.expand(inputs) {
      total = BatchRunner.count(files, shard: options.shard)
    } else {
      total = nil
    }
    let verbose = self.verbose
    let runner = BatchRunner(options: options) { outcome, progress in
      var message: String?
      if outcome.status == .failed {
        let errors = outcome.diagnostics.filter { $0.severity == .error }.map(labelled(outcome))
        message = DiagnosticFormatter.shown(errors).joined(separator: "\n")
      } else if verbose, !outcome.diagnostics.isEmpty {
        message = DiagnosticFormatter.shown(outcome.diagnostics).joined(separator: "\n")
      }
      if let dryRun = outcome.dryRun { message = [message, dryRun].compactMap { $0 }.joined(separator: "\n") }
      if let message {
        // The bar steps aside for the message and comes back below it.
        progressBar?.clear()
        printError(message)
        progressBar?.draw(progress, now: true)
      } else {
        progressBar?.draw(progress)
      }
    }
    let result = try reportingErrors { () throws(HandoutError) in try runner.run(total: total) }
    progressBar?.clear()
    if !quiet { printError(summary(result)) }
    if result.failed > 0 { throw ExitCode(65) }
  }

  /// A failure with no place of its own names its plan.
  private func labelled(_ outcome: BatchOutcome) -> (Diagnostic) -> Diagnostic {
    { diagnostic in
      var labelled = diagnostic
      if labelled.file == nil { labelled.file = outcome.input }
      if labelled.location == nil, outcome.line > 0 { labelled.location = SourceLocation(line: outcome.line, column: 1) }
      return labelled
    }
  }

  private func summary(_ progress: BatchProgress) -> String {
    var parts = ["\(progress.rendered) rendered"]
    if progress.skipped > 0 { parts.append("\(progress.skipped) skipped (already complete)") }
    parts.append("\(progress.failed) failed")
    var text = "batch: " + parts.joined(separator: ", ")
    text += String(format: " in %.1f s (%.0f plans/s) into %@/", progress.seconds, progress.rate, output)
    if progress.printed > 0 { text += "\n  \(progress.printed) printed" + (printing.printer.map { " on \($0)" } ?? "") }
    if sending.send, !sending.dryRun {
      text += "\n  \(progress.sent) emails sent"
      if progress.alreadySent > 0 { text += ", \(progress.alreadySent) not sent again (the send ledger records them sent)" }
    }
    if progress.unconfirmed > 0 {
      text += "\n  warning: \(progress.unconfirmed) emails were handed to the mail system by a run that was killed before "
        + "it answered; they were not sent again. Look their Message-IDs (status \"sending\" in "
        + "\(output)/\(SendLedger.fileName)) up in the mail log; send one again with handout render PLAN --send"
    }
    if progress.warned > 0, !verbose {
      text += "\n  \(progress.warned) rendered plans had warnings: see --report FILE, or add --verbose"
    }
    if progress.failed > 0 {
      text += "\n  the failed plans are listed above" + (report.map { " and in \($0)" } ?? "")
    }
    return text
  }
}

/// A one-line progress bar on standard error: done/total, rate, time left.
final class ProgressBar: @unchecked Sendable {
  private var lastDraw: UInt64 = 0
  private var isShown = false

  func draw(_ progress: BatchProgress, now isUrgent: Bool = false) {
    let now = DispatchTime.now().uptimeNanoseconds
    // Ten times a second is enough for the eye, and keeps the terminal cheap.
    guard isUrgent || now - lastDraw > 100_000_000 || progress.done == progress.total else { return }
    lastDraw = now
    var line = ""
    if let total = progress.total, total > 0 {
      let width = 30
      let filled = min(width, progress.done * width / total)
      line = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
      line += "\(progress.done)/\(total)"
      let left = progress.rate > 0 ? Double(total - progress.done) / progress.rate : 0
      line += String(format: "  %.0f plans/s  ETA %d:%02d", progress.rate, Int(left) / 60, Int(left) % 60)
    } else {
      line = "\(progress.done) plans" + String(format: "  %.0f plans/s", progress.rate)
    }
    if progress.failed > 0 { line += "  \(progress.failed) failed" }
    FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    isShown = true
  }

  func clear() {
    guard isShown else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    isShown = false
  }
}
