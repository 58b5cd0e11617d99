import Foundation
import Testing

/// Why a server a test needs could not be started. The test fails with it: nothing is skipped.
struct ServerSetupError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// A server process owned by a test. Its standard input is a pipe that only this process holds:
/// when the test process ends, however it ends, the pipe closes and the server stops (the
/// SMTP script reads its standard input to its end; cupsd runs under a shell that does).
final class ServerProcess {
  let process = Process()
  private let input = Pipe()
  let output = Pipe()
  let errorPath: URL

  init(_ program: String, _ arguments: [String], errorPath: URL, environment: [String: String] = [:]) throws {
    self.errorPath = errorPath
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env.merge(environment) { $1 }
    process.environment = env
    _ = FileManager.default.createFile(atPath: errorPath.path, contents: nil)
    process.standardInput = input
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errorPath)
    try process.run()
  }

  /// What the server wrote on standard error so far.
  var errors: String { (try? String(contentsOf: errorPath, encoding: .utf8)) ?? "" }

  /// The first line the server prints, within `seconds`.
  func firstLine(within seconds: Double) throws -> String {
    let handle = output.fileHandleForReading
    var bytes: [UInt8] = []
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      bytes += chunk
      if let newline = bytes.firstIndex(of: 10) { return String(decoding: bytes[..<newline], as: UTF8.self) }
    }
    throw ServerSetupError("the server printed no first line; it said: \(errors)")
  }

  func stop() {
    try? input.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(10)
    while process.isRunning, Date() < deadline { usleep(20_000) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
  }

  deinit { stop() }
}

/// Polls `condition` every 50 ms for at most `seconds`.
func waitFor(_ seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  repeat {
    if try condition() { return true }
    usleep(50_000)
  } while Date() < deadline
  return try condition()
}

// MARK: - SMTP

/// An SMTP server on 127.0.0.1 (aiosmtpd from PyPI), on a free port chosen by the kernel, that
/// keeps every message it accepts as a file, and msmtp set up to send to it.
final class SMTPServer {
  let folder: URL
  /// The received messages and `envelopes.jsonl` (envelope sender, recipients, time).
  let mailbox: URL
  let port: Int
  /// A sendmail for `--sendmail`: runs msmtp with this server's configuration and logs each call.
  let sendmail: String
  /// One line per call of `sendmail`.
  let calls: URL
  private let server: ServerProcess

  /// `refusing`: recipients the server answers with 550 at RCPT TO.
  init(in folder: URL, refusing: [String] = []) throws {
    let candidates: [String] = ["/usr/bin/msmtp", "/usr/local/bin/msmtp"]
    guard let msmtp = candidates.first(where: { access($0, X_OK) == 0 }) else {
      throw ServerSetupError("msmtp is not installed: scripts/install-system-deps installs it (Debian package msmtp)")
    }
    self.folder = folder
    mailbox = folder.appendingPathComponent("mailbox")
    calls = folder.appendingPathComponent("sendmail-calls.log")
    try FileManager.default.createDirectory(at: mailbox, withIntermediateDirectories: true)
    let script = folder.appendingPathComponent("smtp-server.py")
    try Data(SMTPServer.script.utf8).write(to: script)
    server = try ServerProcess(
      try testPython(), [script.path, mailbox.path, refusing.joined(separator: ",")],
      errorPath: folder.appendingPathComponent("smtp-server.err"))
    guard let port = Int(try server.firstLine(within: 30)) else {
      throw ServerSetupError("the SMTP server did not say its port: \(server.errors)")
    }
    self.port = port
    let config = folder.appendingPathComponent("msmtprc")
    try Data("""
      defaults
      auth off
      tls off
      timeout 30
      account test
      host 127.0.0.1
      port \(port)
      from care@riverside-massage.example
      account default : test

      """.utf8).write(to: config)
    // msmtp refuses a configuration that others can read when it holds a password; keep the habit.
    chmod(config.path, 0o600)
    sendmail = folder.appendingPathComponent("sendmail").path
    try Data("""
      #!/bin/sh
      echo "$*" >> '\(calls.path)'
      exec \(msmtp) -C '\(config.path)' "$@"

      """.utf8).write(to: URL(fileURLWithPath: sendmail))
    chmod(sendmail, 0o755)
  }

