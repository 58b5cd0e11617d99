import Foundation
import HandoutKit
import Testing

/// The package's top folder.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// The project's shared reference plans, beside the checkout (`../shared/examples`), which must
/// always render.
let sharedExamplesBeside = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/examples")

/// A copy of them kept in the tests, so a checkout on its own (a newcomer's clone) runs every
/// test; `scripts/sync-examples` refreshes it, and a test fails when the two differ.
let sharedExamplesCopy = packageRoot.appendingPathComponent("Tests/HandoutEndToEndTests/Fixtures/shared-examples")

/// The reference plans the tests use: `HANDOUT_SHARED_EXAMPLES` when set, else the shared
/// folder beside the checkout when there is one, else the copy.
let sharedExamples: URL = {
  if let path = ProcessInfo.processInfo.environment["HANDOUT_SHARED_EXAMPLES"] {
    return URL(fileURLWithPath: path, isDirectory: true)
  }
  return FileManager.default.fileExists(atPath: sharedExamplesBeside.path) ? sharedExamplesBeside : sharedExamplesCopy
}()

/// Every reference plan: the shared ones and the project's own.
func referencePlans() throws -> [URL] {
  var plans: [URL] = []
  for folder in [sharedExamples, packageRoot.appendingPathComponent("Examples")] {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    plans += names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
  }
  return plans
}

func fixture(_ name: String) throws -> URL {
  try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
}

func request(_ url: URL) throws -> RenderRequest {
  RenderRequest(plan: [UInt8](try Data(contentsOf: url)), planPath: url.path)
}

/// The outcome of running a program.
struct Run {
  var status: Int32
  var stdout: Data
  var stderr: String
}

/// Runs a program with arguments and optional standard input, and waits for it.
func run(_ program: String, _ arguments: [String], input: Data? = nil, environment: [String: String] = [:]) throws -> Run {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
  process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
  process.currentDirectoryURL = packageRoot
  var env = ProcessInfo.processInfo.environment
  env.merge(environment) { $1 }
  process.environment = env
  // Standard error goes to a file, so that reading standard output alone cannot deadlock.
  let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent("handout-\(UUID().uuidString).err")
  _ = FileManager.default.createFile(atPath: errorPath.path, contents: nil)
  let errorFile = try FileHandle(forWritingTo: errorPath)
  defer { try? FileManager.default.removeItem(at: errorPath) }
  let stdout = Pipe()
  let stdin = Pipe()
  process.standardOutput = stdout
  process.standardError = errorFile
  process.standardInput = stdin
  try process.run()
  // The input is written from another thread, so that a program writing much to standard output
  // before it has read all its input cannot deadlock; a program that stops reading early (an
  // input over its size limit) makes the write fail with EPIPE, not kill the tests with SIGPIPE.
  signal(SIGPIPE, SIG_IGN)
  let writer = stdin.fileHandleForWriting
  let written = DispatchSemaphore(value: 0)
  DispatchQueue.global().async {
    if let input { try? writer.write(contentsOf: input) }
    try? writer.close()
    written.signal()
  }
  let out = stdout.fileHandleForReading.readDataToEndOfFile()
  written.wait()
  process.waitUntilExit()
  try errorFile.close()
  let err = try Data(contentsOf: errorPath)
  return Run(status: process.terminationStatus, stdout: out, stderr: String(decoding: err, as: UTF8.self))
}

/// The `handout` executable built next to the tests.
var handoutBinary: String {
  Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("handout").path
}

/// A folder for one test's files, removed when the test is over.
final class Scratch {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("handout-test-\(UUID().uuidString)")

  init() throws {
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// Writes bytes to a new file in the folder and returns its path.
  func file(_ bytes: [UInt8], suffix: String = ".pdf") throws -> String {
    let path = url.appendingPathComponent(UUID().uuidString + suffix).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }
}

/// Runs a Python script that reads PDFs with pdfplumber.
func pdfplumber(_ script: String, _ arguments: [String]) throws -> Run {
  try run(try testPython(), ["-c", script] + arguments)
}

/// The Python of the tests' own virtual environment, which has every PyPI tool they use
/// (page-validation, pdfplumber, aiosmtpd, jsonschema): `scripts/install-test-tools` makes it,
/// run by `make test` first and here, once, when the tests are started some other way.
func testPython() throws -> String {
  try TestTools.python.get()
}

private enum TestTools {
  static let python: Result<String, TestToolsMissing> = {
    let python = packageRoot.appendingPathComponent(".build/test-tools/bin/python").path
    guard let install = try? run(packageRoot.appendingPathComponent("scripts/install-test-tools").path, []) else {
      return .failure(TestToolsMissing(description: "cannot run scripts/install-test-tools"))
    }
    guard install.status == 0 else {
      return .failure(TestToolsMissing(description: "scripts/install-test-tools failed: \(install.stderr)"))
    }
    return .success(python)
  }()
}

struct TestToolsMissing: Error, CustomStringConvertible {
  var description: String
}

/// Every character of a PDF as pdfplumber reads it: page (from 0), size, font, text, position.
struct PDFCharacter: Decodable {
  var page: Int
  var size: Double
  var font: String
  var text: String
  var x0: Double
  var x1: Double
  var top: Double
}

func characters(ofPDF path: String) throws -> [PDFCharacter] {
  let script = """
    import json, sys, pdfplumber
    out = []
    with pdfplumber.open(sys.argv[1]) as pdf:
        for number, page in enumerate(pdf.pages):
            for c in page.chars:
                out.append({"page": number, "size": c["size"], "font": c["fontname"], "text": c["text"],
                            "x0": c["x0"], "x1": c["x1"], "top": c["top"]})
    print(json.dumps(out))
    """
  let result = try pdfplumber(script, [path])
  guard result.status == 0 else { throw TestToolsMissing(description: result.stderr) }
  return try JSONDecoder().decode([PDFCharacter].self, from: result.stdout)
}

/// The text of a PDF as pdftotext reads it, in reading order, no-break spaces as spaces.
func text(ofPDF path: String, raw: Bool = false) throws -> String {
  let output = try run("pdftotext", (raw ? ["-raw"] : []) + [path, "-"]).stdout
  return String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\u{00A0}", with: " ")
    .replacingOccurrences(of: "\u{2060}", with: "")
}

/// A shared example plan edited as JSON, written beside it so that the logo's path holds.
func editedExample(_ name: String, _ edit: (inout [String: Any]) -> Void) throws -> RenderRequest {
  let url = sharedExamples.appendingPathComponent("\(name).json")
  var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
  edit(&json)
  let data = try JSONSerialization.data(withJSONObject: json)
  return RenderRequest(plan: [UInt8](data), planPath: url.path)
}
