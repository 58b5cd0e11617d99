import Foundation
import HandoutCatalog
import HandoutKit
import Testing

@Suite("The plan format: schema, catalogue command, languages, readability")
struct PlanFormatTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  /// Validates `plans` against the printed schema with Python's jsonschema; the errors, one a line.
  private func schemaErrors(_ plans: [String], layout: Bool = false) throws -> (status: Int32, output: String) {
    let schema = try run(handoutBinary, ["schema"] + (layout ? ["--layout"] : []))
    #expect(schema.status == 0)
    let schemaPath = try scratch.file([UInt8](schema.stdout), suffix: ".json")
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft202012Validator.check_schema(schema)
      validator = jsonschema.Draft202012Validator(schema)
      bad = 0
      for path in sys.argv[2:]:
          for error in validator.iter_errors(json.load(open(path))):
              bad += 1
              print('/'.join(map(str, error.absolute_path)) or '(root)')
      sys.exit(1 if bad else 0)
      """
    let result = try run(try schemaPython(), ["-c", script, schemaPath] + plans)
    return (result.status, String(decoding: result.stdout, as: UTF8.self) + result.stderr)
  }

  @Test func theSchemaAcceptsEveryReferencePlan() throws {
    let result = try schemaErrors(try referencePlans().map(\.path))
    #expect(result.status == 0, "\(result.output)")
  }

  @Test func theLayoutSchemaAcceptsEveryBuiltInLayout() throws {
    let folder = packageRoot.appendingPathComponent("Layouts")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
    #expect(files.count == 6)
    let result = try schemaErrors(files.map { folder.appendingPathComponent($0).path }, layout: true)
    #expect(result.status == 0, "\(result.output)")
  }

  @Test func theSchemaRejectsWhatTheReaderRejects() throws {
    var plan = try JSONSerialization.jsonObject(with: Data(contentsOf: sharedExamples.appendingPathComponent("sciatica-plan.json"))) as! [String: Any]
    var clinic = plan["clinic"] as! [String: Any]
    clinic["brandColor"] = "teal"
    plan["clinic"] = clinic
    plan["homecare"] = []
    var homeCare = plan["homeCare"] as! [Any]
    homeCare[0] = ["id": "walking", "perDay": 30]
    plan["homeCare"] = homeCare
    let path = try scratch.file([UInt8](try JSONSerialization.data(withJSONObject: plan)), suffix: ".json")
    let result = try schemaErrors([path])
    #expect(result.status == 1)
    let lines = Set(result.output.split(separator: "\n").map(String.init))
    // The unknown field "homecare" is a warning in `validate`, so the schema accepts it too.
    #expect(lines == ["clinic/brandColor", "homeCare/0"], "\(result.output)")
  }

  @Test func theSchemaOffersTheCatalogueIds() throws {
    let schema = try JSONSerialization.jsonObject(with: Data(try Schemas.plan().utf8)) as! [String: Any]
    let properties = schema["properties"] as! [String: Any]
    let homeCare = ((properties["homeCare"] as! [String: Any])["items"] as! [String: Any])["oneOf"] as! [[String: Any]]
    let ids = homeCare[0]["enum"] as! [String]
    #expect(Set(ids) == Set(try Catalog.builtIn(language: "en").homeCare.keys))
  }

  @Test func theCatalogCommandListsIdsAndItsJSONReadsBack() throws {
    let list = try run(handoutBinary, ["catalog", "--kind", "homeCare", "--language", "es"])
    let text = String(decoding: list.stdout, as: UTF8.self)
    #expect(list.status == 0)
    #expect(text.hasPrefix("homeCare (13)\n"))
    #expect(text.contains("  piriformis-stretch  Estiramiento del piriforme\n"))
    let json = try run(handoutBinary, ["catalog", "--json", "--language", "es"])
    let path = try scratch.file([UInt8](json.stdout), suffix: ".json")
    let again = try run(handoutBinary, ["catalog", "--catalog", path, "--kind", "faq"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(String(decoding: again.stdout, as: UTF8.self).contains("¿Cuántas sesiones voy a necesitar?"))
    let bad = try run(handoutBinary, ["catalog", "--kind", "recipes"])
    #expect(bad.status == 64)
  }

  @Test func aSpanishPlanPrintsNoEnglishCatalogueText() throws {
    let english = try Catalog.builtIn(language: "en")
    var plan = try JSONSerialization.jsonObject(with: Data(contentsOf: sharedExamples.appendingPathComponent("sciatica-plan.json"))) as! [String: Any]
    plan["language"] = "es"
    plan["clinic"] = (plan["clinic"] as! [String: Any]).filter { $0.key != "logo" }
    var request = RenderRequest(plan: [UInt8](try JSONSerialization.data(withJSONObject: plan)), planPath: nil)
    request.sourceDateEpoch = 0
    let result = try Engine().render(request)
    let pdf = try scratch.file(result.files[0])
    let text = String(decoding: try run("pdftotext", ["-raw", pdf, "-"]).stdout, as: UTF8.self)
      .replacingOccurrences(of: "\n", with: " ")
    var phrases = CatalogTests.prose(english).map(\.text)
    phrases += english.labels.values.compactMap { if case .text(let text) = $0 { text } else { nil } }
    phrases += english.homeCare.values.map(\.name) + english.techniques.values.map(\.name)
    phrases += english.faq.values.map(\.question)
    let leaked = phrases.filter { $0.count >= 12 && text.contains($0) }
    #expect(leaked.isEmpty, "English catalogue text in a Spanish handout: \(leaked)")
    #expect(text.contains("Su programa en casa"))
    #expect(text.contains("20 de noviembre de 2026"))
    #expect(text.contains("10:30 a. m."))
  }

  @Test func hardProseIsFlaggedWithItsPath() throws {
    let plan = """
      {"format": 1, "client": {"name": "A"},
       "notes": "Considering the multifactorial etiology of radicular symptomatology, therapeutic intervention prioritized neuromuscular normalization. Subsequently, progressive mobilization of the lumbopelvic musculature commenced cautiously.",
       "precautions": ["Avoid lifting anything heavier than a bag of groceries and avoid sitting for more than an hour at a time without getting up and walking around for a few minutes."]}
      """
    let result = try run(handoutBinary, ["validate", "-"], input: Data(plan.utf8))
    #expect(result.status == 0)
    #expect(result.stderr.hasSuffix("<stdin>: ok\n"))
    #expect(result.stderr.contains("<stdin>:3:18: warning: precautions[0]: a sentence of 30 words is hard to follow\n"))
    #expect(result.stderr.contains("<stdin>:2:11: warning: notes: reads at about grade"))
    let strict = try run(handoutBinary, ["validate", "--strict", "-"], input: Data(plan.utf8))
    #expect(strict.status == 64)
  }
}
