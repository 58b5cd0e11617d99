import Foundation
import HandoutKit
import HandoutModel
import Testing

/// Every problem `validate` reports says where it is and how to fix it, and standard error stays
/// short however many there are.
@Suite("Every diagnostic has a place and a hint")
struct DiagnosticCoverageTests {
  /// The bad plans (one per refusal the fuzzer and issue 14 found), the fuzz corpus, the
  /// fixtures and the reference plans.
  static func inputs(_ scratch: Scratch) throws -> [URL] {
    var files: [URL] = try fuzzCorpus(in: scratch)
    let folders = [badPlans, packageRoot.appendingPathComponent("Tests/HandoutEndToEndTests/Fixtures")]
    for folder in folders {
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      files += names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
    }
    return files + (try referencePlans())
  }

  @Test func everyDiagnosticOfEveryInputHasAPlaceAndAHint() throws {
    let engine = try Engine()
    var count = 0
    var refused = 0
    let scratch = try Scratch()
    for url in try Self.inputs(scratch) {
      let (plan, diagnostics) = engine.validate(try request(url))
      if plan == nil { refused += 1 }
      for diagnostic in diagnostics {
        count += 1
        let text = DiagnosticFormatter.format(diagnostic)
        #expect(diagnostic.file == url.path, "\(url.lastPathComponent): no file: \(text)")
        #expect(diagnostic.location != nil || diagnostic.path != nil, "\(url.lastPathComponent): no place: \(text)")
        #expect(diagnostic.hint?.isEmpty == false, "\(url.lastPathComponent): no hint: \(text)")
        if case .failure = diagnostic.problem { Issue.record("\(url.lastPathComponent): not a fact of the input: \(text)") }
      }
    }
    // Every bad plan but the three that only warn is refused.
    let badPlanCount = try FileManager.default.contentsOfDirectory(atPath: badPlans.path).count { $0.hasSuffix(".json") }
    #expect(refused == badPlanCount - 3)
    #expect(count > badPlanCount)
  }

  /// `validate` over every bad plan at once: each refused file is named, and the whole of
  /// standard error is under 64 KB.
  @Test func validateOverEveryBadPlanStaysUnder64KB() throws {
    let plans = try FileManager.default.contentsOfDirectory(atPath: badPlans.path).filter { $0.hasSuffix(".json") }.sorted()
    let result = try run(handoutBinary, ["validate"] + plans.map { badPlans.appendingPathComponent($0).path })
    #expect(result.status == 64)
    #expect(result.stderr.utf8.count < 65_536)
    let lines = result.stderr.split(separator: "\n")
    for (index, line) in lines.enumerated() where line.contains(": error: ") || line.contains(": warning: ") {
      #expect(index + 1 < lines.count && lines[index + 1].hasPrefix("  hint: "), "no hint after: \(line)")
    }
  }

  /// A plan with 200 problems, each quoting 900 characters of the plan: 50 written in full,
  /// one line for the rest, and standard error under 64 KB.
  @Test func twoHundredProblemsAreSummarisedInOneLine() throws {
    let scratch = try Scratch()
    let note = String(repeating: "x", count: 900)
    let items = (0..<200).map { #"{"id": "walking", "hold": "\#(note)\#($0)"}"# }
    let plan = #"{"format": 1, "client": {"name": "Sam Lee"}, "homeCare": ["# + items.joined(separator: ",") + "]}"
    let path = try scratch.file(Array(plan.utf8), suffix: ".json")
    let result = try run(handoutBinary, ["validate", path])
    #expect(result.status == 64)
    #expect(result.stderr.utf8.count < 65_536)
    #expect(
      result.stderr.hasSuffix("\n… and 150 more problems; fix these first, then run validate again\n200 errors, 0 warnings\n"),
      "\(result.stderr.suffix(300))")
    #expect(result.stderr.components(separatedBy: "\n  hint: ").count - 1 == 50)
    #expect(result.stderr.contains(": error: homeCare[0].hold: \"\(String(repeating: "x", count: 100))…\" is not a time from 1 s to 60 min\n"))
  }
}

/// Plans that `validate` refuses (or warns about), one for each kind of problem: invalid UTF-8,
/// duplicate keys, values out of range, unknown ids, hostile links, limits, missing files.
let badPlans = packageRoot.appendingPathComponent("Tests/HandoutEndToEndTests/Fixtures/bad-plans")

/// The fuzz corpus (Fuzz/Corpus), copied into a folder that holds the logos its plans name, as
/// the fuzzer's own workspace does (the PNG and JPEG are read from its source, so they agree).
func fuzzCorpus(in scratch: Scratch) throws -> [URL] {
  let corpus = packageRoot.appendingPathComponent("Fuzz/Corpus")
  let folder = scratch.url.appendingPathComponent("corpus")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  try FileManager.default.copyItem(
    at: sharedExamples.appendingPathComponent("riverside-logo.svg"), to: folder.appendingPathComponent("riverside-logo.svg"))
  let workspace = try String(contentsOf: packageRoot.appendingPathComponent("Fuzz/Sources/handout-fuzz/Workspace.swift"), encoding: .utf8)
  for (name, constant) in [("logo.png", "png"), ("logo.jpg", "jpeg")] {
    let line = try #require(workspace.split(separator: "\n").first { $0.contains("static let \(constant) = \"") })
    let base64 = try #require(line.split(separator: "\"").dropFirst().first)
    try #require(Data(base64Encoded: String(base64))).write(to: folder.appendingPathComponent(name))
  }
  var plans: [URL] = []
  for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter({ $0.hasSuffix(".json") }).sorted() {
    let copy = folder.appendingPathComponent(name)
    try FileManager.default.copyItem(at: corpus.appendingPathComponent(name), to: copy)
    plans.append(copy)
  }
  return plans
}
