import Foundation
import HandoutModel

/// What happened to one plan of a batch; one line of the `--report` file.
public struct BatchOutcome: Sendable {
  public enum Status: String, Sendable, Codable {
    /// Rendered and written.
    case ok
    /// Not rendered: the diagnostics say why.
    case failed
    /// Not rendered again: `--resume` found its output complete.
    case skipped
  }

  public var input: String
  /// The plan's number in its input, from 1.
  public var record: Int
  /// The line of the input the plan starts on.
  public var line: Int
  /// The PDF's path.
  public var output: String?
  /// The email's path, with `--eml`.
  public var email: String?
  public var status: Status
  public var pages: Int?
  public var bytes: Int?
  public var milliseconds: Double
  /// Errors for a failed plan, warnings for a rendered one.
  public var diagnostics: [Diagnostic]
  /// The CUPS job id, with `--print`.
  public var printJob: String?
  /// The email's Message-ID, with `--send`.
  public var messageID: String?
  /// What became of the email, with `--send`.
  public var mail: Mail?
  /// With `--dry-run`: what would be printed and sent.
  public var dryRun: String?

  /// What became of a plan's email.
  public enum Mail: String, Sendable, Codable {
    /// Handed to the mail system, which took it.
    case sent
    /// Not sent: the send ledger records it sent by an earlier run.
    case alreadySent = "already-sent"
    /// Not sent: an earlier run handed it over and was killed before the answer came.
    case unconfirmed
    /// `--dry-run`: it would be sent.
    case wouldSend = "would-send"
  }

  /// Notes what the ledger says of a plan that is not sent again.
  mutating func note(_ entry: SendLedger.Entry?) {
    guard let entry else { return }
    messageID = entry.messageID
    mail = entry.status == .sent ? .alreadySent : .unconfirmed
  }

  /// The report line: one JSON object.
  public func jsonLine() -> String {
    struct Line: Encodable {
      struct Problem: Encodable {
        var severity: String
        var message: String
        var path: String?
        var line: Int?
        var column: Int?
        var hint: String?
      }
      var input: String
      var record: Int
      var line: Int
      var output: String?
      var email: String?
      var status: Status
      var pages: Int?
      var bytes: Int?
      var milliseconds: Double
      var problems: [Problem]?
      var printJob: String?
      var messageID: String?
      var mail: Mail?
    }
    let line = Line(
      input: input, record: record, line: self.line, output: output, email: email, status: status,
      pages: pages, bytes: bytes, milliseconds: (milliseconds * 10).rounded() / 10,
      problems: diagnostics.isEmpty ? nil : diagnostics.map {
        .init(
          severity: $0.severity.rawValue, message: $0.message, path: $0.path.map { "\($0)" },
          line: $0.location?.line, column: $0.location?.column, hint: $0.hint)
      }, printJob: printJob, messageID: messageID, mail: mail)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(line)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}

/// How far a batch has got.
public struct BatchProgress: Sendable {
  public var rendered = 0
  public var failed = 0
  public var skipped = 0
  /// Plans rendered with warnings.
  public var warned = 0
  /// Plans printed (`--print`).
  public var printed = 0
  /// Emails sent (`--send`).
  public var sent = 0
  /// Emails not sent because an earlier run sent them.
  public var alreadySent = 0
  /// Emails an earlier, killed run handed over without an answer: not sent again.
  public var unconfirmed = 0
  /// Plans in this shard, when known in advance.
  public var total: Int?
  public var seconds: Double = 0

  public var done: Int { rendered + failed + skipped }

  /// Plans rendered per second so far.
  public var rate: Double { seconds > 0 ? Double(rendered + failed) / seconds : 0 }
}
