import Foundation
import Testing

/// `handout print` and `batch --print` against a real CUPS scheduler with a cups-pdf printer,
/// started here: the printed PDF is what CUPS made of the job.
///
/// They run as root only, as CI runs them: cups-pdf is a root-only backend (mode 0700, and it
/// reads its configuration only from /etc/cups), so a user's `make test` skips them and says so.
@Suite(
  "Printing through CUPS",
  .enabled(if: getuid() == 0, "the CUPS tests need root (the cups-pdf backend runs only as root); CI runs them"))
struct PrintTests {
  let scratch: Scratch
  let cups: CUPSServer
  /// TMPDIR for handout: it must stay empty.
  let temporary: URL

  init() throws {
    scratch = try Scratch()
    cups = try CUPSServer(in: scratch.url.appendingPathComponent("cups"))
    temporary = scratch.url.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
  }

  var environment: [String: String] { cups.environment.merging(["TMPDIR": temporary.path]) { $1 } }

  var referencePlan: String { sharedExamples.appendingPathComponent("sciatica-plan.json").path }

  /// The words of each page, in reading order as pdftotext finds them, sorted: cups-pdf keeps
  /// the text but may order the blocks of a page differently.
  func wordsByPage(_ pdf: String) throws -> [[String]] {
    let pages = try pageCount(pdf)
    return try (1...max(pages, 1)).map { page in
      let text = try run("pdftotext", ["-f", "\(page)", "-l", "\(page)", pdf, "-"])
      return String(decoding: text.stdout, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init).sorted()
    }
  }

  func pageCount(_ pdf: String) throws -> Int {
    let info = String(decoding: try run("pdfinfo", [pdf]).stdout, as: UTF8.self)
    let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
    return Int(line.split(separator: " ").last ?? "") ?? 0
  }

  func pageSize(_ pdf: String) throws -> String {
    let info = String(decoding: try run("pdfinfo", [pdf]).stdout, as: UTF8.self)
    let line = info.split(separator: "\n").first { $0.hasPrefix("Page size:") } ?? ""
    return line.dropFirst("Page size:".count).trimmingCharacters(in: .whitespaces)
  }

  @Test func theReferencePlanPrintsAsAJobThatCompletesWithThePlansPagesAndText() throws {
    let result = try run(handoutBinary, ["print", referencePlan, "--printer", cups.printer], environment: environment)
    #expect(result.status == 0, "\(result.stderr)")
    let job = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(job.hasPrefix(cups.printer + "-"), "stdout is the job id: \(job)")
    #expect(cups.waitForCompletion(of: job), "the job did not complete: \(cups.log.suffix(2000))")

    let printed = try cups.printedPDFs()
    try #require(printed.count == 1, "cups-pdf wrote \(printed)")
    let rendered = scratch.url.appendingPathComponent("rendered.pdf").path
    #expect(try run(handoutBinary, ["render", referencePlan, "-o", rendered]).status == 0)
    #expect(try pageCount(printed[0].path) == pageCount(rendered))
    #expect(try pageSize(printed[0].path).hasPrefix("612 x 792"), "the layout's paper is Letter")
    let words = try wordsByPage(printed[0].path)
    let renderedWords = try wordsByPage(rendered)
    // A page whose text the print filters lost (a page flattened to an image) shows as its words.
    let differences = zip(words, renderedWords).map { Set($0).symmetricDifference(Set($1)).sorted() }
    #expect(words == renderedWords, "the printed pages hold the plan's text, page for page; words on one only: \(differences)")
    #expect(words[0].contains("Alvarez") && words.joined().count > 1000)
    // Four pages: both sides of the sheet, turning over the long edge; the layout's paper.
    let attributes = cups.attributes(of: job)
    #expect(attributes.contains("two-sided-long-edge") && attributes.contains("Letter"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
  }

  @Test func paperCopiesAndOneSidedReachTheJob() throws {
    let result = try run(
      handoutBinary, ["print", referencePlan, "--printer", cups.printer, "--paper", "a4", "--one-sided", "--copies", "2"],
      environment: environment)
    #expect(result.status == 0, "\(result.stderr)")
    let job = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(cups.waitForCompletion(of: job), "\(cups.log.suffix(2000))")
    let attributes = cups.attributes(of: job)
    #expect(attributes.contains("one-sided") && !attributes.contains("two-sided"))
    #expect(attributes.contains("A4"))
    let printed = try cups.printedPDFs()
    try #require(printed.count == 1)
    #expect(try pageSize(printed[0].path).hasPrefix("595 x 842"), "A4")
  }

