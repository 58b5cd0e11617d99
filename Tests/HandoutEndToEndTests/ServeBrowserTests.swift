import Foundation
import Testing

/// The form in a real browser, and the API under schemathesis: both Python, from PyPI
/// (scripts/install-test-tools), against a `handout serve` the test starts.
@Suite("handout serve: the form in Chromium, and schemathesis", .serialized)
struct ServeBrowserTests {
  @Test("The form: a new client, the live preview, the PDF download, a typo'd dosage beside its field")
  func form() throws {
    let python = try testToolsPython()
    for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where access(tool, X_OK) != 0 {
      throw ServerSetupError("\(tool) is missing: scripts/install-system-deps installs chromium and chromium-driver")
    }
    let server = try ServeProcess()
    let scratch = try Scratch()
    let script = packageRoot.appendingPathComponent("Tests/HandoutEndToEndTests/Serve/form_test.py").path
    let result = try run(python, [script, server.base.absoluteString, scratch.url.path])
    let output = String(decoding: result.stdout, as: UTF8.self)
    #expect(result.status == 0, "\(output)\n\(result.stderr)")
    for check in ["the preview changes after typing in the name", "the PDF's text holds the client's name",
                  "the typo'd dosage's message shows beside its field"] {
      #expect(output.contains("ok \(check)"), "\(output)")
    }
  }

  @Test("schemathesis against /openapi.json finds no 5xx")
  func schemathesis() throws {
    let python = try testToolsPython()
    let server = try ServeProcess(["--assets", sharedExamples.path, "--queue", "256"])
    let scratch = try Scratch()
    let schemathesis = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent("schemathesis").path
    // From a scratch folder: schemathesis keeps its own files (.schemathesis/) where it runs.
    let result = try run(
      "/bin/sh",
      ["-c", "cd \"$0\" && exec \"$@\"", scratch.url.path, schemathesis, "run", server.url("/openapi.json").absoluteString, "--checks", "not_a_server_error", "--max-examples", "15",
       "--phases", "examples,coverage,fuzzing", "--no-color", "--seed", "17", "--request-timeout", "60"],
      environment: ["SCHEMATHESIS_HOOKS": "", "HOME": scratch.url.path])
    let output = String(decoding: result.stdout, as: UTF8.self)
    #expect(result.status == 0, "\(output)\n\(result.stderr)")
    #expect(!output.contains("Server error"), "\(output)")
  }
}
