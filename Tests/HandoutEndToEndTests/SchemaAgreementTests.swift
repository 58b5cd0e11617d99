import Foundation
import Testing

/// The schema is the contract: for generated plans, the JSON Schema (jsonschema from PyPI, with
/// formats checked), `validate` and `render` all accept or all refuse.
@Suite("Schema, validate and render agree")
struct SchemaAgreementTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  /// A change to a plan, by name, and whether a correct plan stays correct after it.
  static let mutations: [(name: String, isValid: Bool, change: @Sendable (inout [String: Any]) -> Void)] = [
    ("as it is", true, { _ in }),
    ("an unknown home-care id", false, { $0["homeCare"] = ["piriformis-strech"] }),
    ("a pain score of 11", false, { Self.edit(&$0, "condition") { $0["painScore"] = 11 } }),
    ("an empty side", false, { Self.edit(&$0, "condition") { $0["side"] = "" } }),
    ("an unknown pain area", false, { Self.edit(&$0, "condition") { $0["painAreas"] = ["right-butt"] } }),
    ("an unknown field", true, { $0["homecare"] = [] }),
    ("a date that does not exist", false, { $0["date"] = "2026-02-30" }),
    ("notes of 60,000 characters", false, { $0["notes"] = String(repeating: "word ", count: 12_000) }),
    ("notes of 40,000 characters", true, { $0["notes"] = String(repeating: "Rest well. ", count: 3_600) }),
    ("201 goals", false, { $0["goals"] = (0..<201).map { "Goal \($0)." } }),
    ("200 goals", true, { $0["goals"] = (0..<200).map { "Goal \($0)." } }),
    ("no client and no title", false, { $0["client"] = nil; $0["title"] = nil }),
    ("a javascript: booking address", false, { Self.edit(&$0, "clinic") { $0["bookingUrl"] = "javascript:alert(1)" } }),
    ("a colour name", false, { Self.edit(&$0, "clinic") { $0["brandColor"] = "teal" } }),
    ("format 2", false, { $0["format"] = 2 }),
    ("a language that is no tag", false, { $0["language"] = "english!" }),
    ("a technique of the clinic's own without a description", false, { $0["techniques"] = [["title": "Cupping"]] }),
    ("a technique of the clinic's own", true, { $0["techniques"] = [["title": "Cupping", "description": "Cups on the skin."]] }),
    ("30 times a day", false, { $0["homeCare"] = [["id": "walking", "perDay": 30]] }),
    ("a hold of 2 hours", false, { $0["homeCare"] = [["id": "hamstring-stretch", "hold": 7200]] }),
    ("a hold of \"45 s\"", true, { $0["homeCare"] = [["id": "hamstring-stretch", "hold": "45 s"]] }),
    ("a question without an answer", false, { $0["faq"] = [["question": "Why?"]] }),
    ("a number as the client's name", false, { Self.edit(&$0, "client") { $0["name"] = 1e20 } }),
    ("an unknown layout", false, { $0["layout"] = "poster" }),
    ("the FAQ sheet layout", true, { $0["layout"] = "faq-sheet" }),
  ]

  static func edit(_ plan: inout [String: Any], _ key: String, _ change: (inout [String: Any]) -> Void) {
    var part = plan[key] as? [String: Any] ?? [:]
    change(&part)
    plan[key] = part
  }

  /// 25 mutations of each of the two personal reference plans: 50 plans.
  @Test func theSchemaValidateAndRenderAgreeOnFiftyGeneratedPlans() throws {
    var files: [(name: String, path: String, isValid: Bool)] = []
    for base in ["sciatica-plan.json", "lower-back-plan.json"] {
      let source = base == "sciatica-plan.json"
        ? sharedExamples.appendingPathComponent(base) : packageRoot.appendingPathComponent("Examples/\(base)")
      let original = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
      for (index, mutation) in Self.mutations.enumerated() {
        var plan = original
        plan["clinic"] = (plan["clinic"] as? [String: Any])?.filter { $0.key != "logo" }
        mutation.change(&plan)
        let path = scratch.url.appendingPathComponent("\(base)-\(index).json").path
        try JSONSerialization.data(withJSONObject: plan).write(to: URL(fileURLWithPath: path))
        files.append(("\(base): \(mutation.name)", path, mutation.isValid))
      }
    }
    #expect(files.count == 50)
    let accepted = try schemaAccepts(files.map(\.path))
    for (file, schemaSaysValid) in zip(files, accepted) {
      let validate = try run(handoutBinary, ["validate", file.path])
      let render = try run(handoutBinary, ["render", file.path, "-o", file.path + ".pdf"])
      #expect([0, 64].contains(validate.status), "\(file.name): validate exited \(validate.status)")
      #expect((validate.status == 0) == file.isValid, "\(file.name): validate \(validate.status)\n\(validate.stderr)")
      #expect(render.status == validate.status, "\(file.name): render \(render.status), validate \(validate.status)\n\(render.stderr)")
      #expect(schemaSaysValid == file.isValid, "\(file.name): the schema says \(schemaSaysValid ? "valid" : "invalid")")
    }
  }

  /// Whether the plan schema accepts each file, formats (dates) checked.
  func schemaAccepts(_ paths: [String]) throws -> [Bool] {
    let schema = try run(handoutBinary, ["schema"])
    let schemaPath = try scratch.file([UInt8](schema.stdout), suffix: ".json")
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
      for path in sys.argv[2:]:
          print('valid' if validator.is_valid(json.load(open(path))) else 'invalid')
      """
    let result = try run(try testPython(), ["-c", script, schemaPath] + paths)
    #expect(result.status == 0, "\(result.stderr)")
    return String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map { $0 == "valid" }
  }
}
