/// Writes diagnostics as the lines a person reads: `file:line:column: error: path: message`,
/// then `hint:`; the words themselves come from `Problem+Message.swift`.
public enum DiagnosticFormatter {
  /// The text of one diagnostic: a first line in compiler style, then an indented hint.
  ///
  /// ```
  /// plan.json:42:17: error: homeCare[1].repeat: expected a whole number of at least 1, found 0
  ///   hint: how many times to do the exercise in a row, for example 3
  /// ```
  public static func format(_ diagnostic: Diagnostic) -> String {
    var text = ""
    if let file = diagnostic.file {
      text = file
      if let location = diagnostic.location { text += ":\(location)" }
      text += ": "
    }
    text += "\(diagnostic.severity.rawValue): "
    if let path = diagnostic.path, !path.components.isEmpty { text += "\(path): " }
    text += diagnostic.message
    if let hint = diagnostic.hint { text += "\n  hint: \(hint)" }
    return text
  }

  /// The most diagnostics written out in full; the rest are counted, so that standard error
  /// stays short however broken an input is.
  public static let shownLimit = 50

  /// The most bytes the diagnostics written out in full take: with a long file name or long
  /// quoted values, fewer than ``shownLimit`` are written, and standard error stays under 64 KB.
  public static let shownBytes = 60_000

  /// The text of several diagnostics, one after another: the first ``shownLimit`` (within
  /// ``shownBytes``), then one line counting the rest, then the count of errors and warnings.
  public static func format(_ diagnostics: [Diagnostic]) -> String {
    var lines = shown(diagnostics)
    let errors = diagnostics.count { $0.severity == .error }
    let warnings = diagnostics.count - errors
    if diagnostics.count > 1 || errors > 0 {
      lines.append(countSummary(errors: errors, warnings: warnings))
    }
    return lines.joined(separator: "\n")
  }

  /// The diagnostics written out in full, and a line counting those left out.
  public static func shown(_ diagnostics: [Diagnostic]) -> [String] {
    var lines: [String] = []
    var bytes = 0
    for diagnostic in diagnostics.prefix(shownLimit) {
      var text = format(diagnostic)
      if text.utf8.count > shownBytes / shownLimit * 4 {
        // One diagnostic never takes more than a few kilobytes (a very long file name).
        text = String(decoding: text.utf8.prefix(shownBytes / shownLimit * 4), as: UTF8.self) + "…"
      }
      guard bytes + text.utf8.count <= shownBytes else { break }
      bytes += text.utf8.count + 1
      lines.append(text)
    }
    if diagnostics.count > lines.count {
      let rest = diagnostics.count - lines.count
      lines.append("… and \(rest) more \(rest == 1 ? "problem" : "problems"); fix these first, then run validate again")
    }
    return lines
  }

  static func countSummary(errors: Int, warnings: Int) -> String {
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
  }
}

extension Int {
  /// The number with thousands separators, as limits are written in messages: 25,000,000.
  public var grouped: String {
    let digits = String(magnitude)
    var result = self < 0 ? "-" : ""
    for (offset, character) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return result
  }
}
