import Foundation
import HandoutModel

extension BatchRunner {
  /// Prints the plan and sends its email, as the options ask; a dry run only says how.
  static func deliver(
    _ pdf: [UInt8], message: [UInt8]?, result: RenderResult, request: RenderRequest, job: Job, engine: Engine,
    options: BatchOptions, ledger: SendLedger?, outcome: inout BatchOutcome
  ) throws(DeliveryError) {
    var dryRun: [String] = []
    if let printer = options.printer {
      let sheet: Printer.Sheet
      do {
        sheet = try engine.sheet(for: request, plan: result.plan, pageCount: result.pageCount)
      } catch {
        throw DeliveryError("cannot tell the paper size: \(error.diagnostics.map(\.message).joined(separator: "; "))")
      }
      let title = URL(fileURLWithPath: job.pdfPath).lastPathComponent
      if options.isDryRun {
        dryRun.append("would print: " + printer.commandLine(for: sheet, title: title) + " < " + job.pdfPath)
      } else {
        outcome.printJob = try printer.submit(pdf, sheet: sheet, title: title)
      }
    }
    if let mailer = options.mailer, let message {
      let headers = MessageHeaders(of: message)
      let messageID = headers.messageID ?? ""
      outcome.messageID = messageID
      if options.isDryRun {
        outcome.mail = .wouldSend
        dryRun.append("would send: " + mailer.commandLine + " <<EOF\n" + headers.text + "\n\n[a note and \(URL(fileURLWithPath: job.pdfPath).lastPathComponent), \(pdf.count) bytes]\nEOF")
      } else {
        options.sendRate?.wait()
        var entry = SendLedger.Entry(
          plan: job.name, input: job.record.input, record: job.record.number, to: result.plan.client?.email ?? "",
          messageID: messageID, status: .sending, time: utcTimestamp())
        try record(entry, in: ledger)
        do {
          try mailer.send(message)
          entry.status = .sent
        } catch {
          entry.status = .failed
          entry.error = error.message
        }
        entry.time = utcTimestamp()
        try record(entry, in: ledger)
        if entry.status == .failed { throw DeliveryError(entry.error ?? "not sent", hint: "fix the address or the mail setup; --resume then sends the plans that failed") }
        outcome.mail = .sent
      }
    }
    if !dryRun.isEmpty { outcome.dryRun = dryRun.joined(separator: "\n") }
  }

  private static func record(_ entry: SendLedger.Entry, in ledger: SendLedger?) throws(DeliveryError) {
    do {
      try ledger?.record(entry)
    } catch {
      // Without the ledger line the message could go out twice: it is not sent.
      throw DeliveryError(error.diagnostics.map(\.message).joined(separator: "; "))
    }
  }
}
