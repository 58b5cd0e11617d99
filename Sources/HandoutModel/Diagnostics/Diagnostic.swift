/// One problem found in an input file: what went wrong (a ``Problem``, a fact), where, and how
/// serious it is.
///
/// `Problem+Message.swift` words the problem as ``message`` and ``hint``; ``DiagnosticFormatter``
/// writes the lines a person reads.
public struct Diagnostic: Sendable, Hashable {
  /// How serious a problem is.
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
  }

  public var severity: Severity
  /// What is wrong.
  public var problem: Problem
  /// The file the problem is in; `nil` for standard input before it is named.
  public var file: String?
  /// Where in the file; `nil` when the problem concerns the file as a whole.
  public var location: SourceLocation?
  /// The JSON path of the value at fault, when there is one.
  public var path: JSONPath?
  /// What kind of file it is, which says where its format is documented.
  public var input: InputKind

  public init(
    _ severity: Severity, _ problem: Problem, file: String? = nil, at location: SourceLocation? = nil,
    path: JSONPath? = nil, in input: InputKind = .plan
  ) {
    self.severity = severity
    self.problem = problem
    self.file = file
    self.location = location
    self.path = path
    self.input = input
  }
}

/// The kinds of file Handout reads, each documented in its own place.
public enum InputKind: Sendable, Hashable {
  /// A care plan (Docs/plan-format.md).
  case plan
  /// A layout file (`handout schema --layout`, Layouts/README.md).
  case layout
  /// A clinic's catalogue file (`handout catalog --json`).
  case catalogue
  /// One of the package's own catalogue files.
  case builtInCatalogue
}