  @Test func anUnknownPrinterARefusedJobAndAMissingCUPSExit69AndLeaveNoFile() throws {
    let unknown = try run(handoutBinary, ["print", referencePlan, "--printer", "no-such-printer"], environment: environment)
    #expect(unknown.status == 69)
    #expect(unknown.stderr.contains("error: cannot print on printer no-such-printer: CUPS has no such printer"), "\(unknown.stderr)")

    #expect(try run("/usr/sbin/cupsreject", [cups.printer], environment: environment).status == 0)
    let refused = try run(handoutBinary, ["print", referencePlan, "--printer", cups.printer], environment: environment)
    #expect(refused.status == 69)
    #expect(refused.stderr.contains("CUPS refused the job") && refused.stderr.contains("is not accepting jobs"), "\(refused.stderr)")
    #expect(refused.stderr.contains("hint: the printer was stopped from taking jobs; `cupsaccept \(cups.printer)`"))

    var noScheduler = environment
    noScheduler["CUPS_SERVER"] = scratch.url.appendingPathComponent("no-cups.sock").path
    let unreachable = try run(handoutBinary, ["print", referencePlan, "--printer", cups.printer], environment: noScheduler)
    #expect(unreachable.status == 69)
    #expect(unreachable.stderr.contains("error: cannot print: no CUPS scheduler is running at CUPS_SERVER="), "\(unreachable.stderr)")
    // A batch stops before rendering anything it could not print.
    let out = scratch.url.appendingPathComponent("out")
    let batch = try run(handoutBinary, ["batch", referencePlan, "-o", out.path, "--print"], environment: noScheduler)
    #expect(batch.status == 69 && batch.stderr.contains("no CUPS scheduler is running"), "\(batch.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.path))

    var noClient = environment
    noClient["PATH"] = temporary.appendingPathComponent("empty").path
    let missing = try run(handoutBinary, ["print", referencePlan], environment: noClient)
    #expect(missing.status == 69)
    #expect(missing.stderr.contains("cannot print: lp, the CUPS client, is not installed"), "\(missing.stderr)")
    #expect(missing.stderr.contains("apt-get install cups-client"))

    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
    #expect(try cups.printedPDFs().isEmpty)
  }

  @Test func batchPrintPrintsEverySuccessfulPlan() throws {
    let plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: referencePlan))) as? [String: Any])
    var lines: [String] = []
    for (index, client) in ["Ana Ruiz", "Ben Okafor"].enumerated() {
      var copy = plan
      copy["client"] = ["name": client, "email": "client\(index)@example.com"]
      copy.removeValue(forKey: "logo")
      if var clinic = copy["clinic"] as? [String: Any] {
        clinic.removeValue(forKey: "logo")
        copy["clinic"] = clinic
      }
      lines.append(String(decoding: try JSONSerialization.data(withJSONObject: copy, options: [.sortedKeys]), as: UTF8.self))
    }
    lines.insert(#"{"format": 1, "client": {"name": "Cut off""#, at: 1)
    let input = scratch.url.appendingPathComponent("plans.ndjson")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
    let report = scratch.url.appendingPathComponent("report.jsonl").path
    let result = try run(
      handoutBinary,
      ["batch", input.path, "-o", scratch.url.appendingPathComponent("out").path, "--print", "--printer", cups.printer, "--report", report],
      environment: environment)
    #expect(result.status == 65, "the broken plan fails: \(result.stderr)")
    #expect(result.stderr.contains("2 printed on \(cups.printer)"), "\(result.stderr)")
    let jobs = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n").compactMap {
      (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["printJob"] as? String
    }
    #expect(jobs.count == 2)
    for job in jobs { #expect(cups.waitForCompletion(of: job), "\(cups.log.suffix(2000))") }
    let printed = try cups.printedPDFs()
    #expect(printed.count == 2)
    let names = try printed.map { try wordsByPage($0.path)[0] }
    #expect(names.contains { $0.contains("Ruiz") } && names.contains { $0.contains("Okafor") })
  }

  @Test func printHelpShowsItsOptions() throws {
    let help = try run(handoutBinary, ["print", "--help"])
    let text = String(decoding: help.stdout, as: UTF8.self)
    for option in ["--printer", "--copies", "--one-sided", "--layout", "--paper", "--large-print", "--dry-run", "69"] {
      #expect(text.contains(option), "print --help lacks \(option)")
    }
  }

  @Test func dryRunShowsTheLpCommandAndPrintsNothing() throws {
    let result = try run(
      handoutBinary, ["print", referencePlan, "--printer", cups.printer, "--layout", "trifold-brochure", "--dry-run"],
      environment: environment)
    #expect(result.status == 0, "\(result.stderr)")
    let text = String(decoding: result.stdout, as: UTF8.self)
    #expect(text.hasPrefix("lp -d \(cups.printer) -n 1 -o sides=two-sided-short-edge -o media=Letter -t "), "\(text)")
    #expect(try cups.printedPDFs().isEmpty)
    #expect(!cups.log.contains("[Job 1]"))
  }
}