  deinit { server.stop() }

  /// The messages received so far, in order of arrival.
  func messages() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(atPath: mailbox.path).filter { $0.hasSuffix(".eml") }.sorted()
      .map { mailbox.appendingPathComponent($0) }
  }

  /// How many times the sendmail wrapper was run.
  func callCount() -> Int {
    ((try? String(contentsOf: calls, encoding: .utf8)) ?? "").split(separator: "\n").count
  }

  /// Parses every message with Python's `email` package (strict policy). Each item: from, to,
  /// subject, messageID, defects, filename, and `sameBytes`: the attachment equals the file of
  /// that name in `pdfFolder`.
  func parsedMessages(pdfFolder: URL) throws -> [[String: String]] {
    let script = """
      import email, email.policy, json, os, sys
      folder, pdfs = sys.argv[1], sys.argv[2]
      out = []
      for name in sorted(n for n in os.listdir(folder) if n.endswith('.eml')):
          raw = open(os.path.join(folder, name), 'rb').read()
          m = email.message_from_bytes(raw, policy=email.policy.strict)
          parts = list(m.iter_parts())
          attachment = parts[1]
          filename = attachment.get_filename()
          path = os.path.join(pdfs, filename)
          same = os.path.exists(path) and attachment.get_content() == open(path, 'rb').read()
          out.append({'file': name, 'from': str(m['From']), 'to': str(m['To']), 'subject': str(m['Subject']),
                      'messageID': str(m['Message-ID']), 'filename': filename, 'sameBytes': str(same),
                      'type': m.get_content_type(), 'attachmentType': attachment.get_content_type(),
                      'bcc': str(m['Bcc']), 'defects': str(len(m.defects) + sum(len(p.defects) for p in parts))})
      print(json.dumps(out))
      """
    let result = try run(try testPython(), ["-c", script, mailbox.path, pdfFolder.path])
    guard result.status == 0 else { throw ServerSetupError("parsing the received mail failed: \(result.stderr)") }
    return try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String: String]])
  }

  /// The recipients of each accepted message, from the SMTP envelope.
  func envelopeRecipients() throws -> [[String]] {
    let path = mailbox.appendingPathComponent("envelopes.jsonl").path
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    return try text.split(separator: "\n").map {
      let object = try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
      return try #require(object["to"] as? [String])
    }
  }

  /// Server-side arrival times of the accepted messages, in seconds.
  func arrivalTimes() throws -> [Double] {
    let path = mailbox.appendingPathComponent("envelopes.jsonl").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try text.split(separator: "\n").map {
      let object = try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
      return try #require(object["time"] as? Double)
    }
  }

  /// The server: accepts everything except the refused recipients, keeps each message whole
  /// (written to a temporary name, then renamed), stops when its standard input closes, and
  /// after 15 minutes whatever happens.
  private static let script = """
    import asyncio, json, os, sys, time
    from aiosmtpd.smtp import SMTP

    folder = sys.argv[1]
    refused = {a.strip().lower() for a in sys.argv[2].split(',') if a.strip()} if len(sys.argv) > 2 else set()

    class Handler:
        count = 0

        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.lower() in refused:
                return '550 5.1.1 <%s>: Recipient address rejected: User unknown in local recipient table' % address
            envelope.rcpt_tos.append(address)
            return '250 OK'

        async def handle_DATA(self, server, session, envelope):
            Handler.count += 1
            path = os.path.join(folder, '%06d.eml' % Handler.count)
            with open(path + '.tmp', 'wb') as f:
                f.write(envelope.original_content)
            os.rename(path + '.tmp', path)
            with open(os.path.join(folder, 'envelopes.jsonl'), 'a') as f:
                f.write(json.dumps({'from': envelope.mail_from, 'to': envelope.rcpt_tos,
                                    'file': os.path.basename(path), 'time': time.time()}) + '\\n')
            return '250 2.0.0 Ok: queued as %06d' % Handler.count

    async def main():
        loop = asyncio.get_running_loop()
        server = await loop.create_server(lambda: SMTP(Handler()), host='127.0.0.1', port=0)
        print(server.sockets[0].getsockname()[1], flush=True)
        try:
            await asyncio.wait_for(loop.run_in_executor(None, sys.stdin.buffer.read), timeout=900)
        except asyncio.TimeoutError:
            pass
        server.close()
        os._exit(0)

    asyncio.run(main())
    """
}

