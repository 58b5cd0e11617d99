import Foundation
import Testing

/// `--send` through msmtp to a real SMTP server on 127.0.0.1 (aiosmtpd), started here: what
/// the server received is counted and parsed on its side.
@Suite("Sending plan emails")
struct SendTests {
  let scratch: Scratch
  let smtp: SMTPServer

  init() throws {
    scratch = try Scratch()
    smtp = try SMTPServer(in: scratch.url.appendingPathComponent("smtp"), refusing: ["nobody@example.com"])
  }

  /// A short plan for client `number`, to `client<number>@example.com` unless told otherwise.
  func plan(_ number: Int, email: String? = nil, name: String? = nil) -> [String: Any] {
    [
      "format": 1, "language": "en", "date": "2026-11-20",
      "clinic": ["name": "Riverside Medical Massage", "email": "care@riverside-massage.example"],
      "client": ["name": name ?? "Client \(number)", "email": email ?? "client\(number)@example.com"],
      "condition": ["id": "sciatica", "side": "left"],
      "homeCare": ["walking"],
    ]
  }

  func ndjson(_ plans: [[String: Any]], name: String = "plans.ndjson") throws -> String {
    let lines = try plans.map {
      String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self)
    }
    let path = scratch.url.appendingPathComponent(name).path
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  func ledger(_ out: URL) throws -> [[String: Any]] {
    let text = try String(contentsOf: out.appendingPathComponent("send-ledger.jsonl"), encoding: .utf8)
    return try text.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  @Test func fiftyPlansAreDeliveredOnceEachWithTheirPDFByteForByte() throws {
    let input = try ndjson((1...50).map { plan($0) })
    let out = scratch.url.appendingPathComponent("out")
    let result = try run(
      handoutBinary, ["batch", input, "-o", out.path, "--send", "--sendmail", smtp.sendmail, "--jobs", "2"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("50 emails sent"), "\(result.stderr)")

    let messages = try smtp.parsedMessages(pdfFolder: out)
    #expect(messages.count == 50)
    #expect(Set(messages.compactMap { $0["messageID"] }).count == 50)
    #expect(messages.allSatisfy { $0["sameBytes"] == "True" && $0["defects"] == "0" && $0["attachmentType"] == "application/pdf" })
    #expect(messages.allSatisfy { $0["from"] == "Riverside Medical Massage <care@riverside-massage.example>" })
    #expect(Set(messages.compactMap { $0["to"] }) == Set((1...50).map { "Client \($0) <client\($0)@example.com>" }))
    // The SMTP envelope went to the address in To, and only there.
    #expect(try smtp.envelopeRecipients().sorted { $0[0] < $1[0] } == (1...50).map { ["client\($0)@example.com"] }.sorted { $0[0] < $1[0] })

    // The ledger: a sending and a sent line for each, with the Message-ID the server got.
    let lines = try ledger(out)
    #expect(lines.count == 100)
    let sent = lines.filter { $0["status"] as? String == "sent" }
    #expect(Set(sent.compactMap { $0["messageID"] as? String }) == Set(messages.compactMap { $0["messageID"] }))

    // The same batch again into the same folder is refused before anything is sent…
    let again = try run(handoutBinary, ["batch", input, "-o", out.path, "--send", "--sendmail", smtp.sendmail])
    #expect(again.status == 64)
    #expect(again.stderr.contains("send ledger records 50 emails sent; sending again would send them twice"), "\(again.stderr)")
    #expect(again.stderr.contains("hint: add --resume to send only the plans not sent yet, or --send-again"))
    // …and with --resume there is nothing left to send.
    let resumed = try run(handoutBinary, ["batch", input, "-o", out.path, "--send", "--sendmail", smtp.sendmail, "--resume"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("0 emails sent, 50 not sent again"), "\(resumed.stderr)")
    #expect(try smtp.messages().count == 50)
    #expect(smtp.callCount() == 50)
  }

  @Test func aBatchKilledHalfwayResumesAndSendsTheRestOnly() throws {
    let input = try ndjson((1...50).map { plan($0) })
    let out = scratch.url.appendingPathComponent("out")
    // Ten messages a second, so the batch is still sending when about half have arrived.
    let batch = Process()
    batch.executableURL = URL(fileURLWithPath: handoutBinary)
    batch.arguments = ["batch", input, "-o", out.path, "--send", "--sendmail", smtp.sendmail, "--rate", "10/s", "--quiet"]
    batch.standardError = FileHandle.nullDevice
    try batch.run()
    let halfway = try waitFor(60) { try smtp.messages().count >= 25 }
    kill(batch.processIdentifier, SIGKILL)
    batch.waitUntilExit()
    #expect(halfway)
    #expect(batch.terminationReason == .uncaughtSignal)
    // An msmtp already running when the batch died finishes on its own: wait for it.
    _ = waitFor(5) { false }
    let beforeResume = try smtp.messages().count
    #expect(beforeResume >= 25 && beforeResume < 50, "killed after \(beforeResume)")

    let resumed = try run(handoutBinary, ["batch", input, "-o", out.path, "--send", "--sendmail", smtp.sendmail, "--resume"])
    #expect(resumed.status == 0, "\(resumed.stderr)")

    let messages = try smtp.parsedMessages(pdfFolder: out)
    let ids = messages.compactMap { $0["messageID"] }
    #expect(ids.count == Set(ids).count, "a Message-ID was received twice")
    let received = try smtp.envelopeRecipients().flatMap { $0 }
    #expect(received.count == Set(received).count, "a client got two emails")
    #expect(messages.allSatisfy { $0["sameBytes"] == "True" })
    // A plan the kill caught after its ledger line and before msmtp started is unconfirmed: it
    // is not sent again, and the resumed batch says so. Every other plan arrived exactly once.
    var last: [String: [String: Any]] = [:]
    for line in try ledger(out) { last[line["plan"] as? String ?? ""] = line }
    let unconfirmed = Set(last.values.filter { $0["status"] as? String == "sending" }.compactMap { $0["to"] as? String })
    let lost = unconfirmed.subtracting(received)
    #expect(Set(received).union(lost) == Set((1...50).map { "client\($0)@example.com" }))
    #expect(lost.count <= 1 && messages.count + lost.count == 50, "\(lost)")
    if !lost.isEmpty { #expect(resumed.stderr.contains("were not sent again. Look their Message-IDs")) }
    let resumedSent = Int(resumed.stderr.split(separator: "\n").first { $0.contains("emails sent") }?
      .trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") ?? -1
    #expect(resumedSent == 50 - beforeResume - lost.count, "\(resumed.stderr)")
  }

  @Test func aRefusedRecipientFailsItsPlanAndTheOthersAreSent() throws {
    let plans = (1...5).map { $0 == 3 ? plan($0, email: "nobody@example.com") : plan($0) }
    let input = try ndjson(plans)
    let out = scratch.url.appendingPathComponent("out")
    let report = scratch.url.appendingPathComponent("report.jsonl").path
    let result = try run(
      handoutBinary, ["batch", input, "-o", out.path, "--send", "--sendmail", smtp.sendmail, "--report", report, "--jobs", "1"])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("plans.ndjson:3:"), "\(result.stderr)")
    #expect(result.stderr.contains("the mail system did not take the message"))
    // msmtp's own words, with the server's answer.
    #expect(result.stderr.contains("recipient address nobody@example.com not accepted by the server"))
    #expect(result.stderr.contains("550 5.1.1"))
    #expect(result.stderr.contains("4 emails sent"))
    let messages = try smtp.parsedMessages(pdfFolder: out)
    #expect(messages.count == 4)
    #expect(!messages.contains { $0["to"]?.contains("nobody") == true })
    let lines = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(lines.filter { $0["status"] as? String == "failed" }.compactMap { $0["record"] as? Int } == [3])
    #expect(lines.filter { $0["mail"] as? String == "sent" }.count == 4)
    // The failed one is not recorded as sent: --resume tries it again (and it is refused again).
    let failed = try ledger(out).filter { $0["status"] as? String == "failed" }
    #expect(failed.count == 1 && (failed[0]["error"] as? String)?.contains("550") == true)
    let resumed = try run(handoutBinary, ["batch", input, "-o", out.path, "--send", "--sendmail", smtp.sendmail, "--resume"])
    #expect(resumed.status == 65)
    #expect(try smtp.messages().count == 4)
    #expect(smtp.callCount() == 6)
  }

  @Test(arguments: [
    ("name", "Jordan\r\nBcc: everyone@example.com"),
    ("email", "jordan@example.com\nBcc: everyone@example.com"),
  ])
  func headerInjectionExits64BeforeAnythingReachesTheMailSystem(field: String, value: String) throws {
    var injected = plan(1)
    var client = injected["client"] as? [String: Any] ?? [:]
    client[field] = value
    injected["client"] = client
    let path = scratch.url.appendingPathComponent("injected.json").path
    try JSONSerialization.data(withJSONObject: injected).write(to: URL(fileURLWithPath: path))
    let pdf = scratch.url.appendingPathComponent("injected.pdf").path
    let result = try run(handoutBinary, ["render", path, "-o", pdf, "--send", "--sendmail", smtp.sendmail])
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("client.\(field): "), "\(result.stderr)")
    #expect(smtp.callCount() == 0, "sendmail was run")
    #expect(try smtp.messages().isEmpty)
    #expect(!FileManager.default.fileExists(atPath: pdf))

    // In a batch, the injected plan fails and the others are sent, none with a Bcc.
    let input = try ndjson([plan(1), injected, plan(3)])
    let out = scratch.url.appendingPathComponent("out")
    let batch = try run(handoutBinary, ["batch", input, "-o", out.path, "--send", "--sendmail", smtp.sendmail])
    #expect(batch.status == 65)
    #expect(batch.stderr.contains("plans.ndjson:2:") && batch.stderr.contains("client.\(field)"), "\(batch.stderr)")
    let messages = try smtp.parsedMessages(pdfFolder: out)
    #expect(messages.count == 2 && messages.allSatisfy { $0["bcc"] == "None" })
    #expect(smtp.callCount() == 2)
  }

  @Test func renderSendsOneMessageAndDryRunSendsNone() throws {
    let path = scratch.url.appendingPathComponent("plan.json").path
    try JSONSerialization.data(withJSONObject: plan(7, name: "José Núñez")).write(to: URL(fileURLWithPath: path))
    let pdf = scratch.url.appendingPathComponent("sheet.pdf").path

    let dryRun = try run(handoutBinary, ["render", path, "-o", pdf, "--send", "--sendmail", smtp.sendmail, "--dry-run"])
    #expect(dryRun.status == 0, "\(dryRun.stderr)")
    #expect(dryRun.stderr.contains("would send"), "\(dryRun.stderr)")
    #expect(dryRun.stderr.contains("-t -oi") && dryRun.stderr.contains("To: =?UTF-8?B?"))
    #expect(dryRun.stderr.contains("Message-ID: <"))
    #expect(smtp.callCount() == 0)

    let sent = try run(handoutBinary, ["render", path, "-o", pdf, "--send", "--sendmail", smtp.sendmail])
    #expect(sent.status == 0, "\(sent.stderr)")
    let messages = try smtp.parsedMessages(pdfFolder: scratch.url)
    #expect(messages.count == 1)
    #expect(messages.first?["to"] == "José Núñez <client7@example.com>")
    #expect(messages.first?["filename"] == "sheet.pdf" && messages.first?["sameBytes"] == "True")
    #expect(sent.stderr.contains("sent to client7@example.com: Message-ID \(messages.first?["messageID"] ?? "?")"), "\(sent.stderr)")

    let missing = try run(handoutBinary, ["render", path, "-o", pdf, "--send", "--sendmail", "/nonexistent/sendmail"])
    #expect(missing.status == 69)
    #expect(missing.stderr.contains("error: cannot send: there is no mail program at /nonexistent/sendmail"))
  }

  @Test func theMailSystemsExitFailsARenderWithItsMessage() throws {
    let path = scratch.url.appendingPathComponent("plan.json").path
    try JSONSerialization.data(withJSONObject: plan(1, email: "nobody@example.com")).write(to: URL(fileURLWithPath: path))
    let result = try run(handoutBinary, ["render", path, "-o", scratch.url.appendingPathComponent("a.pdf").path, "--send", "--sendmail", smtp.sendmail])
    #expect(result.status == 69)
    #expect(result.stderr.contains("error: the mail system did not take the message: "), "\(result.stderr)")
    #expect(result.stderr.contains("550 5.1.1") && result.stderr.contains("(sendmail exited with 65)"))
  }

  @Test func resumeSendsNeitherTheSentNorTheUnconfirmedAndIgnoresATornLine() throws {
    let input = try ndjson((1...3).map { plan($0) })
    let out = scratch.url.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    func line(_ number: Int, _ status: String) -> String {
      #"{"input":"plans.ndjson","messageID":"<m\#(number)@riverside-massage.example>","plan":"Client-\#(number)-2026-11-20","record":\#(number),"status":"\#(status)","time":"2026-12-01T20:00:00Z","to":"client\#(number)@example.com"}"#
    }
    // Plan 1 was sent; plan 2 was being handed over when the batch died; plan 3's line was torn.
    let ledger = [line(1, "sending"), line(1, "sent"), line(2, "sending"), String(line(3, "sending").prefix(40))]
    try Data(ledger.joined(separator: "\n").utf8).write(to: out.appendingPathComponent("send-ledger.jsonl"))

    let refused = try run(handoutBinary, ["batch", input, "-o", out.path, "--send", "--sendmail", smtp.sendmail])
    #expect(refused.status == 64)
    #expect(refused.stderr.contains("records 1 emails sent (and 1 handed over without an answer)"), "\(refused.stderr)")

    let report = scratch.url.appendingPathComponent("report.jsonl").path
    let resumed = try run(
      handoutBinary, ["batch", input, "-o", out.path, "--send", "--sendmail", smtp.sendmail, "--resume", "--report", report])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("1 emails sent, 1 not sent again"), "\(resumed.stderr)")
    #expect(resumed.stderr.contains("warning: 1 emails were handed to the mail system by a run that was killed"))
    #expect(try smtp.envelopeRecipients() == [["client3@example.com"]])
    let mail = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n").map {
      (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["mail"] as? String ?? "-"
    }
    #expect(mail.sorted() == ["already-sent", "sent", "unconfirmed"])
    // The line after the torn one stands on its own.
    let text = try String(contentsOf: out.appendingPathComponent("send-ledger.jsonl"), encoding: .utf8)
    let lastLine = try #require(text.split(separator: "\n").last)
    let last = try #require(try JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any])
    #expect(last["plan"] as? String == "Client-3-2026-11-20" && last["status"] as? String == "sent")
    // Every PDF is there: the plans not sent again were still rendered.
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".pdf") }.count == 3)
  }

  @Test func aBatchDryRunShowsEachMessageAndSendsNothing() throws {
    let input = try ndjson((1...3).map { plan($0) })
    let out = scratch.url.appendingPathComponent("out")
    let result = try run(handoutBinary, ["batch", input, "-o", out.path, "--send", "--sendmail", smtp.sendmail, "--dry-run"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.components(separatedBy: "would send: \(smtp.sendmail) -t -oi <<EOF").count == 4, "\(result.stderr)")
    for number in 1...3 { #expect(result.stderr.contains("To: \"Client \(number)\" <client\(number)@example.com>")) }
    #expect(smtp.callCount() == 0)
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("send-ledger.jsonl").path))

    // Without the mail program, the batch stops before rendering anything.
    let other = scratch.url.appendingPathComponent("other")
    let missing = try run(handoutBinary, ["batch", input, "-o", other.path, "--send", "--sendmail", "/nonexistent/sendmail"])
    #expect(missing.status == 69)
    #expect(missing.stderr.contains("error: cannot send: there is no mail program at /nonexistent/sendmail"))
    #expect(!FileManager.default.fileExists(atPath: other.path))
  }

  @Test func rateSpacesTheMessages() throws {
    let input = try ndjson((1...4).map { plan($0) })
    let out = scratch.url.appendingPathComponent("out")
    let started = Date()
    let result = try run(
      handoutBinary, ["batch", input, "-o", out.path, "--send", "--sendmail", smtp.sendmail, "--rate", "120/min"])
    let elapsed = Date().timeIntervalSince(started)
    #expect(result.status == 0, "\(result.stderr)")
    let times = try smtp.arrivalTimes()
    #expect(times.count == 4)
    // 120 a minute: one handed over every half second, so the fourth leaves 1.5 s after the
    // first. Arrivals jitter with msmtp's start-up, so the server sees a little less.
    #expect(elapsed >= 1.5, "\(elapsed) s")
    #expect((times.max() ?? 0) - (times.min() ?? 0) >= 1.0, "\(times)")
  }

  @Test func renderHelpShowsTheSendOptions() throws {
    let help = String(decoding: try run(handoutBinary, ["render", "--help"]).stdout, as: UTF8.self)
    for option in ["--send", "--sendmail", "--dry-run"] { #expect(help.contains(option), "render --help lacks \(option)") }
    let batchHelp = String(decoding: try run(handoutBinary, ["batch", "--help"]).stdout, as: UTF8.self)
    for option in ["--send", "--send-again", "--rate", "--print", "--printer", "--copies", "--one-sided"] {
      #expect(batchHelp.contains(option), "batch --help lacks \(option)")
    }
  }
}
