import Foundation
import Testing

/// `--eml`: a message any mail system accepts, checked with Python's standard `email` parser.
@Suite("Plan emails")
struct EmailTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  /// The reference plan with changes, written next to a copy of its logo.
  func plan(_ change: (inout [String: Any]) -> Void = { _ in }) throws -> String {
    let source = sharedExamples.appendingPathComponent("sciatica-plan.json")
    var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
    change(&object)
    let logo = scratch.url.appendingPathComponent("riverside-logo.svg")
    if !FileManager.default.fileExists(atPath: logo.path) {
      try FileManager.default.copyItem(at: sharedExamples.appendingPathComponent("riverside-logo.svg"), to: logo)
    }
    let path = scratch.url.appendingPathComponent("plan-\(UUID().uuidString).json").path
    try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Parses the message with Python's `email` package; prints what the test compares.
  func parse(_ eml: String, pdf: String) throws -> [String: String] {
    let script = """
      import email, email.policy, json, sys
      raw = open(sys.argv[1], 'rb').read()
      m = email.message_from_bytes(raw, policy=email.policy.strict)
      parts = list(m.iter_parts())
      body, attachment = parts[0], parts[1]
      print(json.dumps({
        'from': str(m['From']), 'to': str(m['To']), 'subject': str(m['Subject']), 'date': str(m['Date']),
        'messageID': str(m['Message-ID']), 'type': m.get_content_type(),
        'bodyType': body.get_content_type(), 'body': body.get_content(),
        'attachmentType': attachment.get_content_type(), 'filename': attachment.get_filename(),
        'sameBytes': str(attachment.get_content() == open(sys.argv[2], 'rb').read()),
        'defects': str(len(m.defects) + sum(len(p.defects) for p in parts)),
        'longestLine': str(max(len(l) for l in raw.split(b'\\r\\n'))),
        'bareLF': str(raw.count(b'\\n') != raw.count(b'\\r\\n')),
      }))
      """
    let result = try run(try testPython(), ["-c", script, eml, pdf])
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: String])
  }

  @Test func theMessageParsesAndCarriesThePDFByteForByte() throws {
    let input = try plan()
    let pdf = scratch.url.appendingPathComponent("plan.pdf").path
    let result = try run(handoutBinary, ["render", input, "-o", pdf, "--eml"], environment: ["SOURCE_DATE_EPOCH": "1763683200"])
    #expect(result.status == 0, "\(result.stderr)")
    let message = try parse(scratch.url.appendingPathComponent("plan.eml").path, pdf: pdf)
    #expect(message["from"] == "Riverside Medical Massage <care@riverside-massage.example>")
    #expect(message["to"] == "Jordan Alvarez <jordan.alvarez@example.com>")
    #expect(message["subject"] == "Your care plan from Riverside Medical Massage")
    #expect(message["date"] == "Fri, 21 Nov 2025 00:00:00 +0000")
    #expect(message["type"] == "multipart/mixed")
    #expect(message["attachmentType"] == "application/pdf" && message["filename"] == "plan.pdf")
    #expect(message["sameBytes"] == "True")
    #expect(message["defects"] == "0" && message["bareLF"] == "False")
    #expect(Int(message["longestLine"] ?? "") ?? 999 <= 78)
    let body = try #require(message["body"])
    #expect(body.contains("Hello Jordan Alvarez,"))
    #expect(body.contains("Next appointment: Friday, November 27 at 10:30 AM"))
    #expect(body.contains("- Piriformis stretch: Left side only · Hold 30 seconds · 3 times · Twice a day"))
    #expect(body.contains("- Sitting breaks: 2 minutes · Every 45 minutes"))
    #expect(body.contains("Phone: +1 555 010 4477"))
    #expect(body.contains("does not replace medical advice"))
  }

  @Test func dateAndMessageIDAreFixedBySourceDateEpoch() throws {
    let input = try plan()
    var emails: [Data] = []
    for name in ["a", "b"] {
      let pdf = scratch.url.appendingPathComponent("\(name)/plan.pdf").path
      let result = try run(handoutBinary, ["render", input, "-o", pdf, "--eml"], environment: ["SOURCE_DATE_EPOCH": "1763683200"])
      #expect(result.status == 0)
      emails.append(try Data(contentsOf: URL(fileURLWithPath: scratch.url.appendingPathComponent("\(name)/plan.eml").path)))
    }
    #expect(emails[0] == emails[1])
  }

  @Test func nonASCIINamesAreEncodedAndTheSubjectIsInThePlansLanguage() throws {
    let input = try plan {
      $0["language"] = "es"
      $0["client"] = ["name": "José Núñez 김민준", "email": "jose@example.com"]
      $0["clinic"] = ($0["clinic"] as? [String: Any] ?? [:]).merging(["name": "Clínica Ribera"]) { $1 }
    }
    let pdf = scratch.url.appendingPathComponent("josé.pdf").path
    let result = try run(handoutBinary, ["render", input, "-o", pdf, "--eml"], environment: ["SOURCE_DATE_EPOCH": "1763683200"])
    #expect(result.status == 0, "\(result.stderr)")
    let eml = scratch.url.appendingPathComponent("josé.eml").path
    let raw = try String(contentsOfFile: eml, encoding: .utf8)
    let headers = raw.components(separatedBy: "\r\n\r\n")[0]
    #expect(headers.utf8.allSatisfy { $0 < 0x80 }, "headers must be 7-bit: RFC 2047")
    #expect(headers.contains("=?UTF-8?B?"))
    let message = try parse(eml, pdf: pdf)
    #expect(message["to"] == "José Núñez 김민준 <jose@example.com>")
    #expect(message["subject"] == "Su plan de cuidado de Clínica Ribera")
    #expect(message["filename"] == "josé.pdf" && message["sameBytes"] == "True")
    #expect(message["body"]?.contains("Hola, José Núñez 김민준:") == true)
  }

  @Test(arguments: [
    ("client", "name", "Jordan\r\nBcc: everyone@example.com"),
    ("client", "email", "jordan@example.com\nBcc: everyone@example.com"),
    ("clinic", "name", "Riverside\u{0}Massage"),
    ("clinic", "email", "care@riverside.example\r\n"),
  ])
  func headerInjectionExits64AndWritesNothing(object: String, field: String, value: String) throws {
    let input = try plan {
      var part = $0[object] as? [String: Any] ?? [:]
      part[field] = value
      $0[object] = part
    }
    let pdf = scratch.url.appendingPathComponent("injected.pdf").path
    let result = try run(handoutBinary, ["render", input, "-o", pdf, "--eml"])
    #expect(result.status == 64)
    // An address is refused by the plan reader already; a name by the email checks.
    // A NUL is refused by the JSON reader itself, as no text may hold one.
    let reason = field == "email" ? "is not an email address"
      : value.contains("\u{0}") ? "a NUL character (U+0000) inside a string" : "contains a control character"
    #expect(result.stderr.contains("\(object).\(field): ") && result.stderr.contains(reason), "\(result.stderr)")
    // The diagnostic shows the value escaped: it cannot break the terminal's lines either.
    #expect(!result.stderr.contains("\r") && !result.stderr.contains("\u{0}"))
    #expect(!FileManager.default.fileExists(atPath: pdf))
    #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("injected.eml").path))
  }

  @Test func aMissingOrMalformedAddressIsNamed() throws {
    let noClient = try plan { $0["client"] = ["name": "Jordan Alvarez"] }
    let missing = try run(handoutBinary, ["render", noClient, "-o", scratch.url.appendingPathComponent("a.pdf").path, "--eml"])
    #expect(missing.status == 64 && missing.stderr.contains("client.email: an email needs the client's address"), "\(missing.stderr)")
    let bad = try plan { $0["client"] = ["name": "Jordan", "email": "Jordan <jordan@example.com>"] }
    let malformed = try run(handoutBinary, ["render", bad, "-o", scratch.url.appendingPathComponent("b.pdf").path, "--eml"])
    #expect(malformed.status == 64 && malformed.stderr.contains("client.email"), "\(malformed.stderr)")
  }

  @Test func batchWritesAnEmailBesideEveryPDF() throws {
    let good = try String(contentsOfFile: try plan(), encoding: .utf8)
    let compact = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(good.utf8)))
    let injected = String(decoding: compact, as: UTF8.self).replacingOccurrences(of: "Jordan Alvarez", with: #"Eve\r\nBcc: all@example.com"#)
    let input = scratch.url.appendingPathComponent("plans.ndjson")
    let lines = [String(decoding: compact, as: UTF8.self), injected, String(decoding: compact, as: UTF8.self)]
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
    let out = scratch.url.appendingPathComponent("out")
    let result = try run(handoutBinary, ["batch", input.path, "-o", out.path, "--eml"], environment: ["SOURCE_DATE_EPOCH": "1763683200"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("plans.ndjson:2:") && result.stderr.contains("client.name: contains a control character"))
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(files == ["Jordan-Alvarez-2026-11-20-2.eml", "Jordan-Alvarez-2026-11-20-2.pdf", "Jordan-Alvarez-2026-11-20.eml", "Jordan-Alvarez-2026-11-20.pdf"])
    let message = try parse(out.appendingPathComponent(files[2]).path, pdf: out.appendingPathComponent(files[3]).path)
    #expect(message["sameBytes"] == "True" && message["filename"] == "Jordan-Alvarez-2026-11-20.pdf")
  }
}
