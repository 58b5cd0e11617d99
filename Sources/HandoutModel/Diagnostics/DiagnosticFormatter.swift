/// Turns diagnostics into the lines a person reads: `file:line:column: error: message`.
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
  /// stays short (under 64 KB) however broken an input is.
  public static let shownLimit = 50

  /// The text of several diagnostics, one after another, with a closing count.
  public static func format(_ diagnostics: [Diagnostic]) -> String {
    var lines = diagnostics.prefix(shownLimit).map(format)
    if diagnostics.count > shownLimit {
      lines.append("… and \(diagnostics.count - shownLimit) more; fix these first, then run validate again")
    }
    let errors = diagnostics.count { $0.severity == .error }
    let warnings = diagnostics.count - errors
    if diagnostics.count > 1 || errors > 0 {
      lines.append(countSummary(errors: errors, warnings: warnings))
    }
    return lines.joined(separator: "\n")
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
