import Foundation
import Testing

/// Every input is bounded before work is done, and layout and catalogue files are read as
/// strictly as plans: each refusal names the place, the limit and a fix.
@Suite("Limits and strict reading")
struct LimitsTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  /// The reference plan with `change` applied, written as one line of JSON.
  func plan(_ change: (inout [String: Any]) -> Void) throws -> String {
    let data = try Data(contentsOf: sharedExamples.appendingPathComponent("sciatica-plan.json"))
    var plan = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    plan["clinic"] = (plan["clinic"] as? [String: Any])?.filter { $0.key != "logo" }
    change(&plan)
    let path = scratch.url.appendingPathComponent("plan-\(UUID().uuidString).json").path
    try JSONSerialization.data(withJSONObject: plan).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Runs `handout` under /usr/bin/time and returns the run and its peak RSS in kilobytes.
  func measured(_ arguments: [String], input: Data? = nil) throws -> (Run, Int) {
    let result = try run("/usr/bin/time", ["-f", "peak %M KB", handoutBinary] + arguments, input: input)
    let peak = try #require(result.stderr.split(separator: "\n").last { $0.hasPrefix("peak ") })
    return (result, try #require(Int(peak.dropFirst(5).dropLast(3))))
  }

  @Test func aTwentyMegabyteNoteIsRefusedFromTheFileSize() throws {
    let path = try plan { $0["notes"] = String(repeating: "word ", count: 4_000_000) }
    let (result, peak) = try measured(["render", path, "-o", scratch.url.appendingPathComponent("out.pdf").path])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("\(path): error: the file is 20,003,"), "\(result.stderr)")
    #expect(result.stderr.contains(" bytes; the limit is 4,194,304\n  hint: "))
    #expect(peak < 200 * 1024, "peak RSS \(peak) KB")
  }

  @Test func aTwentyMegabytePlanOnStandardInputIsRefused() throws {
    let path = try plan { $0["notes"] = String(repeating: "word ", count: 4_000_000) }
    let (result, peak) = try measured(["render", "-", "-o", "-"], input: try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("<stdin>: error: the input is more than 4,194,304 bytes, the limit\n  hint: "), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(peak < 200 * 1024, "peak RSS \(peak) KB")
  }

  @Test(arguments: [
    ("notes", "notes: the text is 60,000 characters long; the limit is 50,000"),
    ("unbroken", "notes: the text holds 40,000 characters without a space; the limit is 2,000"),
    ("list", "goals: the list has 200,000 items; the limit is 200"),
    ("total", "the plan holds 206,117 characters of text; the limit is 200,000"),
  ])
  func oversizedFieldsAreRefusedWithTheirPathAndLimit(kind: String, message: String) throws {
    let path = try plan {
      switch kind {
      case "notes": $0["notes"] = String(repeating: "word ", count: 12_000)
      case "unbroken": $0["notes"] = String(repeating: "x", count: 40_000)
      case "list": $0["goals"] = [String](repeating: "", count: 200_000)
      default: $0["faq"] = (0..<50).map { ["question": "Q\($0)?", "answer": String(repeating: "long answer ", count: 340)] }
      }
    }
    let validate = try run(handoutBinary, ["validate", path])
    #expect(validate.status == 64)
    #expect(validate.stderr.contains("error: \(message)"), "\(validate.stderr.prefix(400))")
    let render = try run(handoutBinary, ["render", path, "-o", scratch.url.appendingPathComponent("out.pdf").path])
    #expect(render.status == 64)
    #expect(render.stderr == validate.stderr.replacingOccurrences(of: "\n1 error, 0 warnings", with: "\n1 error, 0 warnings"))
  }

  /// A layout file is read by the plan's reader: a negative margin is refused with its line and
  /// column before it reaches Cairo; an unknown key is an error with the nearest known one.
  @Test(arguments: [
    (#"{"name": "x", "description": "x", "paper": "letter",\#n "margins": {"top": 36, "right": 36, "bottom": 36, "left": -20000000},\#n "type": {"family": "Noto Sans", "body": 12, "lineHeight": 1.4, "title": 24, "heading": 16, "subheading": 13, "small": 10},\#n "sections": ["title"], "homeCareColumns": 2}"#,
     ":2:60: error: margins.left: expected a number from 0 to 216, found -20000000\n  hint: margins are in points"),
    (#"{"name": "x", "description": "x", "paper": "letter",\#n "margins": {"top": "36", "right": 36, "bottom": 36, "left": 36}}"#,
     ":2:21: error: margins.top: expected a number, found a string\n  hint: `handout schema --layout`"),
    (#"{"name": "x", "description": "x", "paper": "letter", "margin": {},\#n "margins": {"top": 36, "right": 36, "bottom": 36, "left": 36},\#n "type": {"family": "Noto Sans", "body": 12, "lineHeight": 1.4, "title": 24, "heading": 16, "subheading": 13, "small": 10},\#n "sections": ["title"], "homeCareColumns": 2}"#,
     ":1:54: error: margin: unknown field \"margin\"\n  hint: did you mean \"margins\"?"),
    (#"{"name": "x", "name": "y"}"#,
     ":1:15: error: name: the key \"name\" appears twice in this object (first at 1:2)\n  hint: keep one of them"),
    (#"{"name": "x", "description": "x", "paper": "A5"}"#,
     ":1:44: error: paper: \"A5\" is not a known value here\n  hint: "),
  ])
  func badLayoutFilesExit64WithLineAndColumn(text: String, message: String) throws {
    let layout = scratch.url.appendingPathComponent("bad-layout.json")
    try Data(text.utf8).write(to: layout)
    let path = try plan { _ in }
    for command in [["render", path, "--layout", layout.path, "-o", "-"], ["validate", path, "--layout", layout.path]] {
      let result = try run(handoutBinary, command)
      #expect(result.status == 64, "\(command[0]): \(result.stderr)")
      #expect(result.stderr.hasPrefix(layout.path + message), "\(command[0]): \(result.stderr)")
    }
  }

  @Test func aCatalogueFileWithAnUnknownKeyExits64() throws {
    let catalogue = scratch.url.appendingPathComponent("clinic-catalog.json")
    try Data(#"{"homeCare": {"neck-roll": {"name": "Neck rolls", "summary": "Loosen the neck.", "stepz": ["Roll slowly."]}}}"#.utf8).write(to: catalogue)
    let result = try run(handoutBinary, ["render", try plan { _ in }, "--catalog", catalogue.path, "-o", "-"])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix(catalogue.path + ":1:28: error: homeCare.neck-roll.steps: missing required field \"steps\"\n  hint: \"stepz\" at 1:82 looks like a misspelling of it; "), "\(result.stderr)")
    try Data(#"{"homeCare": {"neck-roll": {"name": "Neck rolls", "summary": "Loosen the neck.", "steps": ["Roll slowly."], "fel": "A stretch"}}}"#.utf8).write(to: catalogue)
    let again = try run(handoutBinary, ["render", try plan { _ in }, "--catalog", catalogue.path, "-o", "-"])
    #expect(again.status == 64)
    #expect(again.stderr.hasPrefix(catalogue.path + ":1:109: error: homeCare.neck-roll.fel: unknown field \"fel\"\n  hint: did you mean \"feel\"?"), "\(again.stderr)")
  }
}
