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

  /// What the schema cannot know, by bad plan: each of these `validate` refuses and the schema
  /// accepts, for the reason given (Docs/plan-format.md, "The schema").
  static let schemaCannotKnow: [String: String] = [
    "missing-logo.json": "whether the logo file exists and is an image",
    "missing-layout-file.json": "whether the layout file exists and is a layout",
    "language-without-catalogue-text.json": "which catalogue text the layout prints, and in which languages it exists",
    "too-much-text.json": "the total length of all the texts together",
  ]

  /// Both shared examples, the fuzz corpus, the fixtures (good plans and bad ones) and the
  /// project's examples: the schema (after the strict JSON reading every plan gets) and
  /// `validate` accept and refuse the same files, but for what a schema cannot know.
  @Test func theSchemaAndValidateAgreeOnTheExamplesTheCorpusAndTheBadPlans() throws {
    var files: [URL] = try fuzzCorpus(in: scratch)
    let folders = [
      sharedExamples, packageRoot.appendingPathComponent("Examples"),
      packageRoot.appendingPathComponent("Tests/HandoutEndToEndTests/Fixtures"),
      packageRoot.appendingPathComponent("Tests/HandoutEndToEndTests/Fixtures/bad-plans"),
    ]
    for folder in folders {
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      files += names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.sorted().map { folder.appendingPathComponent($0) }
    }
    #expect(files.count > 60)
    let verdicts = try schemaVerdicts(files.map(\.path))
    var disagreements: [String] = []
    var known: Set<String> = []
    for (file, verdict) in zip(files, verdicts) {
      let validate = try run(handoutBinary, ["validate", file.path])
      #expect([0, 64].contains(validate.status), "\(file.lastPathComponent): validate exited \(validate.status)")
      let schemaAccepts = verdict == "valid"
      guard schemaAccepts != (validate.status == 0) else { continue }
      if schemaAccepts, validate.status == 64, Self.schemaCannotKnow[file.lastPathComponent] != nil {
        known.insert(file.lastPathComponent)
        continue
      }
      let firstError = validate.stderr.split(separator: "\n").first { $0.contains("error:") } ?? ""
      disagreements.append(
        "\(file.lastPathComponent): the schema says \(verdict), validate exits \(validate.status) \(firstError)")
    }
    #expect(disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(disagreements.joined(separator: "\n"))")
    #expect(known == Set(Self.schemaCannotKnow.keys), "the schema now knows: \(Set(Self.schemaCannotKnow.keys).subtracting(known))")
  }

  /// The schema's verdict on each file, "valid" or "invalid: why". A file is read as every plan
  /// is before its fields are checked (RFC 8259 strictly: UTF-8 only, no duplicate keys, no
  /// NUL, noncharacter or lone surrogate, 64 levels deep at most), then checked against
  /// `handout schema` with Python's jsonschema from PyPI, formats (dates) included.
  func schemaVerdicts(_ paths: [String]) throws -> [String] {
    let schema = try run(handoutBinary, ["schema"])
    let schemaPath = try scratch.file([UInt8](schema.stdout), suffix: ".json")
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft202012Validator.check_schema(schema)
      validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
      def unique(pairs):
          keys = [key for key, _ in pairs]
          if len(set(keys)) != len(keys): raise ValueError('a duplicate key')
          return dict(pairs)
      def printable(value, depth=0):
          if depth > 64: raise ValueError('nested too deep')
          if isinstance(value, dict):
              for key, item in value.items(): printable(key, depth + 1); printable(item, depth + 1)
          elif isinstance(value, list):
              for item in value: printable(item, depth + 1)
          elif isinstance(value, str):
              for c in value:
                  n = ord(c)
                  if n == 0 or 0xD800 <= n <= 0xDFFF or 0xFDD0 <= n <= 0xFDEF or n & 0xFFFE == 0xFFFE:
                      raise ValueError('U+%04X' % n)
      for path in sys.argv[2:]:
          try:
              data = open(path, 'rb').read()
              if data.startswith(b'\\xef\\xbb\\xbf'): data = data[3:]
              plan = json.loads(data.decode('utf-8'), object_pairs_hook=unique, parse_constant=lambda c: 1 / 0)
              printable(plan)
          except Exception as error:
              print('invalid: not read: %s' % str(error).splitlines()[0][:80])
              continue
          error = jsonschema.exceptions.best_match(validator.iter_errors(plan))
          print('valid' if error is None else 'invalid: %s at %s' % (error.message[:80], error.json_path))
      """
    let result = try run(try testPython(), ["-c", script, schemaPath] + paths)
    try #require(result.status == 0, "\(result.stderr)")
    let verdicts = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
    try #require(verdicts.count == paths.count)
    return verdicts
  }

  /// Whether the plan schema accepts each file, formats (dates) checked.
  func schemaAccepts(_ paths: [String]) throws -> [Bool] {
    try schemaVerdicts(paths).map { $0 == "valid" }
  }
}

