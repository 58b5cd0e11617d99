import Foundation

/// A CUPS destination and how to print on it. Jobs go through CUPS's own client, `lp`, which
/// reads the PDF from standard input: CUPS_SERVER and ~/.cups/client.conf choose the server as
/// for any other program.
public struct Printer: Sendable {
  /// The CUPS destination; `nil` for the default one (`lpstat -d`, `lpoptions -d NAME`).
  public var name: String?
  public var copies = 1
  /// Print documents of two pages or more on both sides of the sheet.
  public var isTwoSided = true
  /// The `lp` program; found in PATH by default.
  public var program = "lp"

  public init(name: String? = nil) {
    self.name = name
  }

  /// The sheet a document is printed on.
  public struct Sheet: Sendable {
    /// `Letter` or `A4`, as CUPS names media.
    public var media: String
    /// Pages wider than they are tall (the tri-fold brochure).
    public var isLandscape: Bool
    public var pageCount: Int

    public init(media: String, isLandscape: Bool, pageCount: Int) {
      self.media = media
      self.isLandscape = isLandscape
      self.pageCount = pageCount
    }
  }

  /// `lp`'s arguments for a document of `sheet`, titled `title`; the PDF comes on standard input.
  public func arguments(for sheet: Sheet, title: String) -> [String] {
    var arguments: [String] = []
    if let name { arguments += ["-d", name] }
    arguments += ["-n", "\(copies)"]
    // A landscape page turns over the short edge of the paper, a portrait one over the long edge.
    let sides = !isTwoSided || sheet.pageCount < 2
      ? "one-sided" : sheet.isLandscape ? "two-sided-short-edge" : "two-sided-long-edge"
    arguments += ["-o", "sides=\(sides)", "-o", "media=\(sheet.media)"]
    arguments += ["-t", Self.jobTitle(title)]
    return arguments
  }

  /// The command line, for `--dry-run`.
  public func commandLine(for sheet: Sheet, title: String) -> String {
    ([program] + arguments(for: sheet, title: title)).map(shellQuoted).joined(separator: " ")
  }

  /// Submits `pdf` and returns the CUPS job id (`front-desk-42`).
  public func submit(_ pdf: [UInt8], sheet: Sheet, title: String) throws(DeliveryError) -> String {
    guard let lp = findProgram(program) else { throw missingClient }
    let result = try runProgram(lp, arguments(for: sheet, title: title), input: pdf)
    guard result.status == 0 else { throw explain(result, lp: lp) }
    // "request id is front-desk-42 (0 file(s))"
    let words = result.output.split(whereSeparator: \.isWhitespace)
    guard let index = words.firstIndex(of: "is"), index > 0, words[index - 1] == "id", index + 1 < words.count else {
      throw DeliveryError("lp took the job but did not say its id: \(oneLine(result.output))")
    }
    return String(words[index + 1])
  }

  /// Checks that CUPS's client is installed, a scheduler answers and the printer exists, so a
  /// batch stops before rendering anything it cannot print.
  public func check() throws(DeliveryError) {
    guard let lp = findProgram(program) else { throw missingClient }
    let lpstat = URL(fileURLWithPath: lp).deletingLastPathComponent().appendingPathComponent("lpstat").path
    guard access(lpstat, X_OK) == 0 else { return }
    if let error = schedulerProblem(lpstat: lpstat) { throw error }
    if let name {
      let result = try runProgram(lpstat, ["-p", name], input: [])
      guard result.status == 0 else {
        throw DeliveryError(
          "cannot print on printer \(name): CUPS has no such printer",
          hint: "`lpstat -p` lists the printers; `lpadmin` adds one (Docs/delivery.md)")
      }
    } else {
      let result = try runProgram(lpstat, ["-d"], input: [])
      guard result.output.contains("destination:") else {
        throw DeliveryError(
          "cannot print: CUPS has no default printer",
          hint: "give --printer NAME, or choose a default printer with `lpoptions -d NAME`")
      }
    }
  }

  private var missingClient: DeliveryError {
    DeliveryError(
      "cannot print: \(program), the CUPS client, is not installed",
      hint: "install CUPS's client (Debian and Ubuntu: apt-get install cups-client); see Docs/delivery.md")
  }

  /// Why no scheduler answers, if none does.
  private func schedulerProblem(lpstat: String) -> DeliveryError? {
    guard let status = try? runProgram(lpstat, ["-r"], input: []), !status.output.contains("scheduler is running") else {
      return nil
    }
    let server = ProcessInfo.processInfo.environment["CUPS_SERVER"]
    return DeliveryError(
      "cannot print: no CUPS scheduler is running" + (server.map { " at CUPS_SERVER=\($0)" } ?? " on this machine"),
      hint: "start CUPS (systemctl start cups), or set CUPS_SERVER to the print server's host:port")
  }

  private var destination: String { name.map { "printer \($0)" } ?? "the default printer" }

  /// lp's complaint as a fact with a fix. lp says "the printer or class does not exist" when no
  /// scheduler answers at all, so the scheduler is asked first.
  private func explain(_ result: ProgramResult, lp: String) -> DeliveryError {
    let lpstat = URL(fileURLWithPath: lp).deletingLastPathComponent().appendingPathComponent("lpstat").path
    if access(lpstat, X_OK) == 0, let problem = schedulerProblem(lpstat: lpstat) { return problem }
    var said = oneLine(result.output)
    // "/usr/bin/lp: Error - The printer or class does not exist."
    if let colon = said.range(of: ": "), said[..<colon.lowerBound].hasSuffix("lp") { said = String(said[colon.upperBound...]) }
    if said.hasPrefix("Error - ") { said.removeFirst("Error - ".count) }
    let lowered = said.lowercased()
    let hint: String
    if lowered.contains("does not exist") {
      hint = "`lpstat -p` lists the printers; `lpadmin` adds one (Docs/delivery.md)"
    } else if lowered.contains("no default destination") {
      hint = "give --printer NAME, or choose a default printer with `lpoptions -d NAME`"
    } else if lowered.contains("not accepting") {
      hint = "the printer was stopped from taking jobs; `cupsaccept \(name ?? "NAME")` opens it again"
    } else {
      hint = "CUPS's error log (/var/log/cups/error_log) says more"
    }
    return DeliveryError("cannot print on \(destination): CUPS refused the job: \(said)", hint: hint)
  }

  /// A job title CUPS shows in its queue: printable characters only, at most 120.
  static func jobTitle(_ text: String) -> String {
    let printable = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }))
    return printable.isEmpty ? "handout" : String(printable.prefix(120))
  }
}

/// `text` as one word for a POSIX shell.
func shellQuoted(_ text: String) -> String {
  let plain = text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./=:,@+%".unicodeScalars.contains($0) }
  return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
