/// One problem found in an input file: what went wrong, where, and how to fix it.
///
/// Diagnostics are facts; ``DiagnosticFormatter`` is the one place that turns them into text.
public struct Diagnostic: Sendable, Hashable {
  /// How serious a problem is.
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
  }

  public var severity: Severity
  /// What is wrong, as a sentence fragment starting in lower case.
  public var message: String
  /// The file the problem is in; `nil` for standard input before it is named.
  public var file: String?
  /// Where in the file; `nil` when the problem concerns the file as a whole.
  public var location: SourceLocation?
  /// The JSON path of the value at fault, when there is one.
  public var path: JSONPath?
  /// How to fix it.
  public var hint: String?

  public init(
    _ severity: Severity, _ message: String, file: String? = nil, at location: SourceLocation? = nil,
    path: JSONPath? = nil, hint: String? = nil
  ) {
    self.severity = severity
    self.message = message
    self.file = file
    self.location = location
    self.path = path
    self.hint = hint
  }
}

/// Diagnostics found while reading one input, in the order they were found.
public struct DiagnosticError: Error, Sendable {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }
}
