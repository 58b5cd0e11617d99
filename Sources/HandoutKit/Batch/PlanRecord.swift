import HandoutModel

/// One plan of a batch: its JSON bytes and where they came from.
public struct PlanRecord: Sendable {
  /// The input file, or `<stdin>`.
  public var input: String
  /// The plan's path for the engine: the input file (relative logos start from its folder),
  /// `nil` for standard input.
  public var planPath: String?
  /// 1-based position of the plan in its input.
  public var number: Int
  /// Where the plan's JSON starts in its input.
  public var start: SourceLocation
  public var bytes: [UInt8]

  public init(input: String, planPath: String?, number: Int, start: SourceLocation, bytes: [UInt8]) {
    self.input = input
    self.planPath = planPath
    self.number = number
    self.start = start
    self.bytes = bytes
  }

  /// A location inside the record, as a location in the input file.
  public func inputLocation(of location: SourceLocation) -> SourceLocation {
    SourceLocation(
      line: start.line + location.line - 1,
      column: location.line == 1 ? start.column + location.column - 1 : location.column)
  }

  /// Diagnostics about the record's bytes, pointing into the input file instead.
  public func locatingInInput(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.map { diagnostic in
      var moved = diagnostic
      moved.file = input
      moved.location = diagnostic.location.map(inputLocation)
      if moved.location == nil, start.line > 1 || number > 1 { moved.location = start }
      return moved
    }
  }
}