// MARK: - CUPS

/// A private CUPS scheduler (its own configuration, spool, logs and socket in a test folder) with
/// one cups-pdf printer whose PDFs land in `printed`.
///
/// cups-pdf reads its configuration only from /etc/cups (the path is compiled in; no variable
/// or option moves it), so the printer gets a configuration of its own there,
/// /etc/cups/cups-pdf-NAME.conf, which names the test folder and is removed at the end. That
/// needs root, as CI has.
final class CUPSServer {
  let folder: URL
  /// CUPS_SERVER for lp: the scheduler's socket.
  let socket: String
  let printer: String
  /// Where cups-pdf writes what was printed.
  let printed: URL
  let errorLog: URL
  private let configFile: String
  private var server: ServerProcess?
  private var cupsdID: Int32 = 0

  var environment: [String: String] { ["CUPS_SERVER": socket] }

  init(in folder: URL) throws {
    for path in ["/usr/sbin/cupsd", "/usr/sbin/lpadmin", "/usr/bin/lp", "/usr/lib/cups/backend/cups-pdf"]
    where access(path, X_OK) != 0 {
      throw ServerSetupError(
        "\(path) is missing: scripts/install-system-deps installs cups-daemon, cups-client and printer-driver-cups-pdf")
    }
    self.folder = folder
    let id = String(UUID().uuidString.prefix(8)).lowercased()
    printer = "handout-test-\(id)"
    socket = folder.appendingPathComponent("cups.sock").path
    printed = folder.appendingPathComponent("printed")
    errorLog = folder.appendingPathComponent("log/error_log")
    configFile = "/etc/cups/cups-pdf-\(printer).conf"
    let fileManager = FileManager.default
    for name in ["etc", "spool/tmp", "cache", "state", "log", "printed", "cups-pdf-spool"] {
      try fileManager.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
    }
    // cupsd and cups-pdf check the permissions of their folders.
    for name in ["", "etc", "spool", "cache", "state", "log", "printed", "cups-pdf-spool"] {
      chmod(folder.appendingPathComponent(name).path, 0o755)
    }
    chmod(folder.appendingPathComponent("spool/tmp").path, 0o1777)
    let root = folder.path
    try Data("""
      Listen \(socket)
      LogLevel info
      Browsing Off
      DefaultAuthType None
      WebInterface No
      DirtyCleanInterval 0
      <Location />
        Order allow,deny
        Allow all
      </Location>
      <Location /admin>
        Order allow,deny
        Allow all
      </Location>
      <Policy default>
        <Limit All>
          Order deny,allow
        </Limit>
      </Policy>

      """.utf8).write(to: folder.appendingPathComponent("etc/cupsd.conf"))
    try Data("""
      ServerRoot \(root)/etc
      RequestRoot \(root)/spool
      TempDir \(root)/spool/tmp
      CacheDir \(root)/cache
      StateDir \(root)/state
      ErrorLog \(root)/log/error_log
      AccessLog \(root)/log/access_log
      PageLog \(root)/log/page_log
      ServerBin /usr/lib/cups
      DataDir /usr/share/cups
      Sandboxing Relaxed
      SystemGroup root

      """.utf8).write(to: folder.appendingPathComponent("etc/cups-files.conf"))
    CUPSServer.removeAbandonedConfigurations()
    let config = """
      Out \(printed.path)
      AnonDirName \(printed.path)
      Spool \(root)/cups-pdf-spool
      Grp root
      UserUMask 0022
      Log \(root)/log
      LogType 3

      """
    guard fileManager.createFile(atPath: configFile, contents: Data(config.utf8)) else {
      throw ServerSetupError(
        "cannot write \(configFile) (cups-pdf reads its configuration only from /etc/cups): "
          + "the print tests run as root, as CI does")
    }
    // SIGKILL: the test runner's threads block SIGTERM, and its children inherit that mask.
    let cupsd = "/usr/sbin/cupsd -f -c '\(root)/etc/cupsd.conf' -s '\(root)/etc/cups-files.conf'"
    server = try ServerProcess(
      "/bin/sh", ["-c", "\(cupsd) & pid=$!; echo $pid; cat > /dev/null; kill -KILL $pid; wait $pid"],
      errorPath: folder.appendingPathComponent("cupsd.err"))
    guard let pid = Int32(try server?.firstLine(within: 10) ?? "") else {
      throw ServerSetupError("cupsd did not start: \(server?.errors ?? "")")
    }
    cupsdID = pid
    let running = try waitFor(20) {
      let status = try run("/usr/bin/lpstat", ["-r"], environment: environment)
      return String(decoding: status.stdout, as: UTF8.self).contains("scheduler is running")
    }
    guard running else {
      throw ServerSetupError("cupsd did not start: \(server?.errors ?? "") \(log)")
    }
    // The pdftops renderer keeps the text as text (the default, Ghostscript, turned the pages into outlines).
    let added = try run(
      "/usr/sbin/lpadmin",
      [
        "-p", printer, "-E", "-v", "cups-pdf:/\(printer)", "-P", "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd",
        "-o", "pdftops-renderer-default=pdftops",
      ], environment: environment)
    guard added.status == 0 else { throw ServerSetupError("lpadmin could not add the cups-pdf printer: \(added.stderr)") }
  }

