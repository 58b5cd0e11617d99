import Foundation
import HandoutKit
import Testing

@Suite("The handout command")
struct CommandLineTests {
  /// Each test gets its own instance, and so its own folder, removed afterwards.
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  let plan = sharedExamples.appendingPathComponent("sciatica-plan.json").path

  @Test func readsStandardInputAndWritesStandardOutput() throws {
    let input = try Data(contentsOf: sharedExamples.appendingPathComponent("sciatica-brochure.json"))
    // From stdin, the logo path is relative to the working folder: run from the examples.
    let process = try run("/bin/sh", ["-c", "cd '\(sharedExamples.path)' && '\(handoutBinary)' render - -o -"], input: input)
    #expect(process.status == 0, "\(process.stderr)")
    #expect(process.stdout.starts(with: Data("%PDF-1.5".utf8)))
    let path = try scratch.file([UInt8](process.stdout))
    #expect(try run("qpdf", ["--check", path]).status == 0)
  }

  @Test func standardInputGivesTheSameBytesAsAFile() throws {
    let input = try Data(contentsOf: URL(fileURLWithPath: plan))
    let folder = sharedExamples.path
    let fromStdin = try run("/bin/sh", ["-c", "cd '\(folder)' && '\(handoutBinary)' render - -o -"], input: input)
    let fromFile = try run(handoutBinary, ["render", plan, "-o", "-"])
    #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
    #expect(fromStdin.stdout == fromFile.stdout)
  }

  @Test func invalidJSONExits64NamingLineAndColumn() throws {
    let process = try run(handoutBinary, ["render", "-", "-o", "-"], input: Data("{\n  \"format\": 1,\n  \"client\": {\"name\": \"A\",}\n}".utf8))
    #expect(process.status == 64)
    #expect(process.stdout.isEmpty)
    #expect(process.stderr.hasPrefix("<stdin>:3:26: error: client: invalid JSON: trailing comma before '}'\n"))
  }

  @Test func badValuesExit64AndWriteNothing() throws {
    let folder = scratch.url
    let planFile = folder.appendingPathComponent("bad.json")
    try Data(#"{"format": 1, "client": {"name": "A"}, "homeCare": [{"id": "piriformis-strech", "repeat": 0}]}"#.utf8).write(to: planFile)
    let output = folder.appendingPathComponent("out.pdf").path
    let process = try run(handoutBinary, ["render", planFile.path, "-o", output])
    #expect(process.status == 64)
    #expect(process.stderr.contains("bad.json:1:91: error: homeCare[0].repeat: expected a whole number from 1 to 100, found 0"))
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func unknownIDsSuggestTheNearestOne() throws {
    let folder = scratch.url
    let planFile = folder.appendingPathComponent("typo.json")
    try Data(#"{"format": 1, "client": {"name": "A"}, "homeCare": [{"id": "piriformis-strech"}]}"#.utf8).write(to: planFile)
    let process = try run(handoutBinary, ["validate", planFile.path])
    #expect(process.status == 64)
    #expect(process.stderr.contains(
      "typo.json:1:60: error: homeCare[0].id: unknown home-care id \"piriformis-strech\"\n  hint: did you mean \"piriformis-stretch\"?"))
  }

  @Test func aMissingFileExits64() throws {
    let process = try run(handoutBinary, ["render", "/nonexistent/plan.json"])
    #expect(process.status == 64)
    #expect(process.stderr == "/nonexistent/plan.json: error: cannot open the file: No such file or directory\n  hint: check the path and the file's permissions\n")
  }

  @Test func anUnknownLayoutExits64WithTheKnownOnes() throws {
    let process = try run(handoutBinary, ["render", plan, "--layout", "poster", "-o", "-"])
    #expect(process.status == 64)
    // The option is the place: a name on the command line is not in any file.
    #expect(process.stderr.hasPrefix("--layout: error: no built-in layout is called \"poster\"\n  hint: built-in layouts: take-home, care-plan-report, trifold-brochure, faq-sheet, large-print, tracker; or give"))
  }

  @Test func pngWritesOneFilePerPage() throws {
    let folder = scratch.url
    let process = try run(handoutBinary, ["render", plan, "--format", "png", "--dpi", "30", "-o", folder.appendingPathComponent("sheet.png").path])
    #expect(process.status == 0, "\(process.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(files.count >= 2)
    #expect(files.first == "sheet-1.png")
    let png = try Data(contentsOf: folder.appendingPathComponent("sheet-1.png"))
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
  }

  @Test func versionAndHelp() throws {
    #expect(String(decoding: try run(handoutBinary, ["--version"]).stdout, as: UTF8.self) == "\(handoutVersion)\n")
    let help = String(decoding: try run(handoutBinary, ["render", "--help"]).stdout, as: UTF8.self)
    #expect(help.contains("Examples:"))
    #expect(help.contains("--paper <paper>"))
  }
}
