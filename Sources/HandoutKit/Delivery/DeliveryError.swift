/// Why the printing or mail system did not take a job: CUPS or the mail transfer agent is
/// missing, unreachable, or refused it. The command line exits with 69 (`EX_UNAVAILABLE`).
public struct DeliveryError: Error, CustomStringConvertible, Sendable {
  /// What went wrong, in one sentence.
  public var message: String
  /// How to fix it.
  public var hint: String?

  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }

  public var description: String { message + (hint.map { "\n  hint: \($0)" } ?? "") }
}
