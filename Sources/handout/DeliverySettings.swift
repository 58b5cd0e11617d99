import ArgumentParser
import HandoutKit

/// The options `print` and `batch --print` share: where and how to print.
struct PrintSettings: ParsableArguments {
  @Option(help: "The CUPS printer (`lpstat -p` lists them). Default: the CUPS default destination.")
  var printer: String?

  @Option(help: "How many copies of each plan.")
  var copies = 1

  @Flag(help: "Print on one side only. Default: both sides (long edge; short edge for a landscape brochure) when a plan has two pages or more.")
  var oneSided = false

  func validate() throws {
    guard (1...100).contains(copies) else { throw ValidationError("--copies must be from 1 to 100, not \(copies)") }
    if let printer, printer.isEmpty || printer.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "#" }) {
      throw ValidationError("--printer takes a CUPS queue name, such as front-desk; not \"\(printer)\"")
    }
  }

  var destination: Printer {
    var printer = Printer(name: printer)
    printer.copies = copies
    printer.isTwoSided = !oneSided
    return printer
  }
}

/// The options `render` and `batch` share for sending the plan email.
struct SendSettings: ParsableArguments {
  @Flag(help: "Send the plan email (as --eml writes it) through the system's sendmail -t -oi.")
  var send = false

  @Option(help: "The sendmail program --send hands the message to.")
  var sendmail = Mailer.defaultProgram

  @Flag(help: "Render, but only show what would be sent or printed; send and print nothing.")
  var dryRun = false

  var mailer: Mailer? { send ? Mailer(program: sendmail) : nil }
}
