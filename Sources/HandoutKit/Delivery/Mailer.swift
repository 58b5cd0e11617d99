import Foundation

/// The system's sendmail interface (msmtp-mta, Postfix, Exim): a message goes to
/// `sendmail -t -oi` on standard input, which reads the recipients from its To header.
public struct Mailer: Sendable {
  public static let defaultProgram = "/usr/sbin/sendmail"

  /// The sendmail program.
  public var program: String

  public init(program: String = Mailer.defaultProgram) {
    self.program = program
  }

  /// `-t`: recipients from the headers; `-oi`: a line holding a single dot does not end the message.
  public var arguments: [String] { ["-t", "-oi"] }

  /// The command line, for `--dry-run`.
  public var commandLine: String { ([program] + arguments).map(shellQuoted).joined(separator: " ") }

  /// Checks that the sendmail program is there, so a batch stops before rendering anything.
  public func check() throws(DeliveryError) {
    guard findProgram(program) == nil else { return }
    throw missingProgram
  }

  private var missingProgram: DeliveryError {
    DeliveryError(
      "cannot send: there is no mail program at \(program)",
      hint: "install a mail transfer agent that provides sendmail (msmtp-mta, postfix or exim4), "
        + "or give --sendmail PATH; see Docs/delivery.md")
  }

  /// Hands `message` to the mail system. A non-zero exit is an error carrying what it said.
  public func send(_ message: [UInt8]) throws(DeliveryError) {
    guard let path = findProgram(program) else { throw missingProgram }
    let result = try runProgram(path, arguments, input: message)
    guard result.status == 0 else {
      let said = oneLine(result.output)
      throw DeliveryError(
        "the mail system did not take the message: \(said.isEmpty ? "no reason given" : said) "
          + "(\(URL(fileURLWithPath: program).lastPathComponent) exited with \(result.status))",
        hint: "the message was not sent; fix the address or the mail setup and send it again")
    }
  }
}

/// The headers of a message Handout wrote, for the ledger and `--dry-run`.
public struct MessageHeaders: Sendable {
  /// The header block as written (7-bit, folded lines), with LF line ends.
  public var text: String
  /// The Message-ID, with its angle brackets.
  public var messageID: String?

  public init(of message: [UInt8]) {
    let bytes = message.prefix(16_384)
    var end = bytes.count
    for index in bytes.indices.dropLast(3)
    where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
      end = index
      break
    }
    text = String(decoding: bytes[..<end], as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    messageID = text.split(separator: "\n").first { $0.lowercased().hasPrefix("message-id:") }
      .map { $0.dropFirst("message-id:".count).trimmingCharacters(in: .whitespaces) }
  }
}