  deinit {
    if cupsdID > 0 { kill(cupsdID, SIGKILL) }
    server?.stop()
    unlink(configFile)
  }

  /// The scheduler's error log.
  var log: String { (try? String(contentsOf: errorLog, encoding: .utf8)) ?? "" }

  /// Waits until CUPS says the job completed; false when it was stopped, canceled or aborted, or
  /// after `seconds`.
  func waitForCompletion(of job: String, within seconds: Double = 120) -> Bool {
    guard let number = job.split(separator: "-").last else { return false }
    // cupsd logs each job's end as "[Job 7] Job completed.", "[Job 7] Job stopped …" and so on.
    let finished = waitFor(seconds) { self.log.contains("[Job \(number)] Job ") }
    return finished && log.contains("[Job \(number)] Job completed.")
  }

  /// The job's IPP attributes as CUPS keeps them (the spool's control file), as text.
  func attributes(of job: String) -> String {
    guard let number = job.split(separator: "-").last.flatMap({ Int($0) }) else { return "" }
    let path = folder.appendingPathComponent(String(format: "spool/c%05d", number)).path
    return FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
  }

  /// The PDFs cups-pdf wrote, oldest first.
  func printedPDFs() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(atPath: printed.path).filter { $0.hasSuffix(".pdf") }.sorted()
      .map { printed.appendingPathComponent($0) }
  }

  /// Removes cups-pdf configurations left by earlier test runs whose folder is gone.
  private static func removeAbandonedConfigurations() {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/etc/cups")) ?? []
    for entry in entries where entry.hasPrefix("cups-pdf-handout-test-") && entry.hasSuffix(".conf") {
      let path = "/etc/cups/" + entry
      guard let text = try? String(contentsOfFile: path, encoding: .utf8),
        let out = text.split(separator: "\n").first(where: { $0.hasPrefix("Out ") })?.dropFirst(4)
      else { continue }
      if !FileManager.default.fileExists(atPath: String(out)) { unlink(path) }
    }
  }
}
