import ArgumentParser
import Foundation
import HandoutKit
import HandoutModel
import HandoutServer

struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve the HTTP API and the plan form (http://127.0.0.1:8080/) from one long-running process.",
    discussion: """
      Examples:
        handout serve                                   the form at http://127.0.0.1:8080/
        handout serve --port 0                          a free port; the first line names it
        handout serve --token-file token.txt --assets logos/
        curl --data-binary @plan.json http://127.0.0.1:8080/v1/render -o plan.pdf

      The API is described at /openapi.json. Nothing is written to disk. SIGTERM
      stops accepting requests and lets the renders in progress finish.
      """)

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on; 0 for a free one.")
  var port = 8080

  @Option(help: "Worker threads, each with its own engine. Default: one per core.")
  var workers: Int?

  @Option(help: "Requests that may wait for a worker; beyond them the answer is 503 with Retry-After.")
  var queue = 32

  @Option(name: .customLong("body-limit"), help: "The largest request body, in bytes (413 beyond it).")
  var bodyLimit = 1_048_576

  @Option(name: .customLong("time-limit"), help: "Seconds a request may take, waiting in the queue included.")
  var timeLimit: Double = 30

  @Option(name: .customLong("token-file"), help: "A file holding the bearer token every /v1/ request must carry.")
  var tokenFile: String?

  @Option(help: "The folder logos are read from (clinic.logo); without it plans cannot name files.")
  var assets: String?

  @Option(name: .customLong("font-dir"), help: "A folder of extra fonts to load (repeatable).")
  var fontDirectories: [String] = []

  @Option(help: "A catalogue file whose entries add to or replace the built-in ones.")
  var catalog: String?

  @Flag(help: .hidden)
  var stopOnEOF = false

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
    if let workers, !(1...256).contains(workers) { throw ValidationError("--workers must be from 1 to 256, not \(workers)") }
    guard queue >= 0 else { throw ValidationError("--queue must be 0 or more, not \(queue)") }
    guard bodyLimit >= 1024 else { throw ValidationError("--body-limit must be at least 1024 bytes, not \(bodyLimit)") }
    guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be more than 0 seconds") }
  }

  func run() throws {
    var options = ServeOptions()
    options.host = host
    options.port = port
    if let workers { options.workers = workers }
    options.queueLimit = queue
    options.bodyLimit = bodyLimit
    options.timeLimit = timeLimit
    options.assetsDirectory = assets
    options.fontDirectories = fontDirectories
    options.catalogFile = catalog
    options.sourceDateEpoch = sourceDateEpoch()
    if let tokenFile {
      let bytes = try readToken(tokenFile)
      options.token = bytes
    }
    let service = try reportingErrors { () throws(HandoutError) in try HandoutService(options) }
    if stopOnEOF {
      // For tests and supervisors: when whoever started the server closes its standard input
      // (or dies), the server stops as on SIGTERM.
      Thread.detachNewThread {
        while let chunk = try? FileHandle.standardInput.read(upToCount: 4096), !chunk.isEmpty {}
        kill(getpid(), SIGTERM)
      }
    }
    let finished = DispatchSemaphore(value: 0)
    let failure = ErrorBox()
    Task {
      do {
        try await service.run { address in
          FileHandle.standardOutput.write(Data("handout serve: listening on \(address)\n".utf8))
        }
      } catch {
        failure.error = error
      }
      finished.signal()
    }
    finished.wait()
    if let error = failure.error { throw self.failure("\(error)", code: 1) }
    printError("handout serve: stopped")
  }

  /// The token: the file's first line, without surrounding white space; it must not be empty.
  private func readToken(_ path: String) throws -> [UInt8] {
    switch InputFile.read(path, limit: 4096) {
    case .success(let bytes):
      let text = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
      let token = text.trimmingCharacters(in: .whitespaces)
      guard !token.isEmpty else { throw self.failure("the token file \(path) is empty", code: 64) }
      return Array(token.utf8)
    case .failure(let problem):
      printError(DiagnosticFormatter.format(Diagnostic(.error, .file(problem), file: path)))
      throw ExitCode(64)
    }
  }

  private func failure(_ message: String, code: Int32) -> ExitCode {
    printError("error: \(message)")
    return ExitCode(code)
  }
}

private final class ErrorBox: @unchecked Sendable {
  var error: (any Error)?
}
