import Foundation
import HandoutCompose
import HandoutModel

extension Engine {
  /// The email that sends `pdf` to the plan's client: From the clinic, To the client, the
  /// subject and a short note in the plan's language, the PDF attached as `fileName`.
  ///
  /// Render the plan with ``RenderRequest/isEmail`` set first: that checks the addresses and
  /// refuses header values with control characters. With `sourceDateEpoch` the Date and
  /// Message-ID headers are the same on every run.
  public func email(
    for plan: Plan, attaching pdf: [UInt8], named fileName: String, sourceDateEpoch: Int?, file: String?
  ) throws(HandoutError) -> [UInt8] {
    guard let clinic = plan.clinic, let from = clinic.email, let client = plan.client, let to = client.email else {
      throw .invalidInput([
        Diagnostic(.error, .emailNeedsAddresses, file: file, path: .root)
      ])
    }
    let text = composeEmail(plan, catalog: try catalog(language: plan.language))
    if text.subject.unicodeScalars.contains(where: EmailChecks.isControl) {
      throw .invalidInput([
        Diagnostic(.error, .subjectControlCharacter, file: file)
      ])
    }
    let date = sourceDateEpoch ?? Int(Date().timeIntervalSince1970)
    var identity = Array("\(to)\n\(text.subject)\n\(date)\n".utf8) + pdf
    if sourceDateEpoch == nil {
      // Without a fixed date, two sends of one plan in the same second still get their own id.
      identity += withUnsafeBytes(of: UInt64.random(in: 0...UInt64.max)) { Array($0) }
    }
    let domain = from.split(separator: "@").last.map(String.init) ?? "handout.invalid"
    let messageID = String(format: "%016llx.%016llx", fnv1a(identity), fnv1a(identity.reversed())) + "@" + domain
    let message = MailMessage(
      from: Mailbox(name: clinic.name, address: from), to: Mailbox(name: client.name, address: to),
      subject: text.subject, date: date, messageID: messageID, body: text.body,
      attachmentName: fileName, attachment: pdf)
    return message.encoded()
  }
}
